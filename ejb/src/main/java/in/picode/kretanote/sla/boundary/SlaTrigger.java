package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.messaging.boundary.BusinessMessageQueued;
import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Moves the SLA clocks from messaging's events, inside the transactions that fire them (with the
 * tenant bound): a customer's message starts a wait, the business's next message ends it, a
 * resolution stops the clock, an assignment names whose clock it is. Reactions and WhatsApp's own
 * notices start no wait.
 */
@ApplicationScoped
public class SlaTrigger {

  @Inject SlaClocks clocks;

  void customerWrote(@Observes CustomerMessageStored m) {
    if (!"reaction".equals(m.type()) && !"system".equals(m.type())) {
      clocks.customerWrote(m.conversationId());
    }
  }

  void businessWrote(@Observes BusinessMessageQueued m) {
    clocks.businessReplied(m.conversationId());
  }

  void changed(@Observes ConversationChanged c) {
    if (c.kind() == ConversationChanged.Kind.RESOLVED) {
      clocks.resolved(c.conversationId());
    } else if (c.kind() == ConversationChanged.Kind.ASSIGNED) {
      clocks.assigned(c.conversationId(), c.assigneeId());
    }
  }
}
