package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.PasswordResets;
import in.picode.kretanote.tenant.boundary.TenantWords;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Objects;

/** The page behind the reset link: checks the link on arrival, then takes the new password. */
@Named
@ViewScoped
public class ResetPasswordBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PasswordResets resets;

  private String token;
  private boolean valid;
  private boolean done;
  private String password;
  private String confirm;

  public void check() {
    if (!FacesContext.getCurrentInstance().isPostback()) {
      valid = resets.usable(token);
    }
  }

  public void submit() {
    try {
      if (!Objects.equals(password, confirm)) {
        PageMessages.error("reset", "confirm", Texts.of(SignUpBean.BUNDLE, "password.differ"));
        return;
      }
      resets.reset(token, password, PageMessages.clientAddress());
      done = true;
      token = null;
    } catch (AccountChangeRefusedException e) {
      if (e.field() == null) {
        valid = false;
      } else {
        PageMessages.error("reset", e.field(), Wordings.of(e));
      }
    } catch (HashingBusyException e) {
      Busy.show(e);
    } catch (EJBException e) {
      PageMessages.error("reset", null, PageMessages.ourFault());
    } finally {
      password = null;
      confirm = null;
    }
  }

  public String getInvalidMessage() {
    return Wordings.of(TenantWords.RESET_LINK_INVALID.with());
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isValid() {
    return valid;
  }

  public boolean isDone() {
    return done;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }
}
