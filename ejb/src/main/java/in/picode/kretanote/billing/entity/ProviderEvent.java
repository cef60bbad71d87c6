package in.picode.kretanote.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified webhook of the payment provider, stored raw. Platform-wide: the tenant is only known
 * once the customer in it is looked up ({@code tenantId} is then set for the operator's view).
 */
@Entity
@Table(name = "provider_event")
@NamedQuery(
    name = ProviderEvent.BY_EVENT_ID,
    query = "select e from ProviderEvent e where e.eventId = :eventId")
@NamedQuery(
    name = ProviderEvent.LATEST,
    query = "select e from ProviderEvent e order by e.receivedAt desc, e.id desc")
public class ProviderEvent {

  public static final String BY_EVENT_ID = "ProviderEvent.byEventId";
  public static final String LATEST = "ProviderEvent.latest";
  public static final int OUTCOME_MAX = 300;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false, updatable = false, length = 100)
  private String eventId;

  @Column(nullable = false, updatable = false, length = 100)
  private String type;

  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "applied_at")
  private Instant appliedAt;

  @Column(length = OUTCOME_MAX)
  private String outcome;

  protected ProviderEvent() {}

  public ProviderEvent(String eventId, String type, String payload, Instant receivedAt) {
    this.eventId = Objects.requireNonNull(eventId);
    this.type = Objects.requireNonNull(type);
    this.payload = Objects.requireNonNull(payload);
    this.receivedAt = Objects.requireNonNull(receivedAt);
  }

  public void applied(Long tenantId, String outcome, Instant at) {
    this.tenantId = tenantId;
    this.outcome =
        outcome == null || outcome.length() <= OUTCOME_MAX
            ? outcome
            : outcome.substring(0, OUTCOME_MAX);
    this.appliedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getEventId() {
    return eventId;
  }

  public String getType() {
    return type;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public String getPayload() {
    return payload;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }

  public String getOutcome() {
    return outcome;
  }
}
