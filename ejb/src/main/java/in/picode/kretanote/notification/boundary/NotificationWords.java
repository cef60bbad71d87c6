package in.picode.kretanote.notification.boundary;

import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * The bell's titles by kind, as codes: {0} the conversation number, then the kind's own values (the
 * colleague who mentioned, what the SLA asks for). A notification from before the titles had codes
 * shows its stored English title.
 */
public enum NotificationWords implements Wording.Code {
  ASSIGNED("Conversation #{0} was assigned to you"),
  MENTIONED("{1} mentioned you in conversation #{0}"),
  SLA_WARNING("SLA: conversation #{0} needs a {1} soon"),
  SLA_RESPONSE("response");

  private final String pattern;

  NotificationWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }

  /** The notification's title as a wording: its kind's code and arguments, else the stored text. */
  public static Wording title(AgentNotification n) {
    List<String> args = n.getTitleArgs();
    if (args.isEmpty()) {
      return Wording.unworded(n.getTitle());
    }
    List<Object> shown = new ArrayList<>(args);
    NotificationWords code =
        switch (n.getKind()) {
          case ASSIGNED -> ASSIGNED;
          case MENTIONED -> MENTIONED;
          case SLA_WARNING -> SLA_WARNING;
        };
    if (code == SLA_WARNING && shown.size() > 1 && "response".equals(shown.get(1))) {
      shown.set(1, SLA_RESPONSE.with());
    }
    return code.with(shown.toArray());
  }
}
