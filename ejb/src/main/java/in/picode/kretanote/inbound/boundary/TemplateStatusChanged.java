package in.picode.kretanote.inbound.boundary;

import java.util.Objects;

/**
 * Meta changed the status of one of a tenant's message templates ({@code
 * message_template_status_update}): APPROVED, REJECTED (with {@code reason}), PAUSED, DISABLED,
 * FLAGGED, PENDING_DELETION and so on. Fired synchronously inside the tenant's apply transaction,
 * with the tenant bound, so an observer that writes joins that transaction and a failing observer
 * rolls the change back for a retry. The same webhook event may be applied again after a crash, so
 * observers must be idempotent (for example: set the status, do not append it).
 *
 * @param connectionId the tenant's first live connection of the account; templates belong to the
 *     account ({@code wabaId}), not to one number
 * @param templateId Meta's template id, null if Meta sent none
 * @param valueJson the change's whole {@code value} as Meta sent it (other fields such as {@code
 *     other_info} or a category update live there)
 * @param eventId the stored webhook event it came from
 */
public record TemplateStatusChanged(
    long tenantId,
    long connectionId,
    String wabaId,
    String templateId,
    String name,
    String language,
    String status,
    String reason,
    String valueJson,
    long eventId) {

  public TemplateStatusChanged {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(valueJson, "valueJson");
  }
}
