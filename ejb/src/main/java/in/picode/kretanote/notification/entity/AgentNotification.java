package in.picode.kretanote.notification.entity;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Something one agent should look at: a conversation assigned to them, a mention in a note, an SLA
 * about to be breached. Only its read mark changes. {@code dedupeKey} names the event, so one event
 * notifies a user once. The title is kept in English and, since V171, also as its kind's arguments
 * ({@code titleArgs}), which the bell words in the reader's language; a row from before has none.
 */
@Entity
@Table(name = "agent_notification")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = AgentNotification.OF_USER,
    query =
        "select n from AgentNotification n where n.userId = :user"
            + " order by n.createdAt desc, n.id desc")
@NamedQuery(
    name = AgentNotification.UNREAD_COUNT,
    query = "select count(n) from AgentNotification n where n.userId = :user and n.readAt is null")
@NamedQuery(
    name = AgentNotification.BY_KEY,
    query = "select n from AgentNotification n where n.userId = :user and n.dedupeKey = :key")
@NamedQuery(
    name = AgentNotification.READ_ALL,
    query =
        "update AgentNotification n set n.readAt = :now where n.userId = :user"
            + " and n.readAt is null")
public class AgentNotification {

  public static final String OF_USER = "AgentNotification.ofUser";
  public static final String UNREAD_COUNT = "AgentNotification.unreadCount";
  public static final String BY_KEY = "AgentNotification.byKey";
  public static final String READ_ALL = "AgentNotification.readAll";
  public static final int TITLE_MAX = 200;
  public static final int BODY_MAX = 1000;
  public static final int KEY_MAX = 120;
  public static final int TITLE_ARGS_MAX = 600;

  public enum Kind {
    ASSIGNED,
    MENTIONED,
    SLA_WARNING
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private Kind kind;

  @Column(name = "conversation_id", updatable = false)
  private Long conversationId;

  @Column(nullable = false, updatable = false, length = TITLE_MAX)
  private String title;

  @Column(nullable = false, updatable = false, length = BODY_MAX)
  private String body;

  @Column(name = "title_args", updatable = false, length = TITLE_ARGS_MAX)
  private String titleArgs;

  @Column(name = "dedupe_key", nullable = false, updatable = false, length = KEY_MAX)
  private String dedupeKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected AgentNotification() {}

  public AgentNotification(
      long userId,
      Kind kind,
      Long conversationId,
      String title,
      String body,
      String dedupeKey,
      Instant createdAt) {
    this(userId, kind, conversationId, title, List.of(), body, dedupeKey, createdAt);
  }

  /** A notification whose title is also kept as its kind's {@code titleArgs} (see the bell). */
  public AgentNotification(
      long userId,
      Kind kind,
      Long conversationId,
      String title,
      List<String> titleArgs,
      String body,
      String dedupeKey,
      Instant createdAt) {
    this.titleArgs = json(titleArgs);
    this.userId = userId;
    this.kind = Objects.requireNonNull(kind);
    this.conversationId = conversationId;
    this.title = cut(Objects.requireNonNull(title), TITLE_MAX);
    this.body = cut(Objects.requireNonNull(body), BODY_MAX);
    this.dedupeKey = cut(Objects.requireNonNull(dedupeKey), KEY_MAX);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The arguments as a JSON array, cut to fit; null when there are none. */
  private static String json(List<String> args) {
    if (args == null || args.isEmpty()) {
      return null;
    }
    int room = TITLE_ARGS_MAX / args.size() - 8;
    JsonArrayBuilder a = Jsons.createArrayBuilder();
    args.forEach(s -> a.add(s == null ? "" : cut(s, Math.max(room, 1))));
    String out = a.build().toString();
    return out.length() > TITLE_ARGS_MAX ? null : out;
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  public void markRead(Instant at) {
    if (readAt == null) {
      readAt = at;
    }
  }

  public boolean isUnread() {
    return readAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getConversationId() {
    return conversationId;
  }

  public String getTitle() {
    return title;
  }

  /** The title's arguments for its kind's wording; empty on a row from before V171. */
  public List<String> getTitleArgs() {
    if (titleArgs == null) {
      return List.of();
    }
    try (var r = Jsons.createReader(new StringReader(titleArgs))) {
      return r.readArray().stream()
          .map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v))
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  public String getBody() {
    return body;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
