package in.picode.kretanote.notification.boundary;

import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.notification.entity.NotificationPreference;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's notifications for its agents: the bell (unread count, latest, mark read) and
 * the mail preference per kind. {@link #notify} stores one notification per user and event (the
 * dedupe key) and asks for a mail when the user wants that kind mailed; a user of another tenant or
 * a disabled one is never notified. Every read and change names the user: a user sees and marks
 * only their own. The title is kept in English and as its kind's arguments, the first values of
 * {@code mailWords} ({@link NotificationWords#title}), for the bell in the reader's language.
 */
@Stateless
@TenantScoped
public class AgentNotifications {

  public static final int LATEST_MAX = 50;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TeamMembers members;
  @Inject Event<AgentMailRequested> mails;
  @Inject Clock clock;

  /** Notifies one active member of the current tenant; empty when not (or already) notified. */
  public Optional<AgentNotification> notify(
      long userId,
      AgentNotification.Kind kind,
      Long conversationId,
      String title,
      String body,
      String dedupeKey,
      List<String> mailWords) {
    Optional<UserAccount> user =
        members.find(userId).filter(u -> u.getStatus() == UserAccount.Status.ACTIVE);
    if (user.isEmpty()
        || !em.createNamedQuery(AgentNotification.BY_KEY, AgentNotification.class)
            .setParameter("user", userId)
            .setParameter("key", dedupeKey)
            .getResultList()
            .isEmpty()) {
      return Optional.empty();
    }
    AgentNotification n =
        new AgentNotification(
            userId,
            kind,
            conversationId,
            title,
            titleArgs(kind, mailWords),
            body,
            dedupeKey,
            Instant.now(clock));
    em.persist(n);
    em.flush();
    if (mailWanted(userId).get(kind)) {
      mails.fire(
          new AgentMailRequested(
              Tenancy.require(),
              userId,
              user.get().getEmail(),
              n.getTitle(),
              n.getBody(),
              conversationId,
              user.get().getLanguage().orElse(null),
              kind,
              mailWords));
    }
    return Optional.of(n);
  }

  /**
   * The title's arguments: the conversation and, for a mention or an SLA warning, the second value
   * (who mentioned, what is due); the mail's other values (a note's text, the time) are not in it.
   */
  static List<String> titleArgs(AgentNotification.Kind kind, List<String> mailWords) {
    if (mailWords == null || mailWords.isEmpty()) {
      return List.of();
    }
    int n = kind == AgentNotification.Kind.ASSIGNED ? 1 : 2;
    return mailWords.size() < n ? List.of() : List.copyOf(mailWords.subList(0, n));
  }

  public long unread(long userId) {
    return em.createNamedQuery(AgentNotification.UNREAD_COUNT, Long.class)
        .setParameter("user", userId)
        .getSingleResult();
  }

  public List<AgentNotification> latest(long userId, int max) {
    return em.createNamedQuery(AgentNotification.OF_USER, AgentNotification.class)
        .setParameter("user", userId)
        .setMaxResults(Math.min(Math.max(max, 1), LATEST_MAX))
        .getResultList();
  }

  /** Marks one of the user's notifications read; false when it is not theirs. */
  public boolean markRead(long userId, long notificationId) {
    AgentNotification n = em.find(AgentNotification.class, notificationId);
    if (n == null || n.getUserId() != userId) {
      return false;
    }
    n.markRead(Instant.now(clock));
    return true;
  }

  public int markAllRead(long userId) {
    return em.createNamedQuery(AgentNotification.READ_ALL)
        .setParameter("user", userId)
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }

  /** Whether each kind is mailed to the user (their choice, else the default). */
  public Map<AgentNotification.Kind, Boolean> mailWanted(long userId) {
    Map<AgentNotification.Kind, Boolean> m = new EnumMap<>(AgentNotification.Kind.class);
    for (AgentNotification.Kind k : AgentNotification.Kind.values()) {
      m.put(k, NotificationPreference.mailByDefault(k));
    }
    prefs(userId).forEach(p -> m.put(p.getKind(), p.isEmail()));
    return m;
  }

  public void setMail(long userId, AgentNotification.Kind kind, boolean email) {
    Optional<NotificationPreference> p =
        prefs(userId).stream().filter(x -> x.getKind() == kind).findFirst();
    if (p.isPresent()) {
      p.get().setEmail(email);
    } else {
      em.persist(new NotificationPreference(userId, kind, email));
    }
  }

  private List<NotificationPreference> prefs(long userId) {
    return em.createNamedQuery(NotificationPreference.OF_USER, NotificationPreference.class)
        .setParameter("user", userId)
        .getResultList();
  }
}
