package in.picode.kretanote.outbound.control;

import in.picode.kretanote.contact.entity.Category;
import java.util.Locale;
import java.util.Optional;

/**
 * The pre-send rules, in the order an agent should hear about them: the account, the number, the
 * 24-hour window and template approval, the customer's opt-out and consent, then the business's
 * messaging limit. Pure logic; {@code SendGuard} gathers the facts. The first rule that fails is
 * the refusal.
 *
 * <ul>
 *   <li>Free-form messages (category SERVICE) need an open window; templates go at any time, but
 *       only APPROVED ones.
 *   <li>A contact's global opt-out stops everything except replies inside the window: the customer
 *       who wrote "STOP" still gets an answer to a question asked later.
 *   <li>A withdrawn consent for the message's category stops it; with {@code consentRequired}
 *       (marketing when the tenant demands opt-in) a missing consent stops it too.
 *   <li>A business-initiated message (template outside the window) to a customer not yet reached in
 *       the last 24 hours needs room under the messaging limit.
 * </ul>
 */
public final class GuardRules {

  private GuardRules() {}

  public static Optional<Refusal> check(GuardInput in) {
    if (in.standing() != null && !in.standing().maySend()) {
      return Optional.of(
          RefusalCode.TENANT_NOT_IN_GOOD_STANDING.refuse(
              in.standing().reason() == null ? "subscription" : in.standing().reason()));
    }
    if (!"CONNECTED".equals(in.connectionStatus())) {
      return Optional.of(
          RefusalCode.CONNECTION_NOT_CONNECTED.refuse(
              in.connectionStatus() == null
                  ? "unknown"
                  : in.connectionStatus().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
    if ("BLOCKED".equals(in.canSendMessage())) {
      return Optional.of(RefusalCode.CONNECTION_BLOCKED.refuse("health status BLOCKED"));
    }
    if (in.isTemplate()) {
      if (in.templateStatus() == null) {
        return Optional.of(RefusalCode.TEMPLATE_UNKNOWN.refuse(in.templateName()));
      }
      if (!"APPROVED".equals(in.templateStatus())) {
        return Optional.of(
            RefusalCode.TEMPLATE_NOT_APPROVED.refuse(in.templateName(), in.templateStatus()));
      }
    } else if (!in.windowOpen()) {
      return Optional.of(RefusalCode.WINDOW_CLOSED.refuse());
    }
    boolean serviceReply = in.category() == Category.SERVICE && in.windowOpen();
    String category = in.category().name().toLowerCase(Locale.ROOT);
    if (in.contactOptedOut() && !serviceReply) {
      return Optional.of(RefusalCode.CONTACT_OPTED_OUT.refuse("all business", "contact opt-out"));
    }
    if (Boolean.FALSE.equals(in.consent()) && !serviceReply) {
      return Optional.of(RefusalCode.CONTACT_OPTED_OUT.refuse(category, "consent withdrawn"));
    }
    if (in.consent() == null && in.consentRequired() && !serviceReply) {
      return Optional.of(RefusalCode.NO_CONSENT.refuse(category));
    }
    boolean businessInitiated = in.isTemplate() && !in.windowOpen();
    if (businessInitiated
        && in.messagingLimit() != null
        && !in.recipientAlreadyCounted()
        && in.limitUsed() >= in.messagingLimit()) {
      return Optional.of(RefusalCode.MESSAGING_LIMIT_REACHED.refuse(in.messagingLimit()));
    }
    return Optional.empty();
  }

  /**
   * Meta's messaging limit tier as the number of unique customers per 24 hours, {@code null} for
   * unlimited or unknown (Meta then enforces it itself). Accepts the names Meta has used: {@code
   * TIER_250}, {@code TIER_1K}, {@code TIER_2K}, {@code TIER_10K}, {@code TIER_100K}, {@code
   * TIER_UNLIMITED}, {@code UNLIMITED}, or a bare number.
   */
  public static Integer messagingLimit(String tier) {
    if (tier == null || tier.isBlank()) {
      return null;
    }
    String t = tier.strip().toUpperCase(Locale.ROOT).replace("TIER_", "");
    if (t.contains("UNLIMITED")) {
      return null;
    }
    int factor = 1;
    if (t.endsWith("K")) {
      factor = 1000;
      t = t.substring(0, t.length() - 1);
    }
    if (!t.matches("[0-9]{1,7}")) {
      return null;
    }
    return Integer.parseInt(t) * factor;
  }
}
