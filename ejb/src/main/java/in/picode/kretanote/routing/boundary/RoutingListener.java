package in.picode.kretanote.routing.boundary;

import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.ConversationRouting;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Messaging's news as routing needs it, inside the transaction that made it (so a waiting row
 * commits with the new conversation and a history line with the assignment): a conversation that
 * opens or re-opens without an online assignee waits for automatic assignment, which runs after
 * commit; an assignment by hand (or through the API) is written to the history and ends any wait.
 */
@ApplicationScoped
public class RoutingListener {

  @Inject AutoAssignment auto;
  @Inject ConversationRouting conversations;
  @Inject Assignments assignments;
  @Inject Presence presence;
  @Inject Event<RoutingNews.Nudge> nudges;

  void onConversation(@Observes ConversationChanged change) {
    long id = change.conversationId();
    switch (change.kind()) {
      case CREATED, REOPENED -> {
        if (auto.wanted(id)) {
          auto.enqueue(id);
          nudges.fire(new RoutingNews.Nudge(Tenancy.require()));
        }
      }
      case ASSIGNED -> {
        if (AutoAssignment.isAutomatic(id)) {
          return;
        }
        auto.dequeue(id);
        String by =
            change.actorId() == null
                ? "through the API"
                : "by " + String.valueOf(presence.name(change.actorId()));
        String reason = (change.assigneeId() == null ? "unassigned " : "assigned ") + by;
        auto.record(id, assignments.teamOf(id), change.assigneeId(), reason, Instant.now());
      }
      case RESOLVED -> auto.dequeue(id);
    }
  }
}
