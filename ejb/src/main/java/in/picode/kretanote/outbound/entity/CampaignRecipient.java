package in.picode.kretanote.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One contact of a campaign. QUEUED until its message is in the outbox (then SENT with the message
 * id; delivered/read/failed are read from the message), or SKIPPED with the reason the contact was
 * left out (opt-out, objection to automated processing, the guard's refusal).
 */
@Entity
@Table(name = "campaign_recipient")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = CampaignRecipient.NEXT_QUEUED,
    query =
        "select r from CampaignRecipient r where r.campaignId = :campaign and r.state = :state"
            + " order by r.id")
@NamedQuery(
    name = CampaignRecipient.OF_CONTACT,
    query =
        "select r from CampaignRecipient r where r.campaignId = :campaign"
            + " and r.contactId = :contact")
public class CampaignRecipient {

  public static final String NEXT_QUEUED = "CampaignRecipient.nextQueued";
  public static final String OF_CONTACT = "CampaignRecipient.ofContact";
  public static final int REASON_MAX = 500;

  public enum State {
    QUEUED,
    SENT,
    DELIVERED,
    READ,
    FAILED,
    SKIPPED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "campaign_id", nullable = false, updatable = false)
  private long campaignId;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 10)
  private State state;

  @Column(name = "reason", length = REASON_MAX)
  private String reason;

  @Column(name = "error_code")
  private Integer errorCode;

  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CampaignRecipient() {}

  public void enqueued(long messageId, Instant now) {
    this.state = State.SENT;
    this.messageId = messageId;
    this.updatedAt = now;
  }

  public void skipped(String why, Instant now) {
    this.state = State.SKIPPED;
    this.reason = why == null || why.length() <= REASON_MAX ? why : why.substring(0, REASON_MAX);
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getCampaignId() {
    return campaignId;
  }

  public long getContactId() {
    return contactId;
  }

  public State getState() {
    return state;
  }

  public String getReason() {
    return reason;
  }

  public Integer getErrorCode() {
    return errorCode;
  }

  public Long getMessageId() {
    return messageId;
  }
}
