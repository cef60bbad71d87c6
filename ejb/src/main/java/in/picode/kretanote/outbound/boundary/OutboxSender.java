package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.meta.boundary.AcceptedMessage;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.LaneWindow;
import in.picode.kretanote.outbound.control.Pacing;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox, number by number: each round finds the numbers with due rows ({@link
 * OutboxClaims#numbersWithDueWork}) and starts a lane for each that has none on this server ({@link
 * SendLanes}); no round waits for a number, and a slow or paused number holds only its own rows. A
 * lane claims its number's rows (replies and single templates before campaign sends), keeps several
 * calls to Meta in flight (as many as the number's rate times the observed latency needs, bounded)
 * and takes their slots in blocks from the number's shared {@code send_pace} row, so the rate is
 * the number's limit whatever Meta's latency, on one server or several. Per row: the guard once
 * more, a slot (the row becomes SENDING), the call to Meta outside any transaction on a thread of
 * the bounded call pool, and Meta's answer recorded. One customer's messages are never in flight
 * together. Safe on any number of servers at once: the database claims decide who sends what.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

  private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

  /** This server's name in leases. */
  static final String OWNER = "sender-" + UUID.randomUUID().toString().substring(0, 13);

  @Inject OutboxClaims claims;
  @Inject OutboxAttempts attempts;
  @Inject OutboxGuards guards;
  @Inject GraphApi graph;
  @Inject SendLanes lanes;

  private static final long CLAIM_EVERY = Duration.ofMillis(100).toNanos();
  private static final long RATE_REFRESH = Duration.ofSeconds(5).toNanos(); // reads the limit

  @Inject
  @ConfigProperty(name = "kretanote.outbound.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.max-slot-wait", defaultValue = "PT5S")
  Duration maxSlotWait;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.max-in-flight", defaultValue = "600")
  int maxInFlight;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.lane-time", defaultValue = "PT30S")
  Duration laneTime;

  @Inject
  @ConfigProperty(name = "kretanote.outbound.lane-linger", defaultValue = "PT3S")
  Duration linger;

  /**
   * Housekeeping before a claim: SENDING rows of a stopped server become UNKNOWN. Two servers (or
   * drainers) doing it at once can deadlock in MariaDB; the loser's round goes on and the next
   * round does it again, so a deadlock here never fails the sending.
   */
  private void expireStale(Instant now) {
    try {
      int expired = claims.expireSending(now);
      if (expired > 0) {
        LOG.log(Level.WARNING, "{0} outbox row(s) mid-send on a stopped server: UNKNOWN", expired);
      }
    } catch (jakarta.ejb.EJBException e) {
      LOG.log(Level.INFO, "Expiring stale SENDING rows deferred to the next round: {0}", e);
    }
  }

  /**
   * One round that waits: starts the lanes of every number with due rows and waits until they ran
   * out of due rows; returns how many messages Meta accepted in them (tests, tools).
   */
  public int drainOnce() {
    return round(true);
  }

  /** One round of the timer: starts the lanes that are not running and returns at once. */
  public void tick() {
    round(false);
  }

  private int round(boolean wait) {
    Instant now = Instant.now();
    expireStale(now);
    List<Future<Integer>> started = new ArrayList<>();
    for (OutboxClaims.NumberKey number : claims.numbersWithDueWork(now)) {
      Future<Integer> f = lanes.start(number, () -> lane(number, wait));
      if (f != null) {
        started.add(f);
      }
    }
    if (!wait) {
      return 0;
    }
    int sent = 0;
    for (Future<Integer> f : started) {
      try {
        sent += f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "Sending for one number failed: {0}", e.getCause().toString());
      }
    }
    return sent;
  }

  /**
   * One number's lane: claims, picks, guards, books slots and hands the calls to the call pool
   * until nothing is due (after lingering a little, for replies), the number pauses or the lane's
   * time is up; gives back what it holds. Returns how many messages Meta accepted.
   */
  private int lane(OutboxClaims.NumberKey number, boolean untilIdle) {
    LaneWindow<OutboxClaims.Queued> window = new LaneWindow<>(q -> q, maxInFlight);
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean paused = new AtomicBoolean();
    Lane lane = new Lane(number, window, sent, paused, new LaneAnswers(attempts, claims));
    long start = System.nanoTime();
    long end = start + laneTime.toNanos();
    long idleSince = -1;
    long lastClaim = 0;
    long lastRate = start;
    int perSecond = claims.perSecond(number);
    try {
      while (!paused.get() && System.nanoTime() < end) {
        long nowNanos = System.nanoTime();
        if (nowNanos - lastRate > RATE_REFRESH) {
          perSecond = claims.perSecond(number);
          lastRate = nowNanos;
        }
        boolean empty = window.waitingReplies() + window.waitingBulk() == 0;
        if (empty || nowNanos - lastClaim > CLAIM_EVERY) {
          boolean campaign = window.waitingBulk() <= perSecond / 2;
          Instant now = Instant.now();
          window.add(
              claims.claimNumber(
                  number,
                  now,
                  now.plus(lease),
                  OWNER,
                  campaign ? perSecond + 1 : Math.max(1, perSecond / 5),
                  campaign));
          lastClaim = nowNanos;
          empty = window.waitingReplies() + window.waitingBulk() == 0;
        }
        if (empty) {
          if (window.inFlight() == 0) {
            if (idleSince < 0) {
              idleSince = nowNanos;
            } else if (untilIdle || nowNanos - idleSince > linger.toNanos()) {
              break;
            }
            window.awaitEnd(untilIdle ? 20 : 100);
          } else {
            window.awaitEnd(50);
          }
          continue;
        }
        idleSince = -1; // blocks of at most 200 ms of slots and 50 rows, so a reply waits little
        int most = Math.max(1, Math.min(50, perSecond / 5));
        List<OutboxClaims.Queued> block = window.take(most, perSecond);
        if (block.isEmpty()) {
          window.awaitEnd(20);
          continue;
        }
        dispatch(lane, block);
      }
    } finally {
      window.awaitIdle(Duration.ofSeconds(60).toMillis());
      List<OutboxClaims.Claim> rest =
          window.drain().stream().map(OutboxClaims.Queued::claim).toList();
      if (!rest.isEmpty()) {
        try {
          claims.releaseAll(rest, OWNER);
        } catch (RuntimeException e) {
          LOG.log(Level.INFO, "Rows of number {0} left to their lease", number.connectionId());
        }
      }
    }
    return sent.get();
  }

  /** One number's lane: its rows, its counters and what it does with Meta's answers. */
  private record Lane(
      OutboxClaims.NumberKey number,
      LaneWindow<OutboxClaims.Queued> window,
      AtomicInteger sent,
      AtomicBoolean paused,
      LaneAnswers answers) {}

  /** The guard for each row, one block of slots, and the calls handed to the call pool. */
  private void dispatch(Lane lane, List<OutboxClaims.Queued> block) {
    OutboxClaims.NumberKey number = lane.number();
    LaneWindow<OutboxClaims.Queued> window = lane.window();
    List<OutboxClaims.Queued> ready = new ArrayList<>(block.size());
    List<OutboxAttempts.Prepared> prepared = new ArrayList<>(block.size());
    List<Optional<OutboxAttempts.Prepared>> guarded = null;
    try {
      guarded =
          Tenancy.callAs(
              number.tenantId(),
              () ->
                  guards.prepareAll(
                      block.stream().map(q -> q.claim().id()).toList(), Instant.now()));
    } catch (Exception e) {
      LOG.log(Level.INFO, "Guarding a block failed, row by row now: {0}", e.toString());
    }
    for (int i = 0; i < block.size(); i++) {
      OutboxClaims.Queued q = block.get(i);
      Optional<OutboxAttempts.Prepared> p = guarded == null ? Optional.empty() : guarded.get(i);
      if (guarded == null) {
        try {
          p =
              Tenancy.callAs(
                  number.tenantId(), () -> guards.prepare(q.claim().id(), Instant.now()));
        } catch (Exception e) {
          LOG.log(Level.WARNING, "Outbox row {0} not sent now: {1}", q.claim().id(), e.toString());
        }
      }
      if (p.isEmpty()) {
        release(q.claim());
        window.dropped(q);
      } else {
        ready.add(q);
        prepared.add(p.get());
      }
    }
    if (ready.isEmpty()) {
      return;
    }
    List<Optional<OutboxClaims.Slot>> slots;
    try {
      slots =
          claims.takeSlots(
              number,
              ready.stream().map(OutboxClaims.Queued::claim).toList(),
              OWNER,
              Instant.now(),
              lease,
              maxSlotWait);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "No slots for number {0}: {1}", number.connectionId(), e.toString());
      ready.forEach(q -> release(q.claim()));
      ready.forEach(window::dropped);
      return;
    }
    slots.stream()
        .flatMap(Optional::stream)
        .map(s -> s.at().plus(Pacing.spacing(s.perSecond())))
        .max(Instant::compareTo)
        .ifPresent(lane.answers()::booked);
    for (int i = 0; i < ready.size(); i++) {
      OutboxClaims.Queued q = ready.get(i);
      Optional<OutboxClaims.Slot> slot = slots.get(i);
      if (slot.isEmpty()) {
        // Not ours any more, or the number is paused or booked far ahead: the lane stops, and the
        // next round finds the number again when it is due.
        window.dropped(q);
        lane.paused().set(true);
        continue;
      }
      OutboxAttempts.Prepared p = prepared.get(i);
      try {
        lanes.calls().execute(() -> call(lane, q, p, slot.get()));
      } catch (RuntimeException e) {
        // The row is SENDING already: it turns UNKNOWN when its lease ends, never resent.
        LOG.log(Level.WARNING, "Call pool refused row {0}: {1}", q.claim().id(), e.toString());
        window.dropped(q);
      }
    }
  }

  private void release(OutboxClaims.Claim claim) {
    try {
      claims.release(claim, OWNER);
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "Row {0} left to its lease: {1}", claim.id(), e.toString());
    }
  }

  /** One call at its slot, on a thread of the call pool, and Meta's answer recorded. */
  private void call(
      Lane lane, OutboxClaims.Queued q, OutboxAttempts.Prepared p, OutboxClaims.Slot slot) {
    LaneWindow<OutboxClaims.Queued> window = lane.window();
    long millis = -1;
    try {
      sleepUntil(slot.at());
      window.awaitStart(slot.perSecond());
      Instant started = Instant.now();
      // One call at a time: a call may have reached Meta as late as it ended (typical 0).
      long typical = window.allowed(slot.perSecond()) > 1 ? (long) window.latencyMillis() : 0;
      boolean pause =
          Tenancy.callAs(
              lane.number().tenantId(), () -> sendOne(q.claim(), p, slot, started, typical, lane));
      millis = Duration.between(started, Instant.now()).toMillis();
      if (pause) {
        lane.paused().set(true);
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Outbox row {0}: {1}", q.claim().id(), e.toString());
    } finally {
      window.end(q, millis);
    }
  }

  /** Sends one row at its slot; true when the number must pause (the rest of its rows wait). */
  private boolean sendOne(
      OutboxClaims.Claim claim,
      OutboxAttempts.Prepared p,
      OutboxClaims.Slot slot,
      Instant started,
      long typicalMillis,
      Lane lane) {
    AcceptedMessage answer;
    try {
      answer = graph.sendMessage(p.token(), p.phoneNumberId(), p.request());
    } catch (GraphException e) {
      lane.answers().late(claim, slot, started, Instant.now(), typicalMillis);
      return lane.answers().failed(claim, e);
    } catch (IllegalArgumentException e) {
      lane.answers().refused(claim, e.getMessage());
      return false;
    }
    Instant ended = Instant.now();
    // Meta's answer first (with the answers of other calls of the number, in one transaction): if
    // storing it fails, the row stays SENDING, turns UNKNOWN when its lease ends and is reconciled
    // from the status webhooks, never resent.
    lane.answers().accepted(claim, answer, ended);
    lane.sent().incrementAndGet();
    lane.answers().late(claim, slot, started, ended, typicalMillis);
    return false;
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
