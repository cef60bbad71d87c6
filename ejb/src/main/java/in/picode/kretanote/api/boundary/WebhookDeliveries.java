package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.control.Backoff;
import in.picode.kretanote.api.entity.WebhookDelivery;
import in.picode.kretanote.api.entity.WebhookSubscription;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.LeaseClaims;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery side of the webhook outbox: claims due rows of every business (any server may run
 * it: {@code FOR UPDATE SKIP LOCKED} and a lease), hands out what one attempt needs, and records
 * the attempt: delivered, or the next try after an exponential back-off with jitter, or given up
 * after {@code give-up-after}; an unbroken run of failures of {@code disable-after} disables the
 * subscription and notifies the business's owners and admins.
 */
@Stateless
public class WebhookDeliveries {

  static final LeaseClaims.Spec SPEC =
      new LeaseClaims.Spec(
          "webhook_delivery",
          "id, tenant_id",
          "state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)",
          "next_attempt_at, id",
          "lease_until = ?, lease_owner = ?");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TokenVault vault;
  @Inject WebhookSettings settings;
  @Inject Notifications notifications;

  /** A claimed row: its id and business. */
  public record Claimed(long id, long tenantId) {}

  /** What one attempt needs; the secret never leaves the server but in the signature. */
  public record Attempt(long id, String url, String secret, String eventId, String body) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claimed> claim(int max, Instant now, Instant leaseUntil, String owner) {
    Timestamp ts = Timestamp.from(now);
    return LeaseClaims.claim(
            em, SPEC, List.of(ts, ts), max, List.of(Timestamp.from(leaseUntil), owner))
        .stream()
        .map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
        .toList();
  }

  /**
   * The attempt for a claimed row of the current business; empty when the row is gone or its
   * subscription is disabled (the row then ends FAILED without a call).
   */
  @TenantScoped
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Attempt> prepare(long id, Instant now) {
    WebhookDelivery d = em.find(WebhookDelivery.class, id);
    if (d == null || d.getState() != WebhookDelivery.State.PENDING) {
      return Optional.empty();
    }
    WebhookSubscription s = em.find(WebhookSubscription.class, d.getSubscriptionId());
    if (s == null || s.getState() != WebhookSubscription.State.ACTIVE) {
      d.attempted(now, null, 0, "The subscription is disabled.", null, false, null);
      return Optional.empty();
    }
    String secret =
        vault.decryptString(
            Tenancy.require(), WebhookSubscriptions.SECRET_PURPOSE, s.getSealedSecret());
    return Optional.of(new Attempt(id, s.getUrl(), secret, d.getEventId(), d.getPayload()));
  }

  /** Records an attempt's result ({@code status} null when no answer came). */
  @TenantScoped
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(
      long id, Instant at, Integer status, int latencyMs, String error, String response) {
    WebhookDelivery d = em.find(WebhookDelivery.class, id);
    if (d == null) {
      return;
    }
    WebhookSubscription s = em.find(WebhookSubscription.class, d.getSubscriptionId());
    boolean ok = status != null && status >= 200 && status < 300;
    if (ok) {
      d.attempted(at, status, latencyMs, null, response, true, null);
      if (s != null) {
        s.succeeded(at);
      }
      return;
    }
    Instant next =
        Backoff.next(
            d.getAttempts() + 1, at, settings.retryBase(), settings.retryMax(), Math.random());
    if (next.isAfter(d.getCreatedAt().plus(settings.giveUpAfter()))) {
      next = null;
    }
    String reason =
        error != null ? error : ApiWords.WEBHOOK_HTTP_STATUS.with(String.valueOf(status)).english();
    d.attempted(at, status, latencyMs, reason, response, false, next);
    if (s != null && s.failed(at, settings.disableAfter(), reason)) {
      notifications.notifyAdmins(
          "webhook-disabled",
          Notification.Severity.WARNING,
          ApiWords.WEBHOOK_DISABLED_SUBJECT.with(),
          List.of(disabled(s.getUrl(), settings.disableAfter(), status, error)),
          "webhook-disabled-" + s.getId() + "-" + at.toEpochMilli());
    }
  }

  /**
   * What the owners and admins read when a subscription is disabled: the receiver's answer as a
   * code, an error without an answer (the exception's text) as it was given.
   */
  static Wording disabled(String url, Duration failingFor, Integer status, String error) {
    Object last = error != null ? error : ApiWords.WEBHOOK_HTTP_STATUS.with(String.valueOf(status));
    return ApiWords.WEBHOOK_DISABLED.with(url, failingFor.toHours(), last);
  }
}
