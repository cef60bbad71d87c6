package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.security.KretaNoteIdentityStore;
import in.picode.kretanote.platform.security.PasskeyCeremony;
import in.picode.kretanote.platform.security.PasskeyCredential;
import in.picode.kretanote.platform.security.SecondFactorCredential;
import in.picode.kretanote.platform.security.SecondFactorStep;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.PasskeyAnswer;
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

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject SecondFactorStep secondFactorStep;
  @Inject PasskeyCeremony ceremony;

  static final String BUNDLE = "in.picode.kretanote.tenant.view.SignInTexts";

  private String email;
  private String passkeyOptions;
  private String credentialId;
  private String userHandle;
  private String authenticatorData;
  private String clientData;
  private String signature;
  private String password;
  private String code;

  public void login() throws IOException {
    AuthenticationStatus status =
        authenticate(new UsernamePasswordCredential(email, new Password(password)));
    password = null;
    if (status == AuthenticationStatus.SEND_FAILURE && isCodeStep()) {
      return;
    }
    finish(status, Texts.of(BUNDLE, "login.failed"));
  }

  /** Sign-in's second step: the code from the authenticator app or a recovery code. */
  public void verifyCode() throws IOException {
    boolean waiting = isCodeStep();
    AuthenticationStatus status = authenticate(new SecondFactorCredential(code));
    code = null;
    finish(
        status,
        waiting && isCodeStep()
            ? Texts.of(BUNDLE, "login.codeRefused")
            : Texts.of(BUNDLE, "login.codeExpired"));
  }

  /** Sign-in's second step with a passkey: the browser's answer, in hidden fields. */
  public void verifyPasskey() throws IOException {
    boolean waiting = isCodeStep();
    PasskeyAnswer answer =
        new PasskeyAnswer(
            PasskeyCeremony.bytes(credentialId),
            PasskeyCeremony.bytes(userHandle),
            PasskeyCeremony.bytes(authenticatorData),
            PasskeyCeremony.bytes(clientData),
            PasskeyCeremony.bytes(signature));
    AuthenticationStatus status = authenticate(new PasskeyCredential(answer));
    finish(
        status,
        waiting && isCodeStep()
            ? Texts.of(BUNDLE, "login.passkeyRefused")
            : Texts.of(BUNDLE, "login.codeExpired"));
  }

  /** Whether the waiting user has passkeys to offer. */
  public boolean isPasskeyOffered() {
    return !secondFactorStep.waitingPasskeys(request()).isEmpty();
  }

  /** Whether the waiting user has an authenticator app. */
  public boolean isAppOffered() {
    return secondFactorStep.waitingHasApp(request());
  }

  /** The passkey request's options (a new challenge in the session), once per page. */
  public String getPasskeyOptions() {
    if (passkeyOptions == null) {
      passkeyOptions =
          ceremony.signInOptions(request(), secondFactorStep.waitingPasskeys(request()));
    }
    return passkeyOptions;
  }

  public String getCredentialId() {
    return credentialId;
  }

  public void setCredentialId(String credentialId) {
    this.credentialId = credentialId;
  }

  public String getUserHandle() {
    return userHandle;
  }

  public void setUserHandle(String userHandle) {
    this.userHandle = userHandle;
  }

  public String getAuthenticatorData() {
    return authenticatorData;
  }

  public void setAuthenticatorData(String authenticatorData) {
    this.authenticatorData = authenticatorData;
  }

  public String getClientData() {
    return clientData;
  }

  public void setClientData(String clientData) {
    this.clientData = clientData;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String signature) {
    this.signature = signature;
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
