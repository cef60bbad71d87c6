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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** Where a business wants its events posted; the secret is encrypted with its data key. */
@Entity
@Table(name = "webhook_subscription")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = WebhookSubscription.ALL,
    query = "select s from WebhookSubscription s order by s.id desc")
@NamedQuery(
    name = WebhookSubscription.ACTIVE,
    query = "select s from WebhookSubscription s where s.state = :state order by s.id")
public class WebhookSubscription {

  public static final String ALL = "WebhookSubscription.all";
  public static final String ACTIVE = "WebhookSubscription.active";
  public static final int URL_MAX = 2000;

  public enum State {
    ACTIVE,
    DISABLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = URL_MAX)
  private String url;

  @Column(name = "event_types", nullable = false, length = 500)
  private String eventTypes;

  @Column(nullable = false, updatable = false)
  private byte[] secret;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(name = "failing_since")
  private Instant failingSince;

  @Column(name = "disabled_reason", length = 500)
  private String disabledReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WebhookSubscription() {}

  public WebhookSubscription(String url, Set<String> eventTypes, byte[] sealedSecret, Instant now) {
    this.url = Objects.requireNonNull(url);
    this.eventTypes = String.join(" ", eventTypes);
    this.secret = sealedSecret.clone();
    this.state = State.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public boolean wants(String eventType) {
    return state == State.ACTIVE && getEventTypes().contains(eventType);
  }

  /** A delivery succeeded: the run of failures is over. */
  public void succeeded(Instant now) {
    if (failingSince != null) {
      failingSince = null;
      updatedAt = now;
    }
  }

  /** A delivery failed; returns true when this disabled the subscription. */
  public boolean failed(Instant now, java.time.Duration disableAfter, String reason) {
    if (failingSince == null) {
      failingSince = now;
    }
    updatedAt = now;
    if (state == State.ACTIVE && !now.isBefore(failingSince.plus(disableAfter))) {
      state = State.DISABLED;
      disabledReason =
          (reason.length() > 400 ? reason.substring(0, 400) : reason)
              + " (deliveries failed since "
              + failingSince
              + ")";
      return true;
    }
    return false;
  }

  public void enable(Instant now) {
    state = State.ACTIVE;
    failingSince = null;
    disabledReason = null;
    updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public Set<String> getEventTypes() {
    return new LinkedHashSet<>(Arrays.asList(eventTypes.split(" ")));
  }

  public byte[] getSealedSecret() {
    return secret.clone();
  }

  public State getState() {
    return state;
  }

  public Instant getFailingSince() {
    return failingSince;
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
