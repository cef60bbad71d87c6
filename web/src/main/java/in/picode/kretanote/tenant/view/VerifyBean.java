package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.SignUps;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Opens the link from the verification mail and asks for the password chosen at sign-up: the link
 * proves the mailbox, the password proves the sign-up, and only both together activate it.
 */
@Named
@ViewScoped
public class VerifyBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient SignUps signUps;

  private String token;
  private String password;
  private boolean valid;
  private boolean done;

  public void check() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    valid = signUps.verificationUsable(token);
  }

  public void confirm() {
    try {
      switch (signUps.verifyEmail(token, password)) {
        case CONFIRMED -> {
          done = true;
          token = null;
        }
        case WRONG_PASSWORD ->
            PageMessages.error(
                "verify", "password", Texts.of(SignUpBean.BUNDLE, "verify.wrongPassword"));
        case INVALID_LINK -> valid = false;
      }
    } catch (HashingBusyException e) {
      Busy.show(e);
    } finally {
      password = null;
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isValid() {
    return valid;
  }

  public boolean isDone() {
    return done;
  }
}
