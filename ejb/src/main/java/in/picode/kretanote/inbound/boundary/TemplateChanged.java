package in.picode.kretanote.inbound.boundary;

import java.util.List;
import java.util.Objects;

/**
 * Meta changed one of a tenant's templates beyond its status: its quality score ({@code
 * message_template_quality_update}), its category ({@code template_category_update}) or its content
 * ({@code message_template_components_update}). Fired synchronously inside the tenant's apply
 * transaction with the tenant bound, like {@link TemplateStatusChanged}; observers must be
 * idempotent (the same event may be applied again after a crash).
 *
 * @param kind which of the three fields
 * @param templateId Meta's template id as text, null if Meta sent none
 * @param quality the new quality score (QUALITY only)
 * @param newCategory the category Meta moved the template to (CATEGORY only; for an impending
 *     change Meta names it in {@code correct_category} and {@code categoryPending} is true)
 * @param body the new body text, header title, footer (COMPONENTS only; null where absent)
 * @param buttons the new buttons (COMPONENTS only)
 * @param at Meta's time for the change (the entry's {@code time}) or when it was received
 */
public record TemplateChanged(
    long tenantId,
    long connectionId,
    String wabaId,
    Kind kind,
    String templateId,
    String name,
    String language,
    String quality,
    String previousQuality,
    String newCategory,
    String previousCategory,
    boolean categoryPending,
    String body,
    String title,
    String footer,
    List<Button> buttons,
    java.time.Instant at,
    long eventId) {

  public enum Kind {
    QUALITY,
    CATEGORY,
    COMPONENTS
  }

  /** One of {@code message_template_buttons}: type (URL, PHONE_NUMBER...), text, url, phone. */
  public record Button(String type, String text, String url, String phoneNumber) {}

  public TemplateChanged {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }
}
