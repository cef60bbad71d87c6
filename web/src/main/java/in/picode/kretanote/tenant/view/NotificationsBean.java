package in.picode.kretanote.tenant.view;

import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.entity.Notification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/** The latest notifications on the dashboard, for owners and admins only. */
@Named
@RequestScoped
public class NotificationsBean {

  @Inject Notifications notifications;
  @Inject SecurityContext security;

  private List<Notification> latest;

  public boolean isVisible() {
    return security.isCallerInRole("OWNER") || security.isCallerInRole("ADMIN");
  }

  public List<Notification> getLatest() {
    if (latest == null) {
      latest = isVisible() ? notifications.latest(10) : List.of();
    }
    return latest;
  }
}
