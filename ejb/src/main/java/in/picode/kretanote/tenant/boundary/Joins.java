package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.PlainText.Subject;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.control.PasswordPolicy;
import in.picode.kretanote.tenant.control.TokenCodec;
import in.picode.kretanote.tenant.entity.Invitation;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Someone opens an invitation link, chooses a name and a password, and becomes an active user of
 * the inviting tenant with the invited role; the mailed link proves the address.
 *
 * <p>Nobody is signed in here, so the tenant comes from the link itself: one native query finds the
 * tenant of the token hash (the hash is unique across tenants, and nobody holds a token of another
 * tenant's invitation by accident), and everything after it runs inside that tenant.
 */
@Stateless
public class Joins {

  public static final String INVALID_LINK = TenantWords.JOIN_LINK_INVALID.with().english();

  /** What the join page shows before the invitee commits to anything. */
  public record JoinPreview(String email, Role role, String tenantName, Instant expiresAt) {}

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Invitations invitations;
  @Inject PasswordHashing passwords;
  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  public Optional<JoinPreview> preview(String token) {
    if (!TokenCodec.looksValid(token)) {
      return Optional.empty();
    }
    byte[] hash = TokenCodec.hash(token);
    Optional<Long> tenantId = tenantOf(hash);
    if (tenantId.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    return in(tenantId.get(), () -> invitations.byToken(hash))
        .filter(i -> i.isPending(now))
        .map(i -> preview(i, em.find(Tenant.class, tenantId.get())));
  }

  public JoinPreview accept(String token, String name, String password, String clientAddress) {
    if (!TokenCodec.looksValid(token)) {
      throw AccountChangeRefusedException.page(TenantWords.JOIN_LINK_INVALID.with());
    }
    byte[] hash = TokenCodec.hash(token);
    long tenantId =
        tenantOf(hash)
            .orElseThrow(
                () -> AccountChangeRefusedException.page(TenantWords.JOIN_LINK_INVALID.with()));
    Instant now = Instant.now(clock);
    Invitation invitation =
        in(tenantId, () -> invitations.lockByToken(hash))
            .filter(i -> i.isPending(now))
            .orElseThrow(
                () -> AccountChangeRefusedException.page(TenantWords.JOIN_LINK_INVALID.with()));
    Tenant tenant = em.find(Tenant.class, tenantId);
    if (tenant == null || tenant.getStatus() != Tenant.Status.ACTIVE) {
      throw AccountChangeRefusedException.page(TenantWords.JOIN_INACTIVE.with());
    }
    if (name == null || name.isBlank()) {
      throw new AccountChangeRefusedException("name", TenantWords.NAME_MISSING.with());
    }
    if (name.strip().length() > UserAccount.NAME_MAX) {
      throw new AccountChangeRefusedException(
          "name", TenantWords.NAME_LONG.with(UserAccount.NAME_MAX));
    }
    if (PlainText.hasMarkup(name)) {
      throw new AccountChangeRefusedException("name", PlainText.refusal(Subject.PERSON_NAME));
    }
    PasswordPolicy.violation(password, invitation.getEmail())
        .ifPresent(
            message -> {
              throw new AccountChangeRefusedException("password", message);
            });
    boolean registered =
        !em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", invitation.getEmail())
            .getResultList()
            .isEmpty();
    if (registered) {
      throw AccountChangeRefusedException.page(TenantWords.JOIN_EMAIL_TAKEN.with());
    }
    UserAccount user =
        new UserAccount(
            tenantId,
            invitation.getEmail(),
            name,
            passwords.hashForNewAccount(password),
            invitation.getRole(),
            now);
    user.verifyEmail(now);
    em.persist(user);
    em.flush();
    invitation.accept(user.getId(), now);
    Tenancy.runAs(
        tenantId,
        () ->
            audit.record(
                user.getId(),
                user.getEmail(),
                "INVITATION_ACCEPTED",
                "joined as " + user.getRole(),
                clientAddress));
    return preview(invitation, tenant);
  }

  private Optional<Long> tenantOf(byte[] tokenHash) {
    return em.createNativeQuery("select tenant_id from invitation where token_hash = ?")
        .setParameter(1, tokenHash)
        .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
        .getResultStream()
        .findFirst()
        .map(id -> ((Number) id).longValue());
  }

  private static JoinPreview preview(Invitation i, Tenant tenant) {
    return new JoinPreview(i.getEmail(), i.getRole(), tenant.getName(), i.getExpiresAt());
  }

  private static <T> T in(long tenantId, Callable<T> work) {
    try {
      return Tenancy.callAs(tenantId, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
