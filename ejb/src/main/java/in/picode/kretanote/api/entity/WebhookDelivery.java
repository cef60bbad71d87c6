package in.picode.kretanote.api.entity;

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
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One event for one subscription: the outbox row and, once tried, its delivery log line. */
@Entity
@Table(name = "webhook_delivery")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = WebhookDelivery.OF_SUBSCRIPTION,
    query =
        "select d from WebhookDelivery d where d.subscriptionId = :subscription"
            + " order by d.id desc")
public class WebhookDelivery {

  public static final String OF_SUBSCRIPTION = "WebhookDelivery.ofSubscription";
  public static final int EXCERPT_MAX = 500;

  public enum State {
    PENDING,
    DELIVERED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subscription_id", nullable = false, updatable = false)
  private long subscriptionId;

  @Column(name = "event_id", nullable = false, updatable = false, length = 36)
  private String eventId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 40)
  private String eventType;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "lease_owner", length = 64)
  private String leaseOwner;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_latency_ms")
  private Integer lastLatencyMs;

  @Column(name = "last_error", length = EXCERPT_MAX)
  private String lastError;

  @Column(name = "last_response", length = EXCERPT_MAX)
  private String lastResponse;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Version private long version;

  protected WebhookDelivery() {}

  public WebhookDelivery(
      long subscriptionId, String eventId, String eventType, String payload, Instant now) {
    this.subscriptionId = subscriptionId;
    this.eventId = Objects.requireNonNull(eventId);
    this.eventType = Objects.requireNonNull(eventType);
    this.payload = Objects.requireNonNull(payload);
    this.state = State.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Records one attempt; {@code next} null means no further attempt (delivered or given up). */
  public void attempted(
      Instant at,
      Integer status,
      int latencyMs,
      String error,
      String response,
      boolean delivered,
      Instant next) {
    attempts++;
    lastAttemptAt = at;
    lastStatus = status;
    lastLatencyMs = latencyMs;
    lastError = cut(error);
    lastResponse = cut(response);
    leaseUntil = null;
    leaseOwner = null;
    if (delivered) {
      state = State.DELIVERED;
      deliveredAt = at;
    } else if (next == null) {
      state = State.FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  /** "Send again": one more attempt now, whatever happened before. */
  public void again(Instant now) {
    state = State.PENDING;
    nextAttemptAt = now;
    leaseUntil = null;
    leaseOwner = null;
  }

  private static String cut(String s) {
    return s == null || s.length() <= EXCERPT_MAX ? s : s.substring(0, EXCERPT_MAX);
  }

  public Long getId() {
    return id;
  }

  public long getSubscriptionId() {
    return subscriptionId;
  }

  public String getEventId() {
    return eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getPayload() {
    return payload;
  }

  public State getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public Integer getLastLatencyMs() {
    return lastLatencyMs;
  }

  public String getLastError() {
    return lastError;
  }

  public String getLastResponse() {
    return lastResponse;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}
