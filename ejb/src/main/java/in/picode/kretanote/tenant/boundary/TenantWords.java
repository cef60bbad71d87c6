package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the tenant feature (sign-up, joining, invitations, password reset, passkeys and second
 * factors, team members, billing details) says to a user, as codes.
 */
public enum TenantWords implements Wording.Code {
  BUSY("The server is busy; please try again in a few seconds."),
  PASSWORD_SHORT("The password needs at least {0,number,#} characters."),
  PASSWORD_LONG("The password can have at most {0,number,#} characters."),
  PASSWORD_VARIETY("The password needs at least 4 different characters."),
  PASSWORD_EMAIL("The password must not contain your email address."),
  COMPANY_NAME_MISSING("Enter your company''s name."),
  COMPANY_NAME_LONG("The company name has at most {0,number,#} characters."),
  NAME_MISSING("Enter your name."),
  NAME_LONG("Your name has at most {0,number,#} characters."),
  EMAIL_MISSING("Enter your email address."),
  EMAIL_INVALID("Enter a valid email address, like name@example.com."),
  EMAIL_LONG("The email has at most {0,number,#} characters."),
  LEGAL_NAME_MISSING("Enter the legal name for invoices."),
  LEGAL_NAME_LONG("The legal name has at most {0,number,#} characters."),
  ADDRESS_MISSING("Enter the billing address."),
  ADDRESS_LONG("The address has at most {0,number,#} characters."),
  POSTAL_CODE_LONG("The postal code has at most {0,number,#} characters."),
  CITY_MISSING("Enter the city."),
  CITY_LONG("The city has at most {0,number,#} characters."),
  COUNTRY_MISSING("Choose the country."),
  COUNTRY_FROM_LIST("Choose the country from the list."),
  TAX_ID_LONG("The tax id has at most {0,number,#} characters."),
  JOIN_LINK_INVALID(
      "This invitation is not valid any more: it was used already, it was revoked, it expired, or"
          + " the link is incomplete. Ask the person who invited you to send a new one."),
  JOIN_INACTIVE("This business''s KretaNote account is not active, so nobody can join it now."),
  JOIN_EMAIL_TAKEN(
      "This email address already has a KretaNote account, and an account belongs to one"
          + " business only. Sign in with it, or ask to be invited with another address."),
  RESET_LINK_INVALID(
      "This link is not valid any more: it was used already, it expired, or it is incomplete."
          + " Ask for a new one below."),
  INVITE_EMAIL_MISSING("Enter the email address to invite."),
  INVITE_ROLE("Invite as admin or agent."),
  INVITES_MAX(
      "There are {0,number,#} open invitations already. Revoke some or wait until they are"
          + " answered."),
  INVITATION_CLOSED(
      "This invitation is not open any more: it was accepted, revoked or it expired."),
  ROLE_CHOICE("Choose owner, admin or agent."),
  OWNER_ROLE_BY_OWNER("Only an owner can make someone an owner or change an owner''s role."),
  DISABLE_SELF("You cannot disable your own account."),
  DISABLE_OWNER_BY_OWNER("Only an owner can disable an owner."),
  ENABLE_OWNER_BY_OWNER("Only an owner can enable an owner."),
  TEAM_NOT_ALLOWED("Only an owner or an admin can manage the team."),
  NOT_IN_TEAM("This person is not a member of your team."),
  LAST_OWNER("Your business needs at least one active owner. Make someone else an owner first."),
  UNKNOWN_ZONE("Choose a time zone from the list."),
  UNKNOWN_LANGUAGE("Choose a language from the list."),
  NOBODY_SIGNED_IN("Nobody is signed in."),
  PASSKEY_NAME(
      "Give the passkey a name of up to {0,number,#} characters, without < > or control"
          + " characters, such as \"Work laptop\"."),
  PASSKEY_FAILED(
      "The passkey could not be added. Try again; if it keeps failing, use another device."),
  PASSKEY_TOO_LARGE("This passkey is too large to be stored."),
  PASSKEY_KNOWN("This passkey is already registered."),
  PASSKEY_GONE("This passkey is gone."),
  PASSKEY_LAST(
      "Your business requires a second factor; add another passkey or an authenticator app"
          + " before removing this one."),
  PASSKEYS_FOR_MEMBERS("Passkeys are for members of a business."),
  FACTOR_EXISTS("A second factor is already set up."),
  CODE_MISMATCH("That code does not match. Check the time on your phone and try the next code."),
  FACTOR_REQUIRED(
      "Your business requires a second factor; set up a new one (or add a passkey) instead"
          + " of turning it off."),
  FACTOR_POLICY_BY_OWNER("Only the owner can change this."),
  FACTOR_OWN_FIRST("Set up your own second factor before requiring one for everyone."),
  NO_MEMBER_WITH_EMAIL("No member has this email."),
  NO_FACTOR("This user has no second factor."),
  FACTOR_RESET_REASON("Say how the person''s identity was checked."),
  MEMBER_EMAIL_MISSING("Type the member''s email address."),
  CODE_TOO_MANY("Too many wrong codes. Wait a moment, then type the current code."),
  CODE_INVALID("That code is not valid."),
  FACTORS_FOR_MEMBERS("Second factors are for members of a business.");

  private final String pattern;

  TenantWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }

  /**
   * The code of a form's Bean Validation message (the sign-up form, the billing details): the
   * annotation's message is the code's English pattern with {@code {max}} for the number; a message
   * without a code is shown as it is.
   */
  public static Wording of(ConstraintViolation<?> v) {
    return forMessage(v.getMessageTemplate())
        .map(
            w ->
                w.pattern.contains("{0")
                    ? w.with(v.getConstraintDescriptor().getAttributes().get("max"))
                    : w.with())
        .orElseGet(() -> Wording.unworded(v.getMessage()));
  }

  /** The code whose English pattern a Bean Validation message template is, if any. */
  public static Optional<TenantWords> forMessage(String template) {
    return Arrays.stream(values())
        .filter(w -> w.pattern.replace("''", "'").replace("{0,number,#}", "{max}").equals(template))
        .findFirst();
  }
}
