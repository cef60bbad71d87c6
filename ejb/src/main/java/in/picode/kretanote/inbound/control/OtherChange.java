package in.picode.kretanote.inbound.control;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of any field but {@code messages}, known or not. {@code valueJson} is the whole value
 * and the record of truth; the typed parts are read best-effort for the two fields KretaNote acts
 * on at once, and are empty when the value does not look as expected.
 */
public record OtherChange(
    String wabaId,
    String field,
    String valueJson,
    Optional<TemplateStatus> templateStatus,
    Optional<QualityUpdate> qualityUpdate)
    implements WebhookChange {

  public static final String TEMPLATE_STATUS_FIELD = "message_template_status_update";
  public static final String QUALITY_FIELD = "phone_number_quality_update";

  /**
   * {@code event} is APPROVED, REJECTED, PAUSED, DISABLED and so on; {@code templateId} as text.
   */
  public record TemplateStatus(
      String event,
      Optional<String> templateId,
      Optional<String> templateName,
      Optional<String> language,
      Optional<String> reason) {
    public TemplateStatus {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * {@code event} such as FLAGGED, UNFLAGGED, UPGRADE, DOWNGRADE; {@code currentLimit} the
   * messaging limit tier (for example TIER_2K).
   */
  public record QualityUpdate(
      Optional<String> displayPhoneNumber, Optional<String> event, Optional<String> currentLimit) {}

  public OtherChange {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(valueJson, "valueJson");
  }
}
