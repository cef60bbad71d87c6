package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Status;
import in.picode.kretanote.connection.entity.WhatsAppHealthCheck;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Writes a probe's result in one transaction: the history row, the connection's new state, and,
 * only when the set of problems changed, one notification for the owners and admins. The
 * connection's version makes a concurrent second writer fail instead of notifying again, and the
 * notification's dedupe key (connection and version) makes a duplicate impossible in the database.
 */
@Stateless
@TenantScoped
public class HealthStore {

  public static final String KIND = "WHATSAPP_HEALTH";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Notifications notifications;

  /** What the probe needs to know about a connection before calling Meta. */
  public record Target(
      long id,
      String wabaId,
      String phoneNumberId,
      String displayPhoneNumber,
      Status status,
      Set<Problem> problems,
      Instant lastActivity) {}

  public Target target(long id) {
    WhatsAppConnection c = em.find(WhatsAppConnection.class, id);
    if (c == null) {
      return null;
    }
    Instant last = c.getLastWebhookAt();
    if (last == null || (c.getConnectedAt() != null && c.getConnectedAt().isAfter(last))) {
      last = c.getConnectedAt();
    }
    return new Target(
        id,
        c.getWabaId(),
        c.getPhoneNumberId(),
        c.getDisplayPhoneNumber(),
        c.getStatus(),
        HealthAssessment.parse(c.getHealthProblems()),
        last);
  }

  /** Returns true when the state changed (and a notification was created). */
  public boolean record(
      long id, ProbeResult r, Set<Problem> problems, Instant now, Instant nextProbe) {
    WhatsAppConnection c = em.find(WhatsAppConnection.class, id);
    if (c == null
        || !(c.getStatus() == Status.CONNECTED || c.getStatus() == Status.RECONNECT_NEEDED)) {
      return false; // disconnected or reconnected while the probe ran
    }
    Set<Problem> before = HealthAssessment.parse(c.getHealthProblems());
    String signature = HealthAssessment.signature(problems);
    boolean changed = !before.equals(problems);
    long version = c.getVersion();
    if (r.number() != null) {
      c.numberFields(
          r.number().qualityRating(),
          r.number().status(),
          r.number().nameStatus(),
          r.number().messagingLimit(),
          r.number().throughputLevel());
    }
    c.observed(
        r.health() == null ? c.getCanSendMessage() : r.health().canSendMessage(),
        signature,
        r.token() == null ? null : r.token().expiresAt(),
        now,
        nextProbe);
    if (problems.stream().anyMatch(Problem::needsReconnect)) {
      if (c.getStatus() != Status.RECONNECT_NEEDED) {
        c.reconnectNeeded(
            problems.contains(Problem.TOKEN_INVALID)
                ? Problem.TOKEN_INVALID.title()
                : Problem.PERMISSIONS_MISSING.title(),
            now);
      }
    } else {
      c.recovered(now);
    }
    Instant last = c.getLastWebhookAt() != null ? c.getLastWebhookAt() : c.getConnectedAt();
    em.persist(
        new WhatsAppHealthCheck(
            id,
            now,
            r.number() == null ? null : r.number().qualityRating(),
            r.number() == null ? null : r.number().status(),
            r.number() == null ? null : r.number().nameStatus(),
            r.number() == null ? null : r.number().messagingLimit(),
            r.health() == null ? null : r.health().canSendMessage(),
            r.subscribed(),
            r.tokenRejected() ? Boolean.FALSE : r.token() == null ? null : r.token().valid(),
            r.token() == null ? null : r.token().expiresAt(),
            last == null ? null : Duration.between(last, now).toMinutes(),
            signature,
            String.join("; ", r.errors()),
            changed));
    if (changed) {
      String number =
          c.getDisplayPhoneNumber() != null ? c.getDisplayPhoneNumber() : c.getPhoneNumberId();
      HealthAssessment.Notice text = HealthAssessment.notification(number, before, problems);
      Notification.Severity severity =
          problems.isEmpty()
              ? Notification.Severity.INFO
              : problems.stream().anyMatch(Problem::blocking)
                  ? Notification.Severity.PROBLEM
                  : Notification.Severity.WARNING;
      notifications.notifyAdmins(
          KIND, severity, text.subject(), text.body(), "whatsapp-health:" + id + ":" + version);
    }
    em.flush();
    return changed;
  }

  public List<WhatsAppHealthCheck> history(long connectionId, int max) {
    return em.createNamedQuery(WhatsAppHealthCheck.OF_CONNECTION, WhatsAppHealthCheck.class)
        .setParameter("connection", connectionId)
        .setMaxResults(Math.min(Math.max(max, 1), 500))
        .getResultList();
  }
}
