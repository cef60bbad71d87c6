package in.picode.kretanote.notification.view;

import in.picode.kretanote.notification.boundary.AgentNotifications;
import in.picode.kretanote.notification.boundary.NotificationWords;
import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The bell in the dashboard header: the signed-in agent's unread count (refreshed by a poll), the
 * latest notifications, mark read, mark all read, and which kinds are mailed as well. Only the
 * user's own notifications: every call names the signed-in user.
 */
@Named
@ViewScoped
public class BellBean implements Serializable {

  private static final String TEXTS = "in.picode.kretanote.platform.view.AppTexts";

  private static final long serialVersionUID = 1L;
  static final int SHOWN = 20;

  @Inject transient AgentNotifications notifications;
  @Inject CurrentUser user;

  private Map<AgentNotification.Kind, Boolean> mail;

  public long getUnread() {
    return notifications.unread(user.getUserId());
  }

  public List<AgentNotification> getLatest() {
    return notifications.latest(user.getUserId(), SHOWN);
  }

  /** The newest notification's title, for the browser notification when the count rises. */
  public String getNewestTitle() {
    List<AgentNotification> l = notifications.latest(user.getUserId(), 1);
    return l.isEmpty() ? "" : title(l.get(0));
  }

  /** A notification's title in the reader's language (a row from before codes: as stored). */
  public String title(AgentNotification n) {
    return Wordings.of(NotificationWords.title(n));
  }

  public void markRead(long id) {
    notifications.markRead(user.getUserId(), id);
  }

  public void markAllRead() {
    notifications.markAllRead(user.getUserId());
  }

  public Map<AgentNotification.Kind, Boolean> getMail() {
    if (mail == null) {
      mail = notifications.mailWanted(user.getUserId());
    }
    return mail;
  }

  public AgentNotification.Kind[] getKinds() {
    return AgentNotification.Kind.values();
  }

  public String kindLabel(AgentNotification.Kind kind) {
    return switch (kind) {
      case ASSIGNED -> Texts.of(TEXTS, "bell.kind.assigned");
      case MENTIONED -> Texts.of(TEXTS, "bell.kind.mentioned");
      case SLA_WARNING -> Texts.of(TEXTS, "bell.kind.slaWarning");
    };
  }

  public void saveMail() {
    getMail().forEach((k, v) -> notifications.setMail(user.getUserId(), k, Boolean.TRUE.equals(v)));
  }
}
