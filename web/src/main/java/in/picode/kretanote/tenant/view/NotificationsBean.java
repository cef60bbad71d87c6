package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/** The latest notifications on the dashboard, for owners and admins only, in their language. */
@Named
@RequestScoped
public class NotificationsBean {

  @Inject Notifications notifications;
  @Inject SecurityContext security;

  private List<Notification> latest;

  public boolean isVisible() {
    return security.isCallerInRole("OWNER") || security.isCallerInRole("ADMIN");
  }

  /** The subject in the reader's language (the stored English for a notice from before). */
  public String subject(Notification n) {
    return Wordings.of(n.subjectWording());
  }

  /** The paragraphs in the reader's language. */
  public List<String> paragraphs(Notification n) {
    return n.bodyWordings().stream().map(Wordings::of).toList();
  }

  public List<Notification> getLatest() {
    if (latest == null) {
      latest = isVisible() ? notifications.latest(10) : List.of();
    }
    return latest;
  }
}
