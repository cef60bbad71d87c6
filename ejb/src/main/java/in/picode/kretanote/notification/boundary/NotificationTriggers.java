package in.picode.kretanote.notification.boundary;

import in.picode.kretanote.messaging.boundary.ConversationChanged;
import in.picode.kretanote.messaging.boundary.NoteAdded;
import in.picode.kretanote.notification.control.Mentions;
import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.sla.boundary.SlaWarning;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Turns other features' events into agents' notifications, inside the transactions that fire them
 * (with the tenant bound), so a notification commits with its cause: messaging's assignment change
 * ("assigned to you"), a private note's mentions, and the SLA warning. An assignment to nobody, an
 * agent taking a conversation themselves, a mention of oneself and a warning about an unassigned
 * conversation notify nobody.
 */
@ApplicationScoped
public class NotificationTriggers {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject AgentNotifications notifications;
  @Inject TeamMembers members;

  void assigned(@Observes ConversationChanged c) {
    if (c.kind() != ConversationChanged.Kind.ASSIGNED
        || c.assigneeId() == null
        || c.assigneeId().equals(c.actorId())) {
      return;
    }
    notifications.notify(
        c.assigneeId(),
        AgentNotification.Kind.ASSIGNED,
        c.conversationId(),
        "Conversation #" + c.conversationId() + " was assigned to you",
        "A conversation was assigned to you.",
        "assigned:" + c.conversationId() + ":" + System.nanoTime(),
        List.of(String.valueOf(c.conversationId())));
  }

  void noted(@Observes NoteAdded note) {
    if (note.body() == null || note.body().indexOf('@') < 0) {
      return;
    }
    List<UserAccount> team = members.members();
    List<Mentions.Member> candidates =
        team.stream()
            .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
            .map(u -> new Mentions.Member(u.getId(), u.getDisplayName(), u.getEmail()))
            .toList();
    String author =
        team.stream()
            .filter(u -> Objects.equals(u.getId(), note.authorId()))
            .map(UserAccount::getDisplayName)
            .findFirst()
            .orElse("A colleague");
    for (long userId : Mentions.in(note.body(), candidates)) {
      if (Objects.equals(userId, note.authorId())) {
        continue;
      }
      notifications.notify(
          userId,
          AgentNotification.Kind.MENTIONED,
          note.conversationId(),
          author + " mentioned you in conversation #" + note.conversationId(),
          author + " wrote in a private note:\n\n" + note.body(),
          "mention:" + note.noteId(),
          List.of(String.valueOf(note.conversationId()), author, note.body()));
    }
  }

  void slaWarning(@Observes SlaWarning w) {
    if (w.assigneeId() == null) {
      return;
    }
    notifications.notify(
        w.assigneeId(),
        AgentNotification.Kind.SLA_WARNING,
        w.conversationId(),
        "SLA: conversation #" + w.conversationId() + " needs a " + w.what() + " soon",
        "The " + w.what() + " is due at " + TIME.format(w.due()) + ".",
        "sla:" + w.conversationId() + ":" + w.due().toEpochMilli(),
        List.of(String.valueOf(w.conversationId()), w.what(), TIME.format(w.due())));
  }
}
