package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.messaging.boundary.ClosedConversationAnswer;
import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Connects surveys to messaging's events. A resolution is surveyed after it committed, in a
 * transaction of its own (a failed survey never undoes a resolution); a customer's message is read
 * for a rating inside the transaction that stores it, so a rating commits with its message, and
 * before that, a message into a resolved conversation is told whether it is such a rating (which
 * leaves the conversation resolved).
 */
@ApplicationScoped
public class SurveyTrigger {

  private static final System.Logger LOG = System.getLogger(SurveyTrigger.class.getName());

  @Inject Surveys surveys;

  void resolved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConversationChanged change) {
    if (change.kind() != ConversationChanged.Kind.RESOLVED) {
      return;
    }
    try {
      Tenancy.runAs(change.tenantId(), () -> surveys.ask(change.conversationId()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Survey of conversation {0} failed: {1}",
          change.conversationId(),
          e.getClass().getSimpleName());
    }
  }

  /** A rating answers KretaNote's own question: it does not re-open the resolved conversation. */
  void closedAnswer(@Observes ClosedConversationAnswer a) {
    if (surveys.answersSurvey(a)) {
      a.keepClosed();
    }
  }

  void customerWrote(@Observes CustomerMessageStored m) {
    surveys.customerWrote(m);
  }
}
