package in.picode.kretanote.tenant.boundary;

/**
 * A mail to the owner of an existing account telling that someone used the address: a sign-up, or
 * an invitation from another business. Sent instead of telling the person on the form that the
 * address has an account, so the forms cannot list accounts. Mailed after the commit, like {@link
 * AccountMailRequested}, in the language the account's user chose ({@code language}, null for
 * English). {@code detail} is the inviting business for an invitation.
 */
public record AccountNoticeRequested(
    Kind kind, String email, String recipientName, String detail, String language) {

  public enum Kind {
    SIGN_UP_WITH_EXISTING_ADDRESS,
    INVITATION_TO_EXISTING_ADDRESS
  }
}
