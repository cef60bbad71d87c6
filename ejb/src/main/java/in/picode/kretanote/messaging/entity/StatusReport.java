package in.picode.kretanote.messaging.entity;

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
 * One delivery status Meta reported for an outbound message, kept as reported (table {@code
 * message_status}). It is stored even when no message with that wamid is known yet: Meta's "sent"
 * can overtake the sender storing the wamid Meta answered with, and the pricing in it is the
 * tenant's cost either way. Never updated.
 */
@Entity
@Table(name = "message_status")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = StatusReport.KEYS_OF_WAMIDS,
    query = "select s.wamid, s.status, s.occurredAt from StatusReport s where s.wamid in :wamids")
@NamedQuery(
    name = StatusReport.OF_WAMIDS,
    query = "select s from StatusReport s where s.wamid in :wamids order by s.occurredAt, s.id")
public class StatusReport {

  public static final String KEYS_OF_WAMIDS = "StatusReport.keysOfWamids";
  public static final String OF_WAMIDS = "StatusReport.ofWamids";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private long connectionId;

  @Column(nullable = false, updatable = false, length = Message.WAMID_MAX)
  private String wamid;

  @Column(nullable = false, updatable = false, length = 32)
  private String status;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(updatable = false, length = 160)
  private String recipient;

  @Column(name = "pricing_category", updatable = false, length = 32)
  private String pricingCategory;

  @Column(name = "pricing_type", updatable = false, length = 32)
  private String pricingType;

  @Column(name = "pricing_model", updatable = false, length = 16)
  private String pricingModel;

  @Column(updatable = false)
  private Boolean billable;

  @Column(name = "error_code", updatable = false)
  private Integer errorCode;

  @Column(name = "error_title", updatable = false, length = Message.ERROR_TITLE_MAX)
  private String errorTitle;

  @Column(name = "error_details", updatable = false, length = Message.ERROR_DETAILS_MAX)
  private String errorDetails;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  protected StatusReport() {}

  public StatusReport(
      long connectionId,
      String wamid,
      String status,
      Instant occurredAt,
      String recipient,
      Instant receivedAt) {
    this.connectionId = connectionId;
    this.wamid = Objects.requireNonNull(wamid, "wamid");
    this.status = Message.clip(Objects.requireNonNull(status, "status"), 32);
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.recipient = Message.clip(recipient, 160);
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
  }

  public StatusReport pricing(String category, String type, String model, Boolean billable) {
    this.pricingCategory = Message.clip(category, 32);
    this.pricingType = Message.clip(type, 32);
    this.pricingModel = Message.clip(model, 16);
    this.billable = billable;
    return this;
  }

  public StatusReport error(Integer code, String title, String details) {
    this.errorCode = code;
    this.errorTitle = Message.clip(title, Message.ERROR_TITLE_MAX);
    this.errorDetails = Message.clip(details, Message.ERROR_DETAILS_MAX);
    return this;
  }

  public Long getId() {
    return id;
  }

  public long getConnectionId() {
    return connectionId;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getWamid() {
    return wamid;
  }

  public String getStatus() {
    return status;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getPricingCategory() {
    return pricingCategory;
  }

  public String getPricingType() {
    return pricingType;
  }

  public Integer getErrorCode() {
    return errorCode;
  }
}
