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
 * resolution stops the clock, an assignment names whose clock it is. Reactions, WhatsApp's own
 * notices and messages into a conversation that stays closed start no wait.
 */
@ApplicationScoped
public class SlaTrigger {

  @Inject SlaClocks clocks;
  @Inject in.picode.kretanote.messaging.boundary.ConversationRouting conversations;

  void customerWrote(@Observes CustomerMessageStored m) {
    // A closed conversation waits for nobody: a customer's answer to a survey sent after the
    // resolution leaves it closed (messaging), and starts no clock either.
    if (!"reaction".equals(m.type())
        && !"system".equals(m.type())
        && conversations
            .find(m.conversationId())
            .map(in.picode.kretanote.messaging.boundary.ConversationRouting.Routed::open)
            .orElse(false)) {
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
