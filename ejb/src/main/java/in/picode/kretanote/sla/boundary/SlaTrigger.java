package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.messaging.boundary.BusinessMessageQueued;
import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import in.picode.kretanote.platform.boundary.ReferenceDeleted;
import in.picode.kretanote.routing.boundary.ConversationAssigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Moves the SLA clocks from messaging's events, inside the transactions that fire them (with the
 * tenant bound): a customer's message starts a wait, the business's next message ends it, a
 * resolution stops the clock, an assignment names whose clock it is. Reactions, WhatsApp's own
 * notices and a rating that leaves its conversation resolved start no wait.
 */
@ApplicationScoped
public class SlaTrigger {

  @Inject SlaClocks clocks;
  @Inject SlaPolicies policies;
  @Inject ConversationRouting conversations;

  void customerWrote(@Observes CustomerMessageStored m) {
    if (!"reaction".equals(m.type())
        && !"system".equals(m.type())
        && conversations
            .find(m.conversationId())
            .map(ConversationRouting.Routed::open)
            .orElse(false)) {
      clocks.customerWrote(m.conversationId());
    }
  }

  /**
   * An automatic message (away, greeting, a rule's send) is no answer: the customer still waits.
   */
  void businessWrote(@Observes BusinessMessageQueued m) {
    if (m.automatic()) {
      return;
    }
    clocks.businessReplied(m.conversationId());
  }

  /** Routing's news after commit: a move to another team brings that team's targets. */
  void routed(@Observes ConversationAssigned a) {
    clocks.movedToTeam(a.conversationId(), a.teamId());
  }

  /** A deleted team's own targets go with it (its conversations left it in the same change). */
  void deleted(@Observes ReferenceDeleted d) {
    if ("team".equals(d.kind())) {
      policies.removeTeamPolicy(d.id());
    }
  }

  void changed(@Observes ConversationChanged c) {
    if (c.kind() == ConversationChanged.Kind.RESOLVED) {
      clocks.resolved(c.conversationId());
    } else if (c.kind() == ConversationChanged.Kind.ASSIGNED) {
      clocks.assigned(c.conversationId(), c.assigneeId());
    }
  }
}
