package in.picode.kretanote.platform.security;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import in.picode.kretanote.tenant.boundary.SignInOutcome;
import in.picode.kretanote.tenant.boundary.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Checks credentials against the database through {@link SignIns} (PBKDF2, the growing delay per
 * client address and account), remembers the tenant in the session, and writes the attempt to the
 * tenant's audit log.
 */
@ApplicationScoped
public class KretaNoteIdentityStore implements IdentityStore {

  /** Request attribute set when the password could not be checked because the server is busy. */
  public static final String BUSY = "kretanote.sign-in.busy";

  @Inject SignIns signIns;
  @Inject AuditLog audit;
  @Inject HttpServletRequest request;
  @Inject SecondFactorStep secondFactor;
  @Inject ClientAddresses clientAddresses;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof SecondFactorCredential code) {
      return validateCode(code);
    }
    if (credential instanceof PasskeyCredential passkey) {
      return validatePasskey(passkey);
    }
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String address = clientAddresses.of(request);
    SignInOutcome outcome;
    try {
      outcome = signIns.verify(login.getCaller(), login.getPasswordAsString(), address);
    } catch (HashingBusyException e) {
      request.setAttribute(BUSY, Boolean.TRUE);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!outcome.success()) {
      record(outcome, signInFailure(outcome.reason()), address);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (secondFactor.holdsBack(outcome, request)) {
      record(outcome, "SIGN_IN_CODE_ASKED", address);
      return CredentialValidationResult.INVALID_RESULT;
    }
    return signedIn(outcome, address);
  }

  private CredentialValidationResult validateCode(SecondFactorCredential code) {
    String address = clientAddresses.of(request);
    var waiting = SecondFactorStep.whoWaits(request);
    var outcome = secondFactor.complete(code.code(), request);
    if (outcome.isEmpty()) {
      waiting.ifPresent(w -> record(w, "SIGN_IN_CODE_REFUSED", address));
      return CredentialValidationResult.INVALID_RESULT;
    }
    return signedIn(outcome.get(), address);
  }

  private CredentialValidationResult validatePasskey(PasskeyCredential passkey) {
    String address = clientAddresses.of(request);
    var waiting = SecondFactorStep.whoWaits(request);
    var outcome = secondFactor.completeWithPasskey(passkey.answer(), request);
    if (outcome.isEmpty()) {
      waiting.ifPresent(w -> record(w, "SIGN_IN_PASSKEY_REFUSED", address));
      return CredentialValidationResult.INVALID_RESULT;
    }
    record(outcome.get(), "SIGN_IN_PASSKEY_USED", address);
    return signedIn(outcome.get(), address);
  }

  private void record(SignInOutcome outcome, String action, String address) {
    if (outcome.tenantId() != null) {
      Tenancy.runAs(
          outcome.tenantId(),
          () -> audit.record(outcome.userId(), outcome.email(), action, null, address));
    }
  }

  private CredentialValidationResult signedIn(SignInOutcome outcome, String address) {
    record(outcome, "SIGN_IN", address);
    // A new session id after sign-in, so a session id planted before it is worthless.
    request.getSession(true);
    request.changeSessionId();
    var session = request.getSession();
    session.setAttribute(SessionKeys.USER_ID, outcome.userId());
    session.setAttribute(SessionKeys.SESSION_GENERATION, outcome.sessionGeneration());
    if (outcome.tenantId() != null) {
      session.setAttribute(SessionKeys.TENANT_ID, outcome.tenantId());
    } else {
      session.removeAttribute(SessionKeys.TENANT_ID);
    }
    return new CredentialValidationResult(outcome.email(), Set.of(outcome.role().name()));
  }

  private static String signInFailure(String reason) {
    return switch (reason) {
      case SignIns.DELAY_STARTED -> "SIGN_IN_DELAY_STARTED";
      case SignIns.DELAYED -> "SIGN_IN_TOO_EARLY";
      case "locked" -> "SIGN_IN_WHILE_LOCKED";
      default -> "SIGN_IN_FAILED";
    };
  }
}
