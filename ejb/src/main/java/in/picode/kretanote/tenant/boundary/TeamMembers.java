package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The people of the current tenant, as OWNER and ADMIN manage them. {@code user_account} is a
 * platform-wide table (sign-in asks for no tenant), so EclipseLink does not filter it: every query
 * here names the current tenant itself, and an id from another tenant is simply not found.
 *
 * <p>Rules: OWNER and ADMIN manage people; only an OWNER grants the OWNER role or changes or
 * disables an OWNER; nobody disables themselves; the tenant always keeps an active OWNER (the owner
 * rows are locked while this is checked, so two owners demoting each other at once cannot both
 * succeed). Every change is audited and ends the affected user's sessions.
 */
@Stateless
@TenantScoped
public class TeamMembers {

  public static final String NOT_IN_TEAM = TenantWords.NOT_IN_TEAM.with().english();

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;

  public List<UserAccount> members() {
    return em.createNamedQuery(UserAccount.BY_TENANT, UserAccount.class)
        .setParameter("tenant", Tenancy.require())
        .getResultList();
  }

  public Optional<UserAccount> find(long userId) {
    return em.createNamedQuery(UserAccount.BY_TENANT_AND_ID, UserAccount.class)
        .setParameter("tenant", Tenancy.require())
        .setParameter("id", userId)
        .getResultStream()
        .findFirst();
  }

  public UserAccount changeRole(long actorId, long userId, Role role, String clientAddress) {
    if (role == null || !role.isTenantRole()) {
      throw AccountChangeRefusedException.page(TenantWords.ROLE_CHOICE.with());
    }
    UserAccount actor = manager(actorId);
    UserAccount user = member(userId);
    Role before = user.getRole();
    if (before == role) {
      return user;
    }
    if ((role == Role.OWNER || before == Role.OWNER) && actor.getRole() != Role.OWNER) {
      throw AccountChangeRefusedException.page(TenantWords.OWNER_ROLE_BY_OWNER.with());
    }
    if (before == Role.OWNER) {
      requireAnotherActiveOwner(user);
    }
    user.changeRole(role);
    audit.record(
        actor.getId(),
        actor.getEmail(),
        "ROLE_CHANGED",
        user.getEmail() + ": " + before + " → " + role,
        clientAddress);
    return user;
  }

  public UserAccount disable(long actorId, long userId, String clientAddress) {
    UserAccount actor = manager(actorId);
    UserAccount user = member(userId);
    if (actor.getId().equals(user.getId())) {
      throw AccountChangeRefusedException.page(TenantWords.DISABLE_SELF.with());
    }
    if (user.getStatus() == UserAccount.Status.DISABLED) {
      return user;
    }
    if (user.getRole() == Role.OWNER) {
      if (actor.getRole() != Role.OWNER) {
        throw AccountChangeRefusedException.page(TenantWords.DISABLE_OWNER_BY_OWNER.with());
      }
      requireAnotherActiveOwner(user);
    }
    user.disable();
    audit.record(actor.getId(), actor.getEmail(), "USER_DISABLED", user.getEmail(), clientAddress);
    return user;
  }

  public UserAccount enable(long actorId, long userId, String clientAddress) {
    UserAccount actor = manager(actorId);
    UserAccount user = member(userId);
    if (user.getStatus() != UserAccount.Status.DISABLED) {
      return user;
    }
    if (user.getRole() == Role.OWNER && actor.getRole() != Role.OWNER) {
      throw AccountChangeRefusedException.page(TenantWords.ENABLE_OWNER_BY_OWNER.with());
    }
    user.enable();
    audit.record(actor.getId(), actor.getEmail(), "USER_ENABLED", user.getEmail(), clientAddress);
    return user;
  }

  /** The acting user, checked against the database rather than trusted from the session. */
  public UserAccount manager(long actorId) {
    UserAccount actor =
        find(actorId)
            .orElseThrow(
                () -> AccountChangeRefusedException.page(TenantWords.TEAM_NOT_ALLOWED.with()));
    if (actor.getStatus() != UserAccount.Status.ACTIVE
        || (actor.getRole() != Role.OWNER && actor.getRole() != Role.ADMIN)) {
      throw AccountChangeRefusedException.page(TenantWords.TEAM_NOT_ALLOWED.with());
    }
    return actor;
  }

  private UserAccount member(long userId) {
    return em.createNamedQuery(UserAccount.BY_TENANT_AND_ID, UserAccount.class)
        .setParameter("tenant", Tenancy.require())
        .setParameter("id", userId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> AccountChangeRefusedException.page(TenantWords.NOT_IN_TEAM.with()));
  }

  private void requireAnotherActiveOwner(UserAccount leaving) {
    long others =
        em
            .createNamedQuery(UserAccount.BY_TENANT_AND_ROLE, UserAccount.class)
            .setParameter("tenant", Tenancy.require())
            .setParameter("role", Role.OWNER)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .stream()
            .filter(u -> !u.getId().equals(leaving.getId()))
            .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
            .count();
    if (others == 0) {
      throw AccountChangeRefusedException.page(TenantWords.LAST_OWNER.with());
    }
  }
}
