package in.picode.kretanote.tenant.view;

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

  public void logout() throws ServletException, IOException {
    ExternalContext ec = faces.getExternalContext();
    ((HttpServletRequest) ec.getRequest()).logout();
    ec.invalidateSession();
    ec.redirect(ec.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }
}
