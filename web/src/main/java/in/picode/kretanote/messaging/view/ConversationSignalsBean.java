package in.picode.kretanote.messaging.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.messaging.boundary.CallLog;
import in.picode.kretanote.messaging.boundary.Referrals;
import in.picode.kretanote.messaging.entity.CallLogEntry;
import in.picode.kretanote.messaging.entity.MessageReferral;
import in.picode.kretanote.platform.view.Texts;
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

  private static final String TEXTS = "in.picode.kretanote.messaging.view.ConversationTexts";

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
      case RINGING -> Texts.of(TEXTS, "calls.ringing");
      case ANSWERED -> Texts.of(TEXTS, "calls.inProgress");
      case ENDED ->
          c.getDurationSeconds() == null
              ? Texts.of(TEXTS, "calls.answered")
              : Texts.of(TEXTS, "calls.answeredFor", duration(c.getDurationSeconds()));
      case MISSED -> Texts.of(TEXTS, "calls.missed");
      case REJECTED -> Texts.of(TEXTS, "calls.declined");
      case FAILED -> Texts.of(TEXTS, "calls.failed");
    };
  }

  static String duration(int seconds) {
    return seconds >= 60
        ? Texts.of(
            TEXTS, "calls.minSec", String.valueOf(seconds / 60), String.valueOf(seconds % 60))
        : Texts.of(TEXTS, "calls.sec", String.valueOf(seconds));
  }
}
