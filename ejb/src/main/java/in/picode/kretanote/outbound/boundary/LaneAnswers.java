package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.meta.boundary.AcceptedMessage;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.GroupCommit;
import in.picode.kretanote.outbound.control.Pacing;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one lane of {@link OutboxSender} does with Meta's answers: accepted messages stored in
 * groups ({@link GroupCommit}), failures and local refusals recorded (a failure may pause the
 * number), and a call that may have reached Meta late pushing the number's next slot. Not an EJB: a
 * part of the sender's lane, on its threads and outside any transaction, as the sender; each write
 * is one call to {@link OutboxAttempts} or {@link OutboxClaims}, in their transactions.
 */
final class LaneAnswers {

  private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

  /**
   * Transactions storing one number's answers at once: at 1,000/s one at a time could not keep up
   * (about 300 answers/s measured with two reads and two writes per answer on the loaded machine).
   */
  static final int ANSWER_FLUSHES = 3;

  /**
   * Answers waiting before a second transaction starts beside a running one: since a block's
   * answers are written with one statement per table, a transaction costs about the same for 1 or
   * 40 answers, and splitting them made transactions of 3 answers on average at 700/s.
   */
  static final int ANSWER_BACKLOG = 32;

  private final OutboxAttempts attempts;
  private final OutboxClaims claims;
  private final GroupCommit<OutboxAttempts.Answer> accepted;

  /**
   * The end of the slots this lane booked last ({@code send_pace.next_slot_at} is at least that, it
   * only grows).
   */
  private final AtomicReference<Instant> bookedUntil = new AtomicReference<>(Instant.EPOCH);

  LaneAnswers(OutboxAttempts attempts, OutboxClaims claims) {
    this.attempts = attempts;
    this.claims = claims;
    this.accepted = new GroupCommit<>(this::store, ANSWER_FLUSHES, ANSWER_BACKLOG);
  }

  /** The lane booked slots up to {@code until}. */
  void booked(Instant until) {
    bookedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * Meta accepted the row's message: its answer is stored with the answers of other calls of the
   * number, in one transaction; returns once stored (or given up: then the row stays SENDING, turns
   * UNKNOWN when its lease ends and is reconciled from the status webhooks, never resent).
   */
  void accepted(OutboxClaims.Claim claim, AcceptedMessage answer, Instant at) {
    accepted.submit(new OutboxAttempts.Answer(claim.id(), answer, at));
  }

  /** Meta refused the call or did not answer; true when the number must pause. */
  boolean failed(OutboxClaims.Claim claim, GraphException e) {
    OutboxAttempts.AfterFailure after = attempts.failed(claim.id(), e, Instant.now());
    if (after.pauseNumberUntil() != null) {
      claims.pauseNumber(
          claim.tenantId(), claim.connectionId(), after.pauseNumberUntil(), after.throttled());
      return true;
    }
    return false;
  }

  /** The request could not be made (it never reached Meta). */
  void refused(OutboxClaims.Claim claim, String why) {
    attempts.refusedLocally(claim.id(), why, Instant.now());
  }

  /** Stores answers of one tenant in one transaction, or each alone when that fails. */
  private void store(List<OutboxAttempts.Answer> batch) {
    try {
      attempts.acceptedAll(batch);
    } catch (RuntimeException e) {
      for (OutboxAttempts.Answer a : batch) {
        try {
          attempts.accepted(a.outboxId(), a.message(), a.at());
        } catch (RuntimeException again) {
          LOG.log(Level.WARNING, "Answer of row {0} not stored: {1}", a.outboxId(), again);
        }
      }
    }
  }

  /**
   * A call that may have reached Meta late pushes the number's next slot ({@link Pacing#late}).
   * Nothing to write when the slots this lane booked already reach that far: the number's next slot
   * is at least their end (on a loaded machine 44 % of the calls started late, each an update of
   * the {@code send_pace} row the next block's slots lock).
   */
  void late(
      OutboxClaims.Claim claim,
      OutboxClaims.Slot slot,
      Instant started,
      Instant ended,
      long typicalMillis) {
    try {
      Pacing.late(slot.at(), started, ended, typicalMillis, slot.perSecond())
          .filter(t -> t.isAfter(bookedUntil.get()))
          .ifPresent(t -> claims.endedLate(claim.tenantId(), claim.connectionId(), t));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Next slot of number {0} not pushed: {1}", claim.connectionId(), e);
    }
  }
}
