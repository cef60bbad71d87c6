package in.picode.kretanote.notification.boundary;

import in.picode.kretanote.notification.entity.AgentNotification;
import java.util.List;

/**
 * An agent's notification must be mailed to {@code to} once the transaction that stored it
 * committed (observed by {@code AgentMails} with {@code during = AFTER_SUCCESS}). The mail is
 * worded in the recipient's {@code language} (their preference; null: English) from the {@code
 * kind} and its {@code words} (the arguments of the kind's texts); {@code subject} and {@code body}
 * are the bell's English wording.
 */
public record AgentMailRequested(
    long tenantId,
    long userId,
    String to,
    String subject,
    String body,
    Long conversationId,
    String language,
    AgentNotification.Kind kind,
    List<String> words) {

  public AgentMailRequested {
    words = words == null ? List.of() : List.copyOf(words);
  }
}
