package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.control.PasskeyVerifier;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Assertion;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Party;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Refused;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Registered;
import in.picode.kretanote.tenant.control.PasskeyVerifier.Stored;
import in.picode.kretanote.tenant.entity.Passkey;
import in.picode.kretanote.tenant.entity.SecondFactor;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Passkeys (WebAuthn) as a second factor beside the authenticator app: registered on the sign-in
 * security page, listed and removed there, and used at sign-in's second step. The ceremony's
 * challenge (kept in the user's session, used once), origin and relying party id come from the
 * caller; {@link PasskeyVerifier} checks the answer. Every query names the tenant and the user, so
 * one user's passkey never signs in another user, in the same business or another.
 */
@Stateless
public class Passkeys {

  /** The COSE algorithms offered at registration (ES256, EdDSA, RS256). */
  public static final List<Long> ALGORITHMS = PasskeyVerifier.ALGORITHMS;

  /** A passkey as the page lists it. */
  public record View(long id, String name, Instant createdAt, Instant lastUsedAt) {}

  /** What the browser needs to create a passkey for the user. */
  public record Enrolment(byte[] userHandle, String userName, List<byte[]> existing) {}

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  public List<View> list(long userId) {
    UserAccount user = member(userId);
    return ofUser(user.getTenantId(), userId).stream()
        .map(p -> new View(p.getId(), p.getName(), p.getCreatedAt(), p.getLastUsedAt()))
        .toList();
  }

  /** Whether the user has a passkey (then sign-in asks for a second factor). */
  public boolean any(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user != null && user.getTenantId() != null && count(user.getTenantId(), userId) > 0;
  }

  /** The ids of the user's passkeys, for the browser's list of allowed credentials. */
  public List<byte[]> credentialIds(long userId, long tenantId) {
    return ofUser(tenantId, userId).stream().map(Passkey::getCredentialId).toList();
  }

  public Enrolment enrolment(long userId) {
    UserAccount user = member(userId);
    return new Enrolment(
        userHandle(userId), user.getEmail(), credentialIds(userId, user.getTenantId()));
  }

  /** Stores a new passkey when the browser's answer to {@code challenge} verifies. */
  public void register(
      long userId,
      String name,
      byte[] clientDataJson,
      byte[] attestationObject,
      byte[] challenge,
      RelyingParty rp,
      String address) {
    UserAccount user = member(userId);
    Party party = new Party(rp.origin(), rp.rpId());
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > Passkey.NAME_MAX || PlainText.hasMarkup(label)) {
      throw new AccountChangeRefusedException(
          "passkey-name", TenantWords.PASSKEY_NAME.with(Passkey.NAME_MAX));
    }
    Registered registered;
    try {
      registered = PasskeyVerifier.register(clientDataJson, attestationObject, challenge, party);
    } catch (Refused e) {
      record(user, "PASSKEY_REFUSED", e.getMessage(), address);
      throw AccountChangeRefusedException.page(TenantWords.PASSKEY_FAILED.with());
    }
    if (registered.credentialId().length > Passkey.CREDENTIAL_ID_MAX
        || registered.attestedCredentialData().length > Passkey.PUBLIC_KEY_MAX) {
      throw AccountChangeRefusedException.page(TenantWords.PASSKEY_TOO_LARGE.with());
    }
    boolean known =
        !em.createQuery(
                "select p.id from Passkey p where p.tenantId = :t and p.credentialId = :c",
                Long.class)
            .setParameter("t", user.getTenantId())
            .setParameter("c", registered.credentialId())
            .getResultList()
            .isEmpty();
    if (known) {
      throw AccountChangeRefusedException.page(TenantWords.PASSKEY_KNOWN.with());
    }
    em.persist(
        new Passkey(
            user.getTenantId(),
            userId,
            registered.credentialId(),
            registered.attestedCredentialData(),
            registered.signCount(),
            registered.userVerified(),
            registered.backupEligible(),
            registered.backedUp(),
            label,
            Instant.now(clock)));
    record(user, "PASSKEY_ADDED", label, address);
  }

  public void remove(long userId, long passkeyId, String address) {
    UserAccount user = member(userId);
    Passkey passkey =
        ofUser(user.getTenantId(), userId).stream()
            .filter(p -> p.getId() == passkeyId)
            .findFirst()
            .orElseThrow(() -> AccountChangeRefusedException.page(TenantWords.PASSKEY_GONE.with()));
    boolean last =
        count(user.getTenantId(), userId) == 1 && em.find(SecondFactor.class, userId) == null;
    if (last && SecondFactors.required(em, user.getTenantId())) {
      throw AccountChangeRefusedException.page(TenantWords.PASSKEY_LAST.with());
    }
    em.remove(passkey);
    record(user, "PASSKEY_REMOVED", passkey.getName(), address);
  }

  /**
   * Checks a sign-in assertion of the user's passkey (named by the assertion's credential id, only
   * among this user's passkeys in this tenant); on success the new sign counter is stored. A
   * counter that did not grow refuses the sign-in and is audited as a suspected clone.
   */
  public boolean authenticate(
      long userId, long tenantId, PasskeyAnswer answer, byte[] challenge, RelyingParty rp) {
    if (answer.credentialId() == null) {
      return false;
    }
    Party party = new Party(rp.origin(), rp.rpId());
    Assertion assertion =
        new Assertion(
            answer.credentialId(),
            answer.userHandle(),
            answer.authenticatorData(),
            answer.clientDataJson(),
            answer.signature());
    if (assertion.credentialId() == null) {
      return false;
    }
    Optional<Passkey> found =
        em.createNamedQuery(Passkey.BY_CREDENTIAL, Passkey.class)
            .setParameter("tenantId", tenantId)
            .setParameter("userId", userId)
            .setParameter("credentialId", assertion.credentialId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return false;
    }
    Passkey passkey = found.get();
    if (assertion.userHandle() != null
        && assertion.userHandle().length > 0
        && !Arrays.equals(assertion.userHandle(), userHandle(userId))) {
      return false;
    }
    try {
      long counter =
          PasskeyVerifier.authenticate(
              assertion,
              new Stored(
                  passkey.getCredentialId(),
                  passkey.getPublicKey(),
                  passkey.getSignCount(),
                  passkey.isUserVerified(),
                  passkey.isBackupEligible(),
                  passkey.isBackedUp()),
              challenge,
              party);
      passkey.used(counter, Instant.now(clock));
      return true;
    } catch (Refused e) {
      if (e.cloned()) {
        record(
            em.find(UserAccount.class, userId), "PASSKEY_CLONE_REFUSED", passkey.getName(), null);
      }
      return false;
    }
  }

  /** The WebAuthn user handle: the user id, 8 bytes; no email or name. */
  static byte[] userHandle(long userId) {
    return ByteBuffer.allocate(Long.BYTES).putLong(userId).array();
  }

  private List<Passkey> ofUser(long tenantId, long userId) {
    return em.createNamedQuery(Passkey.OF_USER, Passkey.class)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .getResultList();
  }

  long count(long tenantId, long userId) {
    return em.createNamedQuery(Passkey.COUNT_OF_USER, Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .getSingleResult();
  }

  private UserAccount member(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    if (user == null || user.getTenantId() == null) {
      throw AccountChangeRefusedException.page(TenantWords.PASSKEYS_FOR_MEMBERS.with());
    }
    return user;
  }

  private void record(UserAccount user, String action, String detail, String address) {
    Tenancy.runAs(
        user.getTenantId(),
        () -> audit.record(user.getId(), user.getEmail(), action, detail, address));
  }
}
