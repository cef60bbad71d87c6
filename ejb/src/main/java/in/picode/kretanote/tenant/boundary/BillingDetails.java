package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The details printed on invoices, asked when a plan is chosen (not at sign-up: the trial needs
 * none). The limits are the tenant table's column limits; the tax id is optional.
 */
public record BillingDetails(
    @NotBlank(message = "Enter the legal name for invoices.")
        @Size(max = Tenant.NAME_MAX, message = "The legal name has at most {max} characters.")
        String legalName,
    @NotBlank(message = "Enter the billing address.")
        @Size(max = 300, message = "The address has at most {max} characters.")
        String addressLine,
    @Size(max = 20, message = "The postal code has at most {max} characters.") String postalCode,
    @NotBlank(message = "Enter the city.")
        @Size(max = 100, message = "The city has at most {max} characters.")
        String city,
    @NotBlank(message = "Choose the country.")
        @Pattern(regexp = "[A-Z]{2}", message = "Choose the country from the list.")
        String country,
    @Size(max = 40, message = "The tax id has at most {max} characters.") String taxId) {

  static BillingDetails of(Tenant t) {
    return new BillingDetails(
        t.getLegalName(),
        t.getAddressLine(),
        t.getPostalCode(),
        t.getCity(),
        t.getCountry(),
        t.getTaxId());
  }
}
