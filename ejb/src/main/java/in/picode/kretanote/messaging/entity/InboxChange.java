package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A signal for the live inbox: these conversations of the tenant got a message or a status. Written
 * in the transaction that changed them, so a browser is told only about committed changes; read by
 * every server's feed (see {@code InboxFeed}) and deleted after a few minutes.
 */
@Entity
@Table(name = "inbox_change")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class InboxChange {

  /**
   * Longer lists say "any conversation" ({@link #ANY}): the pages then refresh whatever they show.
   */
  public static final int IDS_MAX = 1000;

  public static final String ANY = "*";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_ids", nullable = false, updatable = false, length = IDS_MAX)
  private String conversationIds;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected InboxChange() {}

  public InboxChange(Collection<Long> conversationIds, Instant now) {
    StringBuilder ids = new StringBuilder();
    for (long id : new TreeSet<>(conversationIds)) {
      ids.append(ids.length() == 0 ? "" : ",").append(id);
    }
    this.conversationIds = ids.length() > IDS_MAX ? ANY : ids.toString();
    this.createdAt = Objects.requireNonNull(now);
  }

  public String getConversationIds() {
    return conversationIds;
  }
}
