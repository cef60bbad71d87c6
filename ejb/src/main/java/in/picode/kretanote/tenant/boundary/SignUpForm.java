package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the sign-up form collects; the limits are the entities' column limits. The billing details
 * are optional here: the page no longer asks for them (they are asked when a plan is chosen), and
 * when given they are all checked as {@link BillingDetails} does.
 */
public record SignUpForm(
    @NotBlank(message = "Enter your company's name.")
        @Size(max = Tenant.NAME_MAX, message = "The company name has at most {max} characters.")
        String companyName,
    @NotBlank(message = "Enter your name.")
        @Size(max = UserAccount.NAME_MAX, message = "Your name has at most {max} characters.")
        String ownerName,
    @NotBlank(message = "Enter your email address.")
        @Email(message = "Enter a valid email address, like name@example.com.")
        @Size(max = UserAccount.EMAIL_MAX, message = "The email has at most {max} characters.")
        String email,
    String password,
    @Size(max = Tenant.NAME_MAX, message = "The legal name has at most {max} characters.")
        String legalName,
    @Size(max = 300, message = "The address has at most {max} characters.") String addressLine,
    @Size(max = 20, message = "The postal code has at most {max} characters.") String postalCode,
    @Size(max = 100, message = "The city has at most {max} characters.") String city,
    @Pattern(regexp = "[A-Z]{2}", message = "Choose the country from the list.") String country,
    @Size(max = 40, message = "The tax id has at most {max} characters.") String taxId) {

  boolean hasBillingDetails() {
    return legalName != null && !legalName.isBlank();
  }

  BillingDetails billingDetails() {
    return new BillingDetails(legalName, addressLine, postalCode, city, country, taxId);
  }
}
