package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.retention.boundary.Requester;
import in.picode.kretanote.tenant.entity.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages on the privacy pages, and the signed-in user as a {@link Requester}. */
final class PageMessages {

  static final String OUR_FAULT = "That failed on our side; nothing was changed. Please try again.";

  private PageMessages() {}

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static Requester requester(CurrentUser user) {
    Role role =
        user.hasRole("OWNER") ? Role.OWNER : user.hasRole("ADMIN") ? Role.ADMIN : Role.AGENT;
    return new Requester(user.getUserId(), user.getEmail(), role, user.getClientAddress());
  }
}
