package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.control.AccountSignals;
import in.picode.kretanote.connection.control.HealthAssessment;
import in.picode.kretanote.connection.control.HealthStore;
import in.picode.kretanote.connection.control.Problem;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Meta's account webhooks ({@code account_update}, {@code phone_number_quality_update},
 * {@code phone_number_name_update}) to the current tenant's connections, in the caller's
 * transaction (the inbound pipeline's per-tenant apply), and tells the owners and admins the way
 * the health checks do: one notification when the connection's set of problems changes (same kind
 * and dedupe key as a probe's, so a probe and a webhook never both announce one change), and one
 * for news that is not a lasting state (a lower messaging limit, a policy violation), keyed by the
 * webhook event so that applying the event again notifies nobody twice.
 */
@Stateless
@TenantScoped
public class AccountUpdates {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Notifications notifications;

  private final Clock clock = Clock.systemUTC();

  public static boolean handles(String field) {
    return AccountSignals.handles(field);
  }

  /**
   * Applies one change to those of {@code connectionIds} it concerns: the number it names (by its
   * display number), or, when it names none or none matches and the account has one connection,
   * that one; account-wide news to all. Returns the ids changed.
   */
  public List<Long> apply(List<Long> connectionIds, String field, String valueJson, long eventId) {
    JsonObject value = parse(valueJson);
    List<WhatsAppConnection> live = new ArrayList<>();
    for (long id : connectionIds) {
      WhatsAppConnection c = em.find(WhatsAppConnection.class, id);
      if (c != null && c.getStatus() != WhatsAppConnection.Status.DISCONNECTED) {
        live.add(c);
      }
    }
    Optional<String> number = AccountSignals.number(value);
    List<WhatsAppConnection> targets = live;
    if (number.isPresent() && !AccountSignals.ACCOUNT_UPDATE.equals(field)) {
      targets =
          live.stream()
              .filter(
                  c ->
                      c.getDisplayPhoneNumber() != null
                          && c.getDisplayPhoneNumber()
                              .replaceAll("[^0-9]", "")
                              .equals(number.get()))
              .toList();
      if (targets.isEmpty() && live.size() == 1) {
        targets = live;
      }
    }
    Instant now = Instant.now(clock);
    List<Long> changed = new ArrayList<>();
    for (WhatsAppConnection c : targets) {
      apply(c, field, value, eventId, now);
      changed.add(c.getId());
    }
    em.flush();
    return changed;
  }

  private void apply(
      WhatsAppConnection c, String field, JsonObject value, long eventId, Instant now) {
    Set<Problem> before = HealthAssessment.parse(c.getHealthProblems());
    String label =
        c.getDisplayPhoneNumber() != null ? c.getDisplayPhoneNumber() : c.getPhoneNumberId();
    AccountSignals.Outcome o =
        AccountSignals.apply(
            field,
            value,
            new AccountSignals.Current(
                c.getQualityRating(),
                c.getNumberStatus(),
                c.getNameStatus(),
                c.getMessagingLimit(),
                before),
            label);
    long version = c.getVersion();
    c.metaReported(
        o.qualityRating(),
        o.numberStatus(),
        o.nameStatus(),
        o.messagingLimit(),
        o.verifiedName(),
        HealthAssessment.signature(o.problems()),
        now);
    if (!before.equals(o.problems())) {
      HealthAssessment.Notice text = HealthAssessment.notification(label, before, o.problems());
      Notification.Severity severity =
          o.problems().isEmpty()
              ? Notification.Severity.INFO
              : o.problems().stream().anyMatch(Problem::blocking)
                  ? Notification.Severity.PROBLEM
                  : Notification.Severity.WARNING;
      notifyOnce(
          severity, text.subject(), text.body(), "whatsapp-health:" + c.getId() + ":" + version);
    }
    o.notice()
        .ifPresent(
            n ->
                notifyOnce(
                    n.warning() ? Notification.Severity.WARNING : Notification.Severity.INFO,
                    n.subject(),
                    n.body(),
                    "whatsapp-news:" + c.getId() + ":" + eventId + ":" + field));
  }

  private void notifyOnce(
      Notification.Severity severity, Wording subject, List<Wording> body, String dedupeKey) {
    long known =
        em.createQuery("select count(n) from Notification n where n.dedupeKey = :key", Long.class)
            .setParameter("key", dedupeKey)
            .getSingleResult();
    if (known == 0) {
      notifications.notifyAdmins(HealthStore.KIND, severity, subject, body, dedupeKey);
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      JsonValue v = reader.readValue();
      return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }
}
