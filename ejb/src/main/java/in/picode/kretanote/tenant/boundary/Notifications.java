package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.entity.Notification;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The current tenant's notifications for its owners and admins: stored for the dashboard and mailed
 * to every active OWNER and ADMIN (each in their language) after the transaction commits (a
 * rolled-back change mails nothing). One event, one notification: the dedupe key is unique per
 * tenant, so a second attempt for the same event fails and rolls its transaction back.
 */
@Stateless
@TenantScoped
public class Notifications {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Event<NotificationMailRequested> mails;

  private final Clock clock = Clock.systemUTC();

  /**
   * Stores the notification and mails it to every active owner and admin, each in the language they
   * chose: {@code subject} and the paragraphs of {@code body} are wordings (their English is kept
   * too, for the API and the rows' readers that know no language).
   */
  public Notification notifyAdmins(
      String kind,
      Notification.Severity severity,
      Wording subject,
      List<Wording> body,
      String dedupeKey) {
    Notification n = new Notification(Instant.now(clock), kind, severity, subject, body, dedupeKey);
    em.persist(n);
    em.flush();
    long tenant = Tenancy.require();
    List<NotificationMailRequested.Recipient> recipients =
        em.createNamedQuery(UserAccount.BY_TENANT, UserAccount.class)
            .setParameter("tenant", tenant)
            .getResultStream()
            .filter(u -> u.getRole() == Role.OWNER || u.getRole() == Role.ADMIN)
            .filter(u -> u.getStatus() == UserAccount.Status.ACTIVE)
            .map(
                u ->
                    new NotificationMailRequested.Recipient(
                        u.getEmail(), u.getLanguage().orElse(null)))
            .toList();
    if (!recipients.isEmpty()) {
      Tenant t = em.find(Tenant.class, tenant);
      mails.fire(
          new NotificationMailRequested(
              recipients, t == null ? "" : t.getName(), n.subjectWording(), n.bodyWordings()));
    }
    return n;
  }

  public List<Notification> latest(int max) {
    return em.createNamedQuery(Notification.LATEST, Notification.class)
        .setMaxResults(Math.min(Math.max(max, 1), 200))
        .getResultList();
  }

  public List<Notification> ofKind(String kind) {
    return em.createNamedQuery(Notification.BY_KIND, Notification.class)
        .setParameter("kind", kind)
        .getResultList();
  }
}
