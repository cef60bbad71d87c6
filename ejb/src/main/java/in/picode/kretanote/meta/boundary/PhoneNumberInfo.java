package in.picode.kretanote.meta.boundary;

/**
 * The fields of a WhatsApp business phone number that KretaNote shows and watches. Any of them may
 * be null when Meta leaves it out.
 */
public record PhoneNumberInfo(
    String id,
    String displayPhoneNumber,
    String verifiedName,
    String qualityRating,
    String status,
    String nameStatus,
    String codeVerificationStatus,
    String accountMode,
    String throughputLevel,
    String messagingLimit) {

  /** The {@code fields} parameter that asks for all of the above. */
  public static final String FIELDS =
      "id,display_phone_number,verified_name,quality_rating,status,name_status,"
          + "code_verification_status,account_mode,throughput,"
          + "whatsapp_business_manager_messaging_limit";
}
