package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.meta.boundary.AcceptedMessage;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.Pacing;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox: claims due rows of all tenants ({@link OutboxClaims}), then sends each
 * number's rows in order on a thread of its own, each at the number's next throughput slot. Per
 * row: the guard once more, a slot (the row becomes SENDING), the call to Meta outside any
 * transaction, and Meta's answer recorded. Nothing here holds a transaction while waiting for Meta
 * or for a slot. Safe on any number of servers at once: the database claims decide who sends what.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

  private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

  /** This server's name in leases. */
  static final String OWNER = "sender-" + UUID.randomUUID().toString().substring(0, 13);

  @Inject OutboxClaims claims;
  @Inject OutboxAttempts attempts;
  @Inject GraphApi graph;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.batch-size", defaultValue = "200")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.default-per-second", defaultValue = "80")
  int defaultPerSecond;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.max-slot-wait", defaultValue = "PT5S")
  Duration maxSlotWait;

  /**
   * Housekeeping before a claim: SENDING rows of a stopped server become UNKNOWN. Two servers (or
   * drainers) doing it at once can deadlock in MariaDB; the loser's round goes on and the next
   * round does it again, so a deadlock here never fails the sending.
   */
  private void expireStale(Instant now) {
    try {
      int expired = claims.expireSending(now);
      if (expired > 0) {
        LOG.log(
            Level.WARNING, "{0} outbox row(s) were mid-send on a stopped server: UNKNOWN", expired);
      }
    } catch (jakarta.ejb.EJBException e) {
      LOG.log(Level.INFO, "Expiring stale SENDING rows deferred to the next round: {0}", e);
    }
  }

  /** One round; returns how many messages Meta accepted. */
  public int drainOnce() {
    Instant now = Instant.now();
    expireStale(now);
    List<OutboxClaims.Claim> batch = claims.claimDue(now, now.plus(lease), OWNER, batchSize);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, List<OutboxClaims.Claim>> byNumber = new LinkedHashMap<>();
    for (OutboxClaims.Claim c : batch) {
      byNumber
          .computeIfAbsent(c.tenantId() + "/" + c.connectionId(), k -> new ArrayList<>())
          .add(c);
    }
    AtomicInteger sent = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (List<OutboxClaims.Claim> rows : byNumber.values()) {
      running.add(executor.submit(() -> sendNumber(rows, sent)));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "Sending for one number failed: {0}", e.getCause().toString());
      }
    }
    return sent.get();
  }

  private void sendNumber(List<OutboxClaims.Claim> rows, AtomicInteger sent) {
    for (int i = 0; i < rows.size(); i++) {
      OutboxClaims.Claim claim = rows.get(i);
      boolean stop;
      try {
        stop = Tenancy.callAs(claim.tenantId(), () -> sendOne(claim, sent));
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Outbox row {0} not sent this round: {1}", claim.id(), e.toString());
        claims.release(claim, OWNER);
        stop = false;
      }
      if (stop) {
        for (OutboxClaims.Claim rest : rows.subList(i + 1, rows.size())) {
          claims.release(rest, OWNER);
        }
        return;
      }
    }
  }

  /** Sends one row; true when the number must pause (the rest of its rows wait). */
  private boolean sendOne(OutboxClaims.Claim claim, AtomicInteger sent) {
    Optional<OutboxAttempts.Prepared> prepared = attempts.prepare(claim.id(), Instant.now());
    if (prepared.isEmpty()) {
      claims.release(claim, OWNER);
      return false;
    }
    Optional<OutboxClaims.Slot> slot =
        claims.takeSlot(claim, OWNER, defaultPerSecond, Instant.now(), lease, maxSlotWait);
    if (slot.isEmpty()) {
      claims.release(claim, OWNER);
      return false;
    }
    sleepUntil(slot.get().at());
    OutboxAttempts.Prepared p = prepared.get();
    AcceptedMessage answer;
    try {
      answer = graph.sendMessage(p.token(), p.phoneNumberId(), p.request());
    } catch (GraphException e) {
      late(claim, slot.get(), Instant.now());
      OutboxAttempts.AfterFailure after = attempts.failed(claim.id(), e, Instant.now());
      if (after.pauseNumberUntil() != null) {
        claims.pauseNumber(claim.tenantId(), claim.connectionId(), after.pauseNumberUntil());
        return true;
      }
      return false;
    } catch (IllegalArgumentException e) {
      attempts.failed(
          claim.id(),
          new GraphException(
              "send message",
              400,
              null,
              null,
              e.getMessage(),
              null,
              null,
              in.picode.kretanote.meta.boundary.ErrorClass.PERMANENT),
          Instant.now());
      return false;
    }
    Instant ended = Instant.now();
    // Meta's answer first: if storing it fails, the row stays SENDING, turns UNKNOWN when its
    // lease ends and is reconciled from the status webhooks, never resent.
    attempts.accepted(claim.id(), answer, ended);
    sent.incrementAndGet();
    late(claim, slot.get(), ended);
    return false;
  }

  private void late(OutboxClaims.Claim claim, OutboxClaims.Slot slot, Instant ended) {
    try {
      Pacing.notBefore(slot.at(), ended, slot.perSecond())
          .ifPresent(t -> claims.endedLate(claim.tenantId(), claim.connectionId(), t));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not push the next slot of number {0}: {1}",
          claim.connectionId(),
          e.toString());
    }
  }

  private static void sleepUntil(Instant at) {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
