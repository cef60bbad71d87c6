package in.picode.kretanote.messaging.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.messaging.boundary.CallLog;
import in.picode.kretanote.messaging.boundary.Referrals;
import in.picode.kretanote.messaging.entity.CallLogEntry;
import in.picode.kretanote.messaging.entity.MessageReferral;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the conversation page's includes show besides messages (issue 20): the number the
 * conversation is on, the ad or post the customer came from, and the calls. Read once per request.
 */
@Named
@RequestScoped
public class ConversationSignalsBean {

  @Inject Referrals referrals;
  @Inject CallLog calls;
  @Inject WhatsAppConnections connections;

  private final Map<Long, MessageReferral> referralOf = new HashMap<>();
  private final Map<Long, List<CallLogEntry>> callsOf = new HashMap<>();
  private final Map<Long, String> numberOf = new HashMap<>();

  public MessageReferral referral(long conversationId) {
    return referralOf.computeIfAbsent(
        conversationId, id -> referrals.ofConversation(id).orElse(null));
  }

  public List<CallLogEntry> calls(long conversationId) {
    return callsOf.computeIfAbsent(conversationId, calls::ofConversation);
  }

  /** The business number the conversation is on, as the customer sees it. */
  public String number(long connectionId) {
    return numberOf.computeIfAbsent(
        connectionId,
        id ->
            connections
                .find(id)
                .map(
                    c ->
                        (c.getDisplayPhoneNumber() == null
                                ? "#" + id
                                : "+" + c.getDisplayPhoneNumber().replaceFirst("^\\+", ""))
                            + (c.getVerifiedName() == null ? "" : " (" + c.getVerifiedName() + ")"))
                .orElse("#" + id));
  }

  /** "Missed", "Answered, 2 min 5 s" and so on. */
  public String outcome(CallLogEntry c) {
    return switch (c.getState()) {
      case RINGING -> "Ringing";
      case ANSWERED -> "In progress";
      case ENDED ->
          c.getDurationSeconds() == null
              ? "Answered"
              : "Answered, " + duration(c.getDurationSeconds());
      case MISSED -> "Missed";
      case REJECTED -> "Declined";
      case FAILED -> "Failed";
    };
  }

  static String duration(int seconds) {
    return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
  }
}
