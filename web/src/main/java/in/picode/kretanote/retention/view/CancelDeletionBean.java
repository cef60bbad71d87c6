package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.security.ClientAddresses;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.retention.boundary.AccountDeletions;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public page where the owner cancels a pending account deletion with email and password
 * (sign-in is disabled for the account during the grace period).
 */
@Named
@RequestScoped
public class CancelDeletionBean {

  @Inject AccountDeletions deletions;
  @Inject FacesContext faces;
  @Inject ClientAddresses clientAddresses;

  private String email;
  private String password;
  private boolean cancelled;

  public void cancel() {
    try {
      deletions.cancel(
          email,
          password,
          clientAddresses.of((HttpServletRequest) faces.getExternalContext().getRequest()));
      cancelled = true;
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
    } catch (HashingBusyException e) {
      // As on the other password pages: the product's page, 503 and when to try again.
      var ec = faces.getExternalContext();
      ec.setResponseStatus(503);
      ec.setResponseHeader("Retry-After", Long.toString(HashingBusyException.RETRY_AFTER_SECONDS));
      PageMessages.error(Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
    }
    password = null;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
