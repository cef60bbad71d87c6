package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.inbound.control.MessagesChange.PreferenceUpdate;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A customer's "Stop promotions" (or resuming them) in WhatsApp, from a {@code user_preferences}
 * webhook: withdraws or grants marketing consent in the ledger with source {@code
 * META_USER_PREFERENCE} and the event as evidence, exactly as STOP/START do, so the send guard
 * refuses marketing templates afterwards. Joins the apply transaction.
 *
 * <p>Idempotent: the evidence names the preference by its value, category and Meta's timestamp
 * (then the webhook event it came in), and a preference whose Meta time is not newer than one
 * already in the ledger changes nothing, so a redelivered or replayed event, or an older one
 * arriving late, never undoes a newer choice. A category other than {@code marketing_messages} or a
 * value other than {@code stop}/{@code resume} changes nothing.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class UserPreferences {

  static final String MARKETING = "marketing_messages";
  private static final String AT = " at ";

  @Inject Consents consents;

  /** Returns whether the ledger changed. */
  public boolean apply(long contactId, PreferenceUpdate preference, long eventId) {
    Optional<Boolean> granted = granted(preference);
    if (granted.isEmpty()) {
      return false;
    }
    long at = preference.timestamp().getEpochSecond();
    boolean seen =
        consents.ledger(contactId).stream()
            .filter(e -> e.getSource() == ConsentEvent.Source.META_USER_PREFERENCE)
            .mapToLong(e -> metaTime(e.getEvidence()))
            .anyMatch(t -> t >= at);
    if (seen) {
      return false;
    }
    String evidence =
        preference.value() + " " + preference.category() + AT + at + " event " + eventId;
    return consents.change(
        contactId,
        Category.MARKETING,
        granted.get(),
        ConsentEvent.Source.META_USER_PREFERENCE,
        null,
        evidence);
  }

  static Optional<Boolean> granted(PreferenceUpdate preference) {
    if (!MARKETING.equals(preference.category())) {
      return Optional.empty();
    }
    return switch (preference.value()) {
      case "stop" -> Optional.of(false);
      case "resume" -> Optional.of(true);
      default -> Optional.empty();
    };
  }

  /** Meta's time (Unix seconds) in an evidence written by {@link #apply}; -1 if there is none. */
  static long metaTime(String evidence) {
    if (evidence == null) {
      return -1;
    }
    int from = evidence.indexOf(AT);
    if (from < 0) {
      return -1;
    }
    int start = from + AT.length();
    int end = evidence.indexOf(' ', start);
    try {
      return Long.parseLong(evidence.substring(start, end < 0 ? evidence.length() : end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
