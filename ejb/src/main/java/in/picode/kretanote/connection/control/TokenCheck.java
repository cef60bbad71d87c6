package in.picode.kretanote.connection.control;

import in.picode.kretanote.meta.boundary.TokenInfo;
import java.util.Optional;

/**
 * Whether a token from Embedded Signup is good enough to connect a number: valid, issued to our
 * app, with both WhatsApp permissions, and granted on the WABA the tenant chose. Returns the reason
 * to refuse, in plain words, or nothing.
 */
public final class TokenCheck {

  private TokenCheck() {}

  public static Optional<String> refusal(TokenInfo info, String ourAppId, String wabaId) {
    if (!info.valid()) {
      return Optional.of(
          "Meta says this authorization is no longer valid (it expired or was revoked)."
              + " Start the connection again.");
    }
    if (ourAppId != null && info.appId() != null && !ourAppId.equals(info.appId())) {
      return Optional.of(
          "This authorization was given to another app, not to KretaNote. Start the connection"
              + " again from this page.");
    }
    boolean manage = info.hasScope(TokenInfo.MANAGEMENT);
    boolean message = info.hasScope(TokenInfo.MESSAGING);
    if (!manage || !message) {
      return Optional.of(
          "KretaNote needs two permissions on your WhatsApp Business Account: to manage it and to"
              + " send messages. "
              + (manage ? "Sending messages" : message ? "Managing the account" : "Both")
              + " "
              + (manage != message ? "was" : "were")
              + " not granted. Connect again and keep both permissions selected.");
    }
    if (!info.grants(TokenInfo.MANAGEMENT, wabaId) || !info.grants(TokenInfo.MESSAGING, wabaId)) {
      return Optional.of(
          "The authorization does not cover the WhatsApp Business Account you chose. Connect"
              + " again and select that account in Meta's window.");
    }
    return Optional.empty();
  }
}
