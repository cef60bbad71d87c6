package in.picode.kretanote.inbound.boundary;

/**
 * Meta reported a new status for a message template ({@code message_template_status_update}
 * webhook): APPROVED, REJECTED (with {@code reason}), PAUSED, DISABLED … {@code templateId} is
 * Meta's id of the template.
 */
public record TemplateStatusChanged(
    long tenantId,
    long connectionId,
    String templateId,
    String name,
    String language,
    String status,
    String reason) {}
