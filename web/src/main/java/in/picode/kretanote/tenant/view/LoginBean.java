package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.security.KretaNoteIdentityStore;
import in.picode.kretanote.platform.security.SecondFactorCredential;
import in.picode.kretanote.platform.security.SecondFactorStep;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form. One message for every failure, so it never tells whether an email exists. */
@Named
@RequestScoped
public class LoginBean {

  static final String FAILED =
      "Email or password is incorrect, or there were too many tries: wait a little, then try"
          + " again or reset your password.";

  @Inject SecurityContext security;
  @Inject FacesContext faces;

  static final String CODE_REFUSED =
      "That code is not valid, or too many wrong codes were tried: wait a moment, then type the"
          + " current code from your authenticator app, or a recovery code.";
  static final String CODE_EXPIRED = "Sign in again: the code was not entered in time.";

  private String email;
  private String password;
  private String code;

  public void login() throws IOException {
    AuthenticationStatus status =
        authenticate(new UsernamePasswordCredential(email, new Password(password)));
    password = null;
    if (status == AuthenticationStatus.SEND_FAILURE && isCodeStep()) {
      return;
    }
    finish(status, FAILED);
  }

  /** Sign-in's second step: the code from the authenticator app or a recovery code. */
  public void verifyCode() throws IOException {
    boolean waiting = isCodeStep();
    AuthenticationStatus status = authenticate(new SecondFactorCredential(code));
    code = null;
    finish(status, waiting && isCodeStep() ? CODE_REFUSED : CODE_EXPIRED);
  }

  public void cancelCode() {
    SecondFactorStep.abandon(request());
  }

  public boolean isCodeStep() {
    return SecondFactorStep.waiting(request());
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  private AuthenticationStatus authenticate(Credential credential) {
    ExternalContext ec = faces.getExternalContext();
    return security.authenticate(
        (HttpServletRequest) ec.getRequest(),
        (HttpServletResponse) ec.getResponse(),
        AuthenticationParameters.withParams().newAuthentication(true).credential(credential));
  }

  private void finish(AuthenticationStatus status, String failure) throws IOException {
    ExternalContext ec = faces.getExternalContext();
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> {
        boolean operator = security.isCallerInRole("OPERATOR");
        ec.redirect(ec.getRequestContextPath() + (operator ? "/operator/" : "/app/"));
      }
      default -> {
        if (ec.getRequestMap().get(KretaNoteIdentityStore.BUSY) != null) {
          Busy.show(new HashingBusyException());
        } else {
          faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, failure, null));
        }
      }
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
