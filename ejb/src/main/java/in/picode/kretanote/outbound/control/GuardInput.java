package in.picode.kretanote.outbound.control;

import in.picode.kretanote.contact.entity.Category;

/**
 * Everything the send guard decides on, gathered by {@code SendGuard} from the database: the
 * tenant's standing, the number's state, the customer-service window, the template (when the
 * message is one), the contact's opt-out and consent for the message's category, and the business's
 * messaging limit with what it used in the last 24 hours.
 *
 * @param connectionStatus {@code WhatsAppConnection.Status} name
 * @param canSendMessage Meta's health verdict (AVAILABLE, LIMITED, BLOCKED) or {@code null}
 * @param templateName {@code null} for a free-form message
 * @param templateStatus {@code null} when the template is unknown
 * @param consent {@code true} granted, {@code false} withdrawn, {@code null} never recorded
 * @param messagingLimit unique customers per 24 h outside the window; {@code null} unlimited
 * @param limitUsed business-initiated customers reached in the last 24 hours
 * @param recipientAlreadyCounted this customer is already among {@code limitUsed}
 */
public record GuardInput(
    TenantStanding.Standing standing,
    String connectionStatus,
    String canSendMessage,
    boolean windowOpen,
    Category category,
    String templateName,
    String templateStatus,
    boolean contactOptedOut,
    Boolean consent,
    boolean consentRequired,
    Integer messagingLimit,
    long limitUsed,
    boolean recipientAlreadyCounted) {

  public boolean isTemplate() {
    return templateName != null;
  }
}
