package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.ConversationLabel;
import in.picode.kretanote.messaging.entity.ConversationNote;
import in.picode.kretanote.messaging.entity.Label;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.Visibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an agent does with one conversation of the current tenant: read its history a page at a
 * time, assign it, label it, close, re-open or snooze it, and keep private notes. An id of another
 * tenant's conversation finds nothing and changes nothing ({@link ConversationNotFoundException}).
 */
@Stateless
@TenantScoped
public class Conversations {

  public static final int PAGE_MAX = 200;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject jakarta.enterprise.event.Event<ConversationChanged> changes;
  @Inject jakarta.enterprise.event.Event<NoteAdded> notes;
  @Inject jakarta.enterprise.event.Event<ConversationLabeled> labeled;

  private final Clock clock = Clock.systemUTC();

  /** Who acts, for the audit log. */
  public record Actor(Long userId, String email, String address) {}

  public Optional<ConversationDetail> find(long id) {
    Conversation c = em.find(Conversation.class, id);
    if (c == null || !visible(c)) {
      return Optional.empty();
    }
    Contact contact = em.find(Contact.class, c.getContactId());
    return Optional.of(new ConversationDetail(c, contact, userName(c.getAssigneeId()), labels(id)));
  }

  private Conversation get(long id) {
    Conversation c = em.find(Conversation.class, id);
    if (c == null || !visible(c)) {
      throw new ConversationNotFoundException(id);
    }
    return c;
  }

  /** Whether the current user may see it (an agent restricted to their teams, see Visibility). */
  static boolean visible(Conversation c) {
    return Visibility.permits(c.getTeamId(), c.getAssigneeId());
  }

  /**
   * The latest {@code max} messages older than message {@code beforeId} (null: the newest), oldest
   * first as the page shows them, with reactions, media state and the quoted message.
   */
  public List<MessageView> messages(long conversationId, Long beforeId, int max) {
    get(conversationId);
    return MessagePages.read(em, conversationId, beforeId, Math.min(Math.max(max, 1), PAGE_MAX));
  }

  static double[] location(String payload) {
    return MessageShapes.location(payload);
  }

  /** The newest message id, for the page's cheap "anything new?" poll. */
  public long latestMessageId(long conversationId) {
    get(conversationId);
    Long id =
        em.createQuery(
                "select max(m.id) from Message m where m.conversationId = :conversation",
                Long.class)
            .setParameter("conversation", conversationId)
            .getSingleResult();
    return id == null ? 0 : id;
  }

  public void markRead(long conversationId) {
    get(conversationId).markRead();
  }

  /** Assigns to an active member of the current tenant's team, or unassigns with null. */
  public void assign(long conversationId, Long userId, Actor actor) {
    Conversation c = get(conversationId);
    if (userId != null && userName(userId) == null) {
      throw new ConversationChangeRefusedException(ConversationWords.NOT_A_MEMBER.with());
    }
    c.assign(userId);
    changes.fire(
        new ConversationChanged(
            Tenancy.require(),
            conversationId,
            ConversationChanged.Kind.ASSIGNED,
            userId,
            actor.userId()));
    audit.record(
        actor.userId(),
        actor.email(),
        "conversation.assigned",
        "conversation " + conversationId + " to " + (userId == null ? "nobody" : "user " + userId),
        actor.address());
  }

  public void close(long conversationId, Actor actor) {
    get(conversationId).close(Instant.now(clock));
    changes.fire(
        new ConversationChanged(
            Tenancy.require(), conversationId, ConversationChanged.Kind.RESOLVED, null));
    audit.record(
        actor.userId(),
        actor.email(),
        "conversation.closed",
        "conversation " + conversationId,
        actor.address());
  }

  public void reopen(long conversationId, Actor actor) {
    Conversation c = get(conversationId);
    boolean wasClosed = c.getStatus() == Conversation.Status.CLOSED;
    c.reopen(Instant.now(clock));
    if (wasClosed) {
      changes.fire(
          new ConversationChanged(
              Tenancy.require(), conversationId, ConversationChanged.Kind.REOPENED, null));
    }
    audit.record(
        actor.userId(),
        actor.email(),
        "conversation.reopened",
        "conversation " + conversationId,
        actor.address());
  }

  public void snooze(long conversationId, Instant until, Actor actor) {
    Conversation c = get(conversationId);
    try {
      c.snooze(until, Instant.now(clock));
    } catch (IllegalArgumentException e) {
      throw new ConversationChangeRefusedException(Wording.of(e));
    } catch (IllegalStateException e) {
      throw new ConversationChangeRefusedException(ConversationWords.SNOOZE_CLOSED.with());
    }
    audit.record(
        actor.userId(),
        actor.email(),
        "conversation.snoozed",
        "conversation " + conversationId + " until " + until,
        actor.address());
  }

  public List<ConversationNote> notes(long conversationId) {
    get(conversationId);
    return em.createNamedQuery(ConversationNote.OF_CONVERSATION, ConversationNote.class)
        .setParameter("conversation", conversationId)
        .getResultList();
  }

  public ConversationNote addNote(long conversationId, String body, Actor actor) {
    get(conversationId);
    ConversationNote note;
    try {
      note = new ConversationNote(conversationId, actor.userId(), body, Instant.now(clock));
    } catch (IllegalArgumentException e) {
      throw new ConversationChangeRefusedException(Wording.of(e));
    }
    em.persist(note);
    em.flush();
    notes.fire(
        new NoteAdded(Tenancy.require(), conversationId, note.getId(), actor.userId(), body));
    return note;
  }

  /**
   * A note written through the public API: its author is the API key ({@code keyId}, {@code
   * keyName}), which the conversation page shows as "via API key ‹name›".
   */
  public ConversationNote addApiNote(long conversationId, String body, long keyId, String keyName) {
    get(conversationId);
    ConversationNote note;
    try {
      note = ConversationNote.byApiKey(conversationId, keyId, keyName, body, Instant.now(clock));
    } catch (IllegalArgumentException e) {
      throw new ConversationChangeRefusedException(Wording.of(e));
    }
    em.persist(note);
    em.flush();
    return note;
  }

  public List<Label> allLabels() {
    return em.createNamedQuery(Label.ALL, Label.class).getResultList();
  }

  public List<String> labels(long conversationId) {
    get(conversationId);
    return em.createNamedQuery(ConversationLabel.OF_CONVERSATION, Label.class)
        .setParameter("conversation", conversationId)
        .getResultStream()
        .map(Label::getName)
        .toList();
  }

  /** Puts a label on the conversation, creating the label if the tenant has none of that name. */
  public void label(long conversationId, String name) {
    get(conversationId);
    String n;
    try {
      n = Label.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ConversationChangeRefusedException(Wording.of(e));
    }
    Label label =
        em.createNamedQuery(Label.BY_NAME, Label.class)
            .setParameter("name", n)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  Label l = new Label(n, Instant.now(clock));
                  em.persist(l);
                  em.flush();
                  return l;
                });
    long present =
        em.createNamedQuery(ConversationLabel.COUNT, Long.class)
            .setParameter("conversation", conversationId)
            .setParameter("label", label.getId())
            .getSingleResult();
    if (present == 0) {
      em.persist(new ConversationLabel(conversationId, label.getId()));
      labeled.fire(new ConversationLabeled(Tenancy.require(), conversationId, label.getName()));
    }
  }

  public void unlabel(long conversationId, String name) {
    get(conversationId);
    em.createNamedQuery(Label.BY_NAME, Label.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .ifPresent(
            l ->
                em.createNamedQuery(ConversationLabel.REMOVE)
                    .setParameter("conversation", conversationId)
                    .setParameter("label", l.getId())
                    .executeUpdate());
  }

  /** Conversations of one contact, latest activity first (for the contact page). */
  public List<Conversation> ofContact(long contactId) {
    return em.createQuery(
            "select c from Conversation c where c.contactId = :contact"
                + " order by c.lastActivityAt desc",
            Conversation.class)
        .setParameter("contact", contactId)
        .setMaxResults(50)
        .getResultStream()
        .filter(Conversations::visible)
        .toList();
  }

  /**
   * The name of an active user of the current tenant, or null. Read by native SQL with the tenant
   * filter written out, because users are the tenant feature's entity (messaging does not import
   * it); the composite foreign key on the conversation backs this up.
   */
  String userName(Long userId) {
    if (userId == null) {
      return null;
    }
    List<?> names =
        em.createNativeQuery(
                "SELECT display_name FROM user_account WHERE tenant_id = ? AND id = ?"
                    + " AND status = 'ACTIVE'")
            .setParameter(1, Tenancy.require())
            .setParameter(2, userId)
            .setHint(Inbox.ALLOW_NATIVE, "true")
            .getResultList();
    return names.isEmpty() ? null : String.valueOf(names.get(0));
  }
}
