package in.picode.kretanote.messaging.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One line of the inbox: the conversation, its contact, the latest message's direction, type and
 * first characters, the assignee's name and the labels.
 */
public record InboxRow(
    long id,
    String status,
    boolean snoozed,
    int unread,
    Instant lastActivityAt,
    Instant windowExpiresAt,
    Long assigneeId,
    String assignee,
    String contactName,
    String waId,
    String lastDirection,
    String lastType,
    String lastText,
    List<String> labels) {

  /** What the inbox shows as the preview: the text, or the kind of message in words. */
  public String preview() {
    if (lastType == null) {
      return "";
    }
    String prefix = "OUTBOUND".equals(lastDirection) ? "You: " : "";
    if (lastText != null && !lastText.isEmpty()) {
      return prefix + lastText;
    }
    return prefix + MessageView.describeType(lastType);
  }
}
