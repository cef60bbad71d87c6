package in.picode.kretanote.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A label on a conversation. */
@Entity
@Table(name = "conversation_label")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ConversationLabel.OF_CONVERSATION,
    query =
        "select l from Label l where l.id in (select cl.labelId from ConversationLabel cl"
            + " where cl.conversationId = :conversation) order by l.name")
@NamedQuery(
    name = ConversationLabel.REMOVE,
    query =
        "delete from ConversationLabel cl where cl.conversationId = :conversation"
            + " and cl.labelId = :label")
@NamedQuery(
    name = ConversationLabel.COUNT,
    query =
        "select count(cl) from ConversationLabel cl where cl.conversationId = :conversation"
            + " and cl.labelId = :label")
@NamedQuery(
    name = ConversationLabel.USAGE,
    query = "select cl.labelId, count(cl) from ConversationLabel cl group by cl.labelId")
@NamedQuery(
    name = ConversationLabel.COUNT_OF_LABEL,
    query = "select count(cl) from ConversationLabel cl where cl.labelId = :label")
@NamedQuery(
    name = ConversationLabel.REMOVE_LABEL,
    query = "delete from ConversationLabel cl where cl.labelId = :label")
public class ConversationLabel {

  public static final String OF_CONVERSATION = "ConversationLabel.ofConversation";
  public static final String REMOVE = "ConversationLabel.remove";
  public static final String COUNT = "ConversationLabel.count";
  public static final String USAGE = "ConversationLabel.usage";
  public static final String COUNT_OF_LABEL = "ConversationLabel.countOfLabel";
  public static final String REMOVE_LABEL = "ConversationLabel.removeLabel";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "label_id", nullable = false, updatable = false)
  private long labelId;

  protected ConversationLabel() {}

  public ConversationLabel(long conversationId, long labelId) {
    this.conversationId = conversationId;
    this.labelId = labelId;
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public long getLabelId() {
    return labelId;
  }
}
