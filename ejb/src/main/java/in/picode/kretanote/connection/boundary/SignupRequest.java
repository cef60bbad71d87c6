package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;

/**
 * What the browser hands over after Meta's Embedded Signup: the one-time authorization code and,
 * from the session-info event, the WABA, phone number and business ids. All of it comes from the
 * browser and is checked: the ids must be digits, and the server later verifies with Meta that the
 * token really grants this WABA and that the number belongs to it.
 */
public record SignupRequest(String code, String wabaId, String phoneNumberId, String businessId) {

  public static final int CODE_MAX = 2048;

  /** Checks the shape; a refusal names what is wrong in plain words. */
  public static SignupRequest of(
      String code, String wabaId, String phoneNumberId, String businessId) {
    String c = code == null ? "" : code.strip();
    if (c.isEmpty()) {
      throw new ConnectRefusedException(
          null, "Meta did not hand over an authorization code. Start the connection again.");
    }
    if (c.length() > CODE_MAX || !c.matches("[A-Za-z0-9_\\-.#=]+")) {
      throw new ConnectRefusedException(
          null, "The authorization code is not one Meta issues. Start the connection again.");
    }
    String waba = id(wabaId, "WhatsApp Business Account id");
    String pnid = id(phoneNumberId, "phone number id");
    String business =
        businessId == null || businessId.isBlank() ? null : id(businessId, "business id");
    return new SignupRequest(c, waba, pnid, business);
  }

  private static String id(String value, String what) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new ConnectRefusedException(
          null,
          "Meta did not tell which "
              + what
              + " you chose. Finish every step in Meta's window, then try again.");
    }
    try {
      return WhatsAppConnection.requireId(v, what);
    } catch (IllegalArgumentException e) {
      throw new ConnectRefusedException(null, "The " + what + " is not valid.");
    }
  }

  @Override
  public String toString() {
    return "SignupRequest[code=redacted, wabaId="
        + wabaId
        + ", phoneNumberId="
        + phoneNumberId
        + ", businessId="
        + businessId
        + "]";
  }
}
