package in.picode.kretanote.routing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One line of a conversation's assignment history: to whom (or nobody), in which team, and why in
 * words. Names are copies, so the line reads the same after a rename or a deletion.
 */
@Entity
@Table(name = "assignment_history")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = AssignmentRecord.OF_CONVERSATION,
    query =
        "select a from AssignmentRecord a where a.conversationId = :conversation"
            + " order by a.createdAt, a.id")
public class AssignmentRecord {

  public static final String OF_CONVERSATION = "AssignmentRecord.ofConversation";
  public static final int REASON_MAX = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private long conversationId;

  @Column(name = "team_name", length = Team.NAME_MAX, updatable = false)
  private String teamName;

  @Column(name = "assignee_id", updatable = false)
  private Long assigneeId;

  @Column(name = "assignee_name", length = 120, updatable = false)
  private String assigneeName;

  @Column(nullable = false, length = REASON_MAX, updatable = false)
  private String reason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected AssignmentRecord() {}

  public AssignmentRecord(
      long conversationId,
      String teamName,
      Long assigneeId,
      String assigneeName,
      String reason,
      Instant createdAt) {
    this.conversationId = conversationId;
    this.teamName = teamName;
    this.assigneeId = assigneeId;
    this.assigneeName = assigneeName;
    String r = Objects.requireNonNull(reason).strip();
    this.reason = r.length() > REASON_MAX ? r.substring(0, REASON_MAX - 1) + "…" : r;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public long getConversationId() {
    return conversationId;
  }

  public String getTeamName() {
    return teamName;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  public String getAssigneeName() {
    return assigneeName;
  }

  public String getReason() {
    return reason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
