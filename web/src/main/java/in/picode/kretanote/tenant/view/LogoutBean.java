package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.routing.boundary.Presence;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Signs out and throws the session away, so nothing of it can be reused. */
@Named
@RequestScoped
public class LogoutBean {

  @Inject FacesContext faces;
  @Inject Presence presence;
  @Inject CurrentUser user;

  public void logout() throws ServletException, IOException {
    ExternalContext ec = faces.getExternalContext();
    if (!user.isOperator()) {
      presence.signedOut(user.getUserId()); // Offline at once, not after the idle time
    }
    ((HttpServletRequest) ec.getRequest()).logout();
    ec.invalidateSession();
    ec.redirect(ec.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }
}
