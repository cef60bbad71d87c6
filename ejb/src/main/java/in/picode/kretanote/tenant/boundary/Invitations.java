package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.control.TokenCodec;
import in.picode.kretanote.tenant.entity.Invitation;
import in.picode.kretanote.tenant.entity.OneTimeToken;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's invitations: OWNER and ADMIN invite a person by email as ADMIN or AGENT, see
 * who has not answered yet, and revoke. Inviting an address that already has a pending invitation
 * replaces it (the old link stops working), so "send again" needs no button of its own. Inviting an
 * address that already has an account (in any business) looks the same to the inviter, so the form
 * cannot tell which addresses have accounts; the account's owner gets a mail saying so instead of a
 * join link (the invitation stays pending until it expires or is revoked). Accepting happens in
 * {@link Joins}, where nobody is signed in yet.
 */
@Stateless
@TenantScoped
public class Invitations {

  /** Enough for any team; stops a hijacked admin account from mailing thousands of strangers. */
  static final int MAX_PENDING = 50;

  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TeamMembers team;
  @Inject AuditLog audit;
  @Inject Event<AccountMailRequested> mails;
  @Inject Event<AccountNoticeRequested> notices;

  @Inject
  @ConfigProperty(name = "kretanote.security.invitation.validity", defaultValue = "P7D")
  Duration validity;

  Clock clock = Clock.systemUTC();

  public Invitation invite(long actorId, String email, Role role, String clientAddress) {
    UserAccount actor = team.manager(actorId);
    if (email == null || email.isBlank()) {
      throw new AccountChangeRefusedException("email", TenantWords.INVITE_EMAIL_MISSING.with());
    }
    if (email.strip().length() > UserAccount.EMAIL_MAX) {
      throw new AccountChangeRefusedException(
          "email", TenantWords.EMAIL_LONG.with(UserAccount.EMAIL_MAX));
    }
    if (!EMAIL.matcher(email.strip()).matches()) {
      throw new AccountChangeRefusedException("email", TenantWords.EMAIL_INVALID.with());
    }
    if (role != Role.ADMIN && role != Role.AGENT) {
      throw new AccountChangeRefusedException("role", TenantWords.INVITE_ROLE.with());
    }
    String normalized = UserAccount.normalizeEmail(email);
    Optional<UserAccount> registered =
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst();
    Instant now = Instant.now(clock);
    for (Invitation older :
        em.createNamedQuery(Invitation.PENDING_FOR_EMAIL, Invitation.class)
            .setParameter("email", normalized)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      older.revoke(now);
    }
    em.flush();
    if (pending().size() >= MAX_PENDING) {
      throw AccountChangeRefusedException.page(TenantWords.INVITES_MAX.with(MAX_PENDING));
    }
    String token = TokenCodec.newToken();
    Invitation invitation =
        new Invitation(
            normalized, role, TokenCodec.hash(token), actor.getId(), now, now.plus(validity));
    em.persist(invitation);
    em.flush();
    Tenant tenant = em.find(Tenant.class, Tenancy.require());
    if (registered.isPresent()) {
      // The inviter sees the same as for any address; the account's owner learns of it by mail.
      notices.fire(
          new AccountNoticeRequested(
              AccountNoticeRequested.Kind.INVITATION_TO_EXISTING_ADDRESS,
              normalized,
              registered.get().getDisplayName(),
              tenant.getName(),
              registered.get().getLanguage().orElse(null)));
    } else {
      mails.fire(
          new AccountMailRequested(
              OneTimeToken.Purpose.INVITATION,
              normalized,
              actor.getDisplayName(),
              token,
              tenant.getName(),
              validity,
              // The invitee has no language yet: the inviter's is the best guess.
              actor.getLanguage().orElse("en")));
    }
    audit.record(
        actor.getId(),
        actor.getEmail(),
        "INVITATION_SENT",
        normalized + " as " + role,
        clientAddress);
    return invitation;
  }

  public List<Invitation> pending() {
    return em.createNamedQuery(Invitation.PENDING, Invitation.class)
        .setParameter("now", Instant.now(clock))
        .getResultList();
  }

  /** Revokes a pending invitation of the current tenant; another tenant's id is not found. */
  public void revoke(long actorId, long invitationId, String clientAddress) {
    UserAccount actor = team.manager(actorId);
    Invitation invitation = em.find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now(clock);
    if (invitation == null || !invitation.isPending(now)) {
      throw AccountChangeRefusedException.page(TenantWords.INVITATION_CLOSED.with());
    }
    invitation.revoke(now);
    audit.record(
        actor.getId(),
        actor.getEmail(),
        "INVITATION_REVOKED",
        invitation.getEmail(),
        clientAddress);
  }

  /** For {@link Joins}: the invitation behind a link, locked so it is accepted at most once. */
  public Optional<Invitation> lockByToken(byte[] tokenHash) {
    return em.createNamedQuery(Invitation.BY_TOKEN, Invitation.class)
        .setParameter("hash", tokenHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  public Optional<Invitation> byToken(byte[] tokenHash) {
    return em.createNamedQuery(Invitation.BY_TOKEN, Invitation.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }
}
