package in.picode.kretanote.messaging.entity;

import in.picode.kretanote.messaging.boundary.ConversationWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A tenant's conversation with one contact on one of its WhatsApp numbers. There is one per contact
 * and number: a customer writing again re-opens it rather than starting another, so the history
 * stays in one place.
 *
 * <p>The customer-service window (free-form replies allowed) ends 24 hours after the customer's
 * latest message, by Meta's timestamp: a message that arrives late but was written earlier never
 * shortens it.
 */
@Entity
@Table(name = "conversation")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Conversation.BY_CONTACT,
    query =
        "select c from Conversation c where c.connectionId = :connection and c.contactId = :contact")
@NamedQuery(
    name = Conversation.BY_CONTACTS,
    query =
        "select c from Conversation c where c.connectionId = :connection"
            + " and c.contactId in :contacts")
public class Conversation {

  public static final String BY_CONTACT = "Conversation.byContact";
  public static final String BY_CONTACTS = "Conversation.byContacts";
  public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

  public enum Status {
    OPEN,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Status status;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "last_customer_message_at")
  private Instant lastCustomerMessageAt;

  @Column(name = "window_expires_at")
  private Instant windowExpiresAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Column(name = "unread_count", nullable = false)
  private int unreadCount;

  @Column(name = "assignee_id")
  private Long assigneeId;

  @Column(name = "snoozed_until")
  private Instant snoozedUntil;

  @Column(name = "team_id")
  private Long teamId;

  /** A rule's mark (LOW, NORMAL, HIGH, URGENT), null when none was set. */
  @Column(length = 8)
  private String priority;

  /** The language of the customer's latest text that could be told (ISO 639-1), or null. */
  @Column(name = "customer_language", length = 8)
  private String customerLanguage;

  /** Opened by a campaign and not answered yet: kept for history, out of the inbox. */
  @Column(nullable = false)
  private boolean quiet;

  @Version private long version;

  protected Conversation() {}

  public Conversation(long connectionId, long contactId, Instant openedAt) {
    this.connectionId = connectionId;
    this.contactId = contactId;
    this.status = Status.OPEN;
    this.openedAt = Objects.requireNonNull(openedAt);
    this.lastActivityAt = openedAt;
  }

  /** A conversation a campaign opens: quiet (out of the inbox) until the customer writes. */
  public static Conversation quiet(long connectionId, long contactId, Instant openedAt) {
    Conversation c = new Conversation(connectionId, contactId, openedAt);
    c.quiet = true;
    return c;
  }

  /**
   * A new message from the customer, written at {@code writtenAt} (Meta's time). Re-opens a closed
   * conversation; {@code unread} is false for messages an agent need not answer (a reaction).
   */
  public void customerWrote(Instant writtenAt, boolean opensWindow, boolean unread, Instant now) {
    quiet = false;
    if (status == Status.CLOSED) {
      status = Status.OPEN;
      openedAt = now;
      closedAt = null;
    }
    if (unread) {
      // A customer who writes wakes a snoozed conversation.
      snoozedUntil = null;
    }
    if (opensWindow
        && (lastCustomerMessageAt == null || writtenAt.isAfter(lastCustomerMessageAt))) {
      lastCustomerMessageAt = writtenAt;
      windowExpiresAt = writtenAt.plus(SERVICE_WINDOW);
    }
    if (writtenAt.isAfter(lastActivityAt)) {
      lastActivityAt = writtenAt;
    }
    if (unread) {
      unreadCount++;
    }
  }

  /**
   * The customer answered a question the business asked after it closed the conversation (a
   * satisfaction survey): the window and the activity move, the conversation stays closed and
   * nobody has to read it.
   */
  public void customerAnsweredWhileClosed(Instant writtenAt, boolean opensWindow) {
    quiet = false;
    if (opensWindow
        && (lastCustomerMessageAt == null || writtenAt.isAfter(lastCustomerMessageAt))) {
      lastCustomerMessageAt = writtenAt;
      windowExpiresAt = writtenAt.plus(SERVICE_WINDOW);
    }
    if (writtenAt.isAfter(lastActivityAt)) {
      lastActivityAt = writtenAt;
    }
  }

  /** The business wrote (an agent, a campaign, an automatic confirmation). */
  public void businessWrote(Instant now) {
    if (now.isAfter(lastActivityAt)) {
      lastActivityAt = now;
    }
  }

  /** An agent opened the conversation and its messages were marked as read. */
  public void markedRead() {
    unreadCount = 0;
  }

  public void close(Instant now) {
    status = Status.CLOSED;
    closedAt = now;
    snoozedUntil = null;
  }

  /** An agent re-opens a closed (or wakes a snoozed) conversation. */
  public void reopen(Instant now) {
    if (status == Status.CLOSED) {
      status = Status.OPEN;
      openedAt = now;
      closedAt = null;
    }
    snoozedUntil = null;
  }

  /**
   * Hides an open conversation from the open inbox until {@code until}; it is open again after that
   * time (the inbox compares with the clock, no timer needed) or when the customer writes.
   */
  public void snooze(Instant until, Instant now) {
    if (until == null) {
      throw new WordedArgumentException(ConversationWords.SNOOZE_WHEN.with());
    }
    if (!until.isAfter(now)) {
      throw new WordedArgumentException(ConversationWords.SNOOZE_FUTURE.with());
    }
    if (status == Status.CLOSED) {
      throw new IllegalStateException("A closed conversation cannot be snoozed");
    }
    snoozedUntil = until;
  }

  /** {@code userId} of the same tenant (the database's composite key checks it), or null. */
  public void assign(Long userId) {
    this.assigneeId = userId;
  }

  /** {@code teamId} of the same tenant (the composite foreign key checks it), or null. */
  public void moveToTeam(Long teamId) {
    this.teamId = teamId;
  }

  public void markRead() {
    this.unreadCount = 0;
  }

  public void prioritize(String priority) {
    this.priority = priority;
  }

  public String getPriority() {
    return priority;
  }

  /** The customer's latest text was detected as {@code code}; a text nobody can tell keeps it. */
  public void customerLanguage(String code) {
    this.customerLanguage = code;
  }

  public String getCustomerLanguage() {
    return customerLanguage;
  }

  public boolean isSnoozed(Instant now) {
    return status == Status.OPEN && snoozedUntil != null && snoozedUntil.isAfter(now);
  }

  /** Free-form messages may be sent only while this is true. */
  public boolean isWindowOpen(Instant now) {
    return windowExpiresAt != null && now.isBefore(windowExpiresAt);
  }

  public Long getId() {
    return id;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public long getContactId() {
    return contactId;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getLastCustomerMessageAt() {
    return lastCustomerMessageAt;
  }

  public Instant getWindowExpiresAt() {
    return windowExpiresAt;
  }

  public Instant getLastActivityAt() {
    return lastActivityAt;
  }

  public int getUnreadCount() {
    return unreadCount;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  public Instant getSnoozedUntil() {
    return snoozedUntil;
  }

  public Long getTeamId() {
    return teamId;
  }

  public boolean isQuiet() {
    return quiet;
  }
}
