package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Turns what routing did inside a transaction into news after it commits: {@link
 * ConversationAssigned} for other features (SLA, notifications), and a nudge to the worker when
 * conversations may now be assignable (someone came online, a conversation started waiting). A
 * rolled-back change announces nothing.
 */
@ApplicationScoped
public class RoutingNews {

  /** Fired inside the transaction; re-fired as {@link ConversationAssigned} after commit. */
  record Made(ConversationAssigned assignment) {}

  /** Fired inside the transaction: the business's waiting conversations should be looked at. */
  record Nudge(long tenantId) {}

  @Inject Event<ConversationAssigned> assigned;
  @Inject AssignmentWorker worker;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Made made) {
    ConversationAssigned a = made.assignment();
    Tenancy.runAs(a.tenantId(), () -> assigned.fire(a));
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Nudge nudge) {
    worker.drainLater(nudge.tenantId());
  }
}
