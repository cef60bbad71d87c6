package in.picode.kretanote.platform.security;

import in.picode.kretanote.tenant.boundary.PasskeyAnswer;
import in.picode.kretanote.tenant.boundary.Passkeys;
import in.picode.kretanote.tenant.boundary.SecondFactors;
import in.picode.kretanote.tenant.boundary.SignInOutcome;
import in.picode.kretanote.tenant.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in's second step. A right password of a user with a second factor does not sign in: the user
 * waits in the session (five minutes, five codes at most, then the password is asked again, where
 * the sign-in throttle applies) until a valid code completes the sign-in. A user of a business that
 * requires a second factor but has none is signed in and kept on the set-up page ({@link
 * #MUST_ENROL}) until one is set up. Platform operators with an authenticator app pass the same
 * step.
 */
@ApplicationScoped
public class SecondFactorStep {

  static final String PENDING = "kretanote.secondFactor.pending";
  public static final String MUST_ENROL = "kretanote.secondFactor.mustEnrol";
  static final Duration VALIDITY = Duration.ofMinutes(5);
  static final int ATTEMPTS = 5;

  /** A user whose password was right, waiting for the code. */
  record Pending(
      long userId,
      Long tenantId,
      String email,
      Role role,
      int sessionGeneration,
      Instant expiresAt,
      int attemptsLeft)
      implements Serializable {

    SignInOutcome outcome() {
      return new SignInOutcome(true, userId, tenantId, email, role, null, sessionGeneration);
    }
  }

  @Inject SecondFactors secondFactors;
  @Inject Passkeys passkeys;
  @Inject PasskeyCeremony ceremony;

  /** True when the sign-in waits for a code (the caller then refuses the password credential). */
  public boolean holdsBack(SignInOutcome outcome, HttpServletRequest request) {
    if (!secondFactors.anyFactor(outcome.userId())) {
      if (secondFactors.requiredFor(outcome.tenantId())) {
        request.getSession(true).setAttribute(MUST_ENROL, Boolean.TRUE);
      }
      return false;
    }
    request
        .getSession(true)
        .setAttribute(
            PENDING,
            new Pending(
                outcome.userId(),
                outcome.tenantId(),
                outcome.email(),
                outcome.role(),
                outcome.sessionGeneration(),
                Instant.now().plus(VALIDITY),
                ATTEMPTS));
    return true;
  }

  public static boolean waiting(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(PENDING) instanceof Pending p
        && p.expiresAt().isAfter(Instant.now())
        && p.attemptsLeft() > 0;
  }

  public static void abandon(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PENDING);
    }
  }

  /** The waiting user's sign-in when the code is valid; each wrong code uses up an attempt. */
  public Optional<SignInOutcome> complete(String code, HttpServletRequest request) {
    if (!waiting(request)) {
      abandon(request);
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Pending pending = (Pending) session.getAttribute(PENDING);
    SecondFactors.Check check = secondFactors.check(pending.userId(), code);
    if (check == SecondFactors.Check.TOO_EARLY) {
      return Optional.empty();
    }
    return settle(session, pending, check != SecondFactors.Check.REFUSED);
  }

  /**
   * The waiting user's sign-in when the passkey's answer verifies against the challenge this
   * session was given (taken out, so a replayed answer fails) and one of this user's passkeys; a
   * refused answer uses up an attempt like a wrong code.
   */
  public Optional<SignInOutcome> completeWithPasskey(
      PasskeyAnswer answer, HttpServletRequest request) {
    Optional<byte[]> challenge = ceremony.take(request, PasskeyCeremony.SIGN_IN);
    if (!waiting(request)) {
      abandon(request);
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Pending pending = (Pending) session.getAttribute(PENDING);
    boolean accepted =
        challenge.isPresent()
            && pending.tenantId() != null
            && passkeys.authenticate(
                pending.userId(),
                pending.tenantId(),
                answer,
                challenge.get(),
                ceremony.party(request));
    return settle(session, pending, accepted);
  }

  /** The user waiting for a second factor, if any: their passkeys' ids for the browser. */
  public List<byte[]> waitingPasskeys(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return waiting(request)
            && session.getAttribute(PENDING) instanceof Pending p
            && p.tenantId() != null
        ? passkeys.credentialIds(p.userId(), p.tenantId())
        : List.of();
  }

  /** Whether the waiting user has an authenticator app (else only passkeys are offered). */
  public boolean waitingHasApp(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(PENDING) instanceof Pending p
        && secondFactors.enabled(p.userId());
  }

  private Optional<SignInOutcome> settle(HttpSession session, Pending pending, boolean accepted) {
    if (!accepted) {
      session.setAttribute(
          PENDING,
          new Pending(
              pending.userId(),
              pending.tenantId(),
              pending.email(),
              pending.role(),
              pending.sessionGeneration(),
              pending.expiresAt(),
              pending.attemptsLeft() - 1));
      return Optional.empty();
    }
    session.removeAttribute(PENDING);
    return Optional.of(pending.outcome());
  }

  /** The user id waiting for a code, for the audit of a wrong one. */
  public static Optional<SignInOutcome> whoWaits(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(PENDING) instanceof Pending p
        ? Optional.of(p.outcome())
        : Optional.empty();
  }
}
