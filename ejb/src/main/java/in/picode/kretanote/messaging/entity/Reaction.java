package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A customer's emoji reaction to a message. WhatsApp keeps one reaction per person and message, so
 * this row is replaced by a newer one and cleared (emoji {@code null}) when the customer removes
 * it. Reactions arrive out of order like everything else: the one with the latest Meta time wins.
 * It is keyed by the target's wamid, so a reaction that arrives before its message is kept and
 * attached ({@code messageId}) once the message is stored.
 */
@Entity
@Table(name = "reaction")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Reaction.BY_TARGET_AND_CONTACT,
    query = "select r from Reaction r where r.targetWamid = :wamid and r.contactId = :contact")
@NamedQuery(
    name = Reaction.UNATTACHED,
    query = "select r from Reaction r where r.targetWamid in :wamids and r.messageId is null")
@NamedQuery(
    name = Reaction.OF_MESSAGE,
    query = "select r from Reaction r where r.messageId = :message and r.emoji is not null")
public class Reaction {

  public static final String BY_TARGET_AND_CONTACT = "Reaction.byTargetAndContact";
  public static final String UNATTACHED = "Reaction.unattached";
  public static final String OF_MESSAGE = "Reaction.ofMessage";
  public static final int EMOJI_MAX = 64;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "target_wamid", nullable = false, updatable = false, length = Message.WAMID_MAX)
  private String targetWamid;

  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Column(length = EMOJI_MAX)
  private String emoji;

  @Column(name = "reaction_wamid", nullable = false, length = Message.WAMID_MAX)
  private String reactionWamid;

  @Column(name = "reacted_at", nullable = false)
  private Instant reactedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Reaction() {}

  public Reaction(
      String targetWamid,
      Long messageId,
      long contactId,
      String emoji,
      String reactionWamid,
      Instant reactedAt,
      Instant now) {
    this.targetWamid = Objects.requireNonNull(targetWamid, "targetWamid");
    this.messageId = messageId;
    this.contactId = contactId;
    this.emoji = normalize(emoji);
    this.reactionWamid = Objects.requireNonNull(reactionWamid, "reactionWamid");
    this.reactedAt = Objects.requireNonNull(reactedAt, "reactedAt");
    this.updatedAt = now;
  }

  /** A later reaction (or removal) of the same customer; an older one arriving late is ignored. */
  public boolean replaceWith(String newEmoji, String wamid, Instant at, Instant now) {
    if (at.isBefore(reactedAt)) {
      return false;
    }
    this.emoji = normalize(newEmoji);
    this.reactionWamid = wamid;
    this.reactedAt = at;
    this.updatedAt = now;
    return true;
  }

  private static String normalize(String emoji) {
    return emoji == null || emoji.isEmpty() ? null : Message.clip(emoji, EMOJI_MAX);
  }

  public void attachTo(long messageId) {
    this.messageId = messageId;
  }

  public Long getId() {
    return id;
  }

  public String getTargetWamid() {
    return targetWamid;
  }

  public Long getMessageId() {
    return messageId;
  }

  public long getContactId() {
    return contactId;
  }

  /** {@code null} when the customer removed the reaction. */
  public String getEmoji() {
    return emoji;
  }

  public Instant getReactedAt() {
    return reactedAt;
  }
}
