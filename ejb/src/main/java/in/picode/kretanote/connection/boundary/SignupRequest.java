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
      throw new ConnectRefusedException(null, ConnectionWords.NO_CODE.with());
    }
    if (c.length() > CODE_MAX || !c.matches("[A-Za-z0-9_\\-.#=]+")) {
      throw new ConnectRefusedException(null, ConnectionWords.BAD_CODE.with());
    }
    String waba =
        id(
            wabaId,
            "WhatsApp Business Account id",
            ConnectionWords.NO_WABA_ID,
            ConnectionWords.BAD_WABA_ID);
    String pnid =
        id(
            phoneNumberId,
            "phone number id",
            ConnectionWords.NO_PHONE_NUMBER_ID,
            ConnectionWords.BAD_PHONE_NUMBER_ID);
    String business =
        businessId == null || businessId.isBlank()
            ? null
            : id(businessId, "business id", null, ConnectionWords.BAD_BUSINESS_ID);
    return new SignupRequest(c, waba, pnid, business);
  }

  private static String id(
      String value, String what, ConnectionWords missing, ConnectionWords invalid) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new ConnectRefusedException(null, missing.with());
    }
    try {
      return WhatsAppConnection.requireId(v, what);
    } catch (IllegalArgumentException e) {
      throw new ConnectRefusedException(null, invalid.with());
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
