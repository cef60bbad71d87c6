package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.boundary.ConnectionFailures;
import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.messaging.boundary.Deliveries;
import in.picode.kretanote.meta.boundary.AcceptedMessage;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.Pacing;
import in.picode.kretanote.outbound.control.RecipientRestrictions;
import in.picode.kretanote.outbound.control.SendErrors;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sender's steps that touch one tenant's rows, each in its own transaction: record Meta's
 * answer, decide what a failure means (the table in {@link SendErrors}), and reconcile rows whose
 * answer never came. The guard right before the call is {@link OutboxGuards}.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxAttempts {

  private static final System.Logger LOG = System.getLogger(OutboxAttempts.class.getName());

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConnectionStore connections;
  @Inject ConnectionFailures connectionFailures;
  @Inject Consents consents;
  @Inject RecipientRestrictions restrictions;
  @Inject Deliveries deliveries;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.max-attempts", defaultValue = "6")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.retry-base", defaultValue = "PT2S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.retry-max", defaultValue = "PT5M")
  Duration retryMax;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.throttle-base", defaultValue = "PT5S")
  Duration throttleBase;

  /**
   * Back-off base after Meta's per-second throughput refusal (130429): its window is one second, so
   * the number waits about that long, not {@link #throttleBase} (the hourly limits 4 and 80007).
   */
  @Inject
  @ConfigProperty(name = "kretanote.outbound.throughput-pause", defaultValue = "PT1S")
  Duration throughputPause;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.pair-spacing", defaultValue = "PT6S")
  Duration pairSpacing;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.unanswered-hold", defaultValue = "PT5S")
  Duration unansweredHold;

  /** A row ready to go: where, with which token, what. */
  public record Prepared(String phoneNumberId, AccessToken token, JsonObject request) {}

  /**
   * What the sender does after a failure: nothing more, or hold the whole number back ({@code
   * throttled}: for Meta's throughput limits; else because Meta did not answer).
   */
  public record AfterFailure(Instant pauseNumberUntil, boolean throttled) {}

  /** Meta took the message: store its wamid, then catch up on statuses that overtook us. */
  public void accepted(long outboxId, AcceptedMessage answer, Instant now) {
    OutboxEntry entry = em.find(OutboxEntry.class, outboxId);
    entry.sent(now);
    deliveries.accepted(entry.getMessageId(), answer.wamid(), now);
  }

  /** Meta's answer to one row. */
  public record Answer(long outboxId, AcceptedMessage message, Instant at) {}

  /**
   * {@link #accepted} for several rows of this tenant in one transaction: the rows' messages are
   * read with one query, the rows become SENT with one statement ({@link OutboxBatches#sent}), and
   * the messaging feature records the wamids for the whole block ({@link Deliveries#acceptedAll}).
   */
  public void acceptedAll(List<Answer> answers) {
    if (answers.size() == 1) {
      Answer a = answers.get(0);
      accepted(a.outboxId(), a.message(), a.at());
      return;
    }
    Map<Long, Long> messageOf = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select o.id, o.messageId from OutboxEntry o where o.id in :ids", Object[].class)
            .setParameter("ids", answers.stream().map(Answer::outboxId).toList())
            .getResultList()) {
      messageOf.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }
    List<Answer> known = answers.stream().filter(a -> messageOf.containsKey(a.outboxId())).toList();
    if (known.isEmpty()) {
      return;
    }
    OutboxBatches.sent(em, Tenancy.require(), known);
    deliveries.acceptedAll(
        known.stream()
            .map(
                a ->
                    new Deliveries.Accepted(
                        messageOf.get(a.outboxId()), a.message().wamid(), a.at()))
            .toList());
  }

  /** Meta refused or did not answer; returns whether the number must pause. */
  public AfterFailure failed(long outboxId, GraphException e, Instant now) {
    OutboxEntry entry = em.find(OutboxEntry.class, outboxId);
    SendErrors.Decision d =
        SendErrors.decide(e.code().orElse(null), e.httpStatus(), e.mayHaveArrived());
    Integer code = e.code().orElse(null);
    String why = d.reason() + (code == null ? "" : " (Meta error " + code + ")");
    double jitter = ThreadLocalRandom.current().nextDouble();
    Instant pause = null;
    switch (d.action()) {
      case UNKNOWN -> {
        // Meta did not answer: the number's next calls would likely not be answered either, and
        // each would end UNKNOWN too. Hold the number a moment instead of pouring its queue in.
        entry.unknown(d.reason(), now);
        pause = now.plus(unansweredHold);
      }
      case RETRY -> {
        if (entry.getAttempts() + 1 >= maxAttempts) {
          giveUp(
              entry, code, why + "; gave up after " + (entry.getAttempts() + 1) + " attempts", now);
        } else {
          entry.retryAt(
              now.plus(Pacing.backoff(entry.getAttempts() + 1, retryBase, retryMax, jitter)),
              code,
              why,
              true,
              now);
        }
      }
      case THROTTLE_NUMBER -> {
        if (entry.getAttempts() + 1 >= maxAttempts * 2) {
          giveUp(entry, code, why + "; gave up after repeated throttling", now);
        } else {
          Duration base = Integer.valueOf(130429).equals(code) ? throughputPause : throttleBase;
          pause = now.plus(Pacing.backoff(entry.getAttempts() + 1, base, retryMax, jitter));
          entry.retryAt(pause, code, why, true, now);
        }
      }
      case SPACE_RECIPIENT -> {
        if (entry.getAttempts() + 1 >= maxAttempts) {
          giveUp(entry, code, why + "; gave up", now);
        } else {
          entry.retryAt(
              now.plus(Pacing.backoff(entry.getAttempts() + 1, pairSpacing, retryMax, jitter)),
              code,
              why,
              true,
              now);
        }
      }
      case FAIL -> giveUp(entry, code, why, now);
    }
    effect(entry, d.effect(), code, why, now);
    return new AfterFailure(pause, d.action() == SendErrors.Action.THROTTLE_NUMBER);
  }

  /** The request could not even be sent (the client refused it): a permanent failure. */
  public void refusedLocally(long outboxId, String why, Instant now) {
    failed(
        outboxId,
        new GraphException(
            "send message",
            400,
            null,
            null,
            why,
            null,
            null,
            in.picode.kretanote.meta.boundary.ErrorClass.PERMANENT),
        now);
  }

  private void giveUp(OutboxEntry entry, Integer code, String why, Instant now) {
    entry.failed(code, why, now);
    deliveries.failed(
        entry.getMessageId(), code, code == null ? "Not sent" : "Meta error " + code, why, now);
  }

  private void effect(
      OutboxEntry entry, SendErrors.Effect effect, Integer code, String why, Instant now) {
    switch (effect) {
      case SUPPRESS_MARKETING ->
          consents.change(
              entry.getContactId(),
              Category.MARKETING,
              false,
              ConsentEvent.Source.META_131050,
              null,
              "message " + entry.getMessageId());
      case RECONNECT_NEEDED -> {
        if (connectionFailures.reconnectNeeded(entry.getConnectionId(), why, now)) {
          LOG.log(
              Level.WARNING,
              "Connection {0} needs reconnecting after Meta error {1}",
              entry.getConnectionId(),
              code);
        }
      }
      default -> {}
    }
  }

  /**
   * UNKNOWN rows of this tenant: a status report for the same number and recipient, after the
   * attempt, with a wamid no message has, is the answer that never came (adopted when it is the
   * only candidate). After {@code settle} without one the message fails with a reason the agent
   * reads; KretaNote never resends it by itself.
   */
  public int reconcile(Instant now, Duration settle) {
    int done = 0;
    List<OutboxEntry> unknown =
        em.createNamedQuery(OutboxEntry.UNKNOWN_BEFORE, OutboxEntry.class)
            .setParameter("state", OutboxEntry.State.UNKNOWN)
            .setMaxResults(200)
            .getResultList();
    for (OutboxEntry entry : unknown) {
      Instant attempt =
          entry.getLastAttemptAt() == null ? entry.getUpdatedAt() : entry.getLastAttemptAt();
      List<String> candidates =
          deliveries.unmatchedWamids(
              entry.getConnectionId(), entry.getRecipient(), attempt.minusSeconds(5));
      if (candidates.size() == 1) {
        entry.sent(now);
        deliveries.accepted(entry.getMessageId(), candidates.get(0), now);
        done++;
      } else if (attempt.plus(settle).isBefore(now)) {
        String why =
            "Meta never confirmed this message (no answer, no status within "
                + settle.toMinutes()
                + " min). It was not sent again automatically: check with the customer and send"
                + " it again if needed.";
        entry.failed(null, why, now);
        deliveries.failed(entry.getMessageId(), null, "Delivery unknown", why, now);
        done++;
      }
    }
    return done;
  }
}
