package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.entity.OneTimeToken;
import java.time.Duration;

/**
 * A link must be mailed once the transaction that created it has committed; observed by {@code
 * AccountMails} with {@code during = AFTER_SUCCESS}, so a rolled-back sign-up sends nothing. For an
 * invitation {@code recipientName} is the name of the person who invites. {@code validity} is what
 * the mail promises, taken from the same setting that made the link expire. {@code language} is the
 * tag of the language the mail is written in (the recipient's, else the page's that asked for it).
 */
public record AccountMailRequested(
    OneTimeToken.Purpose purpose,
    String email,
    String recipientName,
    String token,
    String tenantName,
    Duration validity,
    String language) {

  /** A mail in English (callers that know no language). */
  public AccountMailRequested(
      OneTimeToken.Purpose purpose,
      String email,
      String recipientName,
      String token,
      String tenantName,
      Duration validity) {
    this(purpose, email, recipientName, token, tenantName, validity, "en");
  }
}
