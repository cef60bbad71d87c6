package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.Optional;

/**
 * Whether a token from Embedded Signup is good enough to connect a number: valid, issued to our
 * app, with both WhatsApp permissions, and granted on the WABA the tenant chose. Returns the reason
 * to refuse, as a sentence for the tenant, or nothing.
 */
public final class TokenCheck {

  private TokenCheck() {}

  public static Optional<Wording> refusal(TokenInfo info, String ourAppId, String wabaId) {
    if (!info.valid()) {
      return Optional.of(ConnectionWords.TOKEN_INVALID.with());
    }
    if (ourAppId != null && info.appId() != null && !ourAppId.equals(info.appId())) {
      return Optional.of(ConnectionWords.TOKEN_OTHER_APP.with());
    }
    boolean manage = info.hasScope(TokenInfo.MANAGEMENT);
    boolean message = info.hasScope(TokenInfo.MESSAGING);
    if (!manage || !message) {
      return Optional.of(
          (manage
                  ? ConnectionWords.TOKEN_NO_SENDING
                  : message
                      ? ConnectionWords.TOKEN_NO_MANAGING
                      : ConnectionWords.TOKEN_NO_PERMISSIONS)
              .with());
    }
    if (!info.grants(TokenInfo.MANAGEMENT, wabaId) || !info.grants(TokenInfo.MESSAGING, wabaId)) {
      return Optional.of(ConnectionWords.TOKEN_OTHER_WABA.with());
    }
    return Optional.empty();
  }
}
