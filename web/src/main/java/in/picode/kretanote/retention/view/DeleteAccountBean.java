package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.retention.boundary.AccountDeletions;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Settings → Delete account (OWNER only): password and the typed account name; on success the
 * session ends and the browser lands on the page that explains the grace period and cancellation.
 */
@Named
@RequestScoped
public class DeleteAccountBean {

  @Inject AccountDeletions deletions;
  @Inject CurrentUser currentUser;
  @Inject FacesContext faces;

  private String password;
  private String typedName;

  public void delete() throws IOException, ServletException {
    try {
      deletions.request(Requesters.of(currentUser), password, typedName);
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return;
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
      return;
    }
    ExternalContext ec = faces.getExternalContext();
    ((HttpServletRequest) ec.getRequest()).logout();
    ec.invalidateSession();
    ec.redirect(ec.getRequestContextPath() + "/cancel-deletion.xhtml?requested=true");
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getTypedName() {
    return typedName;
  }

  public void setTypedName(String typedName) {
    this.typedName = typedName;
  }
}
