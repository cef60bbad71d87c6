package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.entity.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The head of the conversation page: the conversation, its contact, assignee and labels. */
public record ConversationDetail(
    Conversation conversation, Contact contact, String assignee, List<String> labels) {

  /** The customer-service window's remaining time in words, or why it is closed. */
  public String windowWords(Instant now) {
    Instant end = conversation.getWindowExpiresAt();
    if (end == null) {
      return "The customer has not written yet: only template messages can be sent.";
    }
    if (!now.isBefore(end)) {
      return "The 24-hour window is closed: only template messages can be sent.";
    }
    Duration left = Duration.between(now, end);
    return "Reply window open for " + left.toHours() + " h " + left.toMinutesPart() + " min";
  }
}
