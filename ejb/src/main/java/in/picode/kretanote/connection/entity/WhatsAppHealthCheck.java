package in.picode.kretanote.connection.entity;

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

/** What one health probe of a connection saw; history, never updated. */
@Entity
@Table(name = "whatsapp_health_check")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = WhatsAppHealthCheck.OF_CONNECTION,
    query =
        "select h from WhatsAppHealthCheck h where h.connectionId = :connection"
            + " order by h.checkedAt desc, h.id desc")
public class WhatsAppHealthCheck {

  public static final String OF_CONNECTION = "WhatsAppHealthCheck.ofConnection";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, updatable = false)
  private Long connectionId;

  @Column(name = "checked_at", nullable = false, updatable = false)
  private Instant checkedAt;

  @Column(name = "quality_rating", updatable = false, length = 16)
  private String qualityRating;

  @Column(name = "number_status", updatable = false, length = 32)
  private String numberStatus;

  @Column(name = "name_status", updatable = false, length = 40)
  private String nameStatus;

  @Column(name = "messaging_limit", updatable = false, length = 40)
  private String messagingLimit;

  @Column(name = "can_send_message", updatable = false, length = 16)
  private String canSendMessage;

  @Column(name = "app_subscribed", updatable = false)
  private Boolean appSubscribed;

  @Column(name = "token_valid", updatable = false)
  private Boolean tokenValid;

  @Column(name = "token_expires_at", updatable = false)
  private Instant tokenExpiresAt;

  @Column(name = "minutes_since_webhook", updatable = false)
  private Long minutesSinceWebhook;

  @Column(updatable = false, length = 1000)
  private String problems;

  @Column(name = "probe_errors", updatable = false, length = 500)
  private String probeErrors;

  @Column(name = "state_changed", nullable = false, updatable = false)
  private boolean stateChanged;

  protected WhatsAppHealthCheck() {}

  @SuppressWarnings("java:S107")
  public WhatsAppHealthCheck(
      long connectionId,
      Instant checkedAt,
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String canSendMessage,
      Boolean appSubscribed,
      Boolean tokenValid,
      Instant tokenExpiresAt,
      Long minutesSinceWebhook,
      String problems,
      String probeErrors,
      boolean stateChanged) {
    this.connectionId = connectionId;
    this.checkedAt = Objects.requireNonNull(checkedAt);
    this.qualityRating = qualityRating;
    this.numberStatus = numberStatus;
    this.nameStatus = nameStatus;
    this.messagingLimit = messagingLimit;
    this.canSendMessage = canSendMessage;
    this.appSubscribed = appSubscribed;
    this.tokenValid = tokenValid;
    this.tokenExpiresAt = tokenExpiresAt;
    this.minutesSinceWebhook = minutesSinceWebhook;
    this.problems = problems == null || problems.isEmpty() ? null : problems;
    this.probeErrors =
        probeErrors == null || probeErrors.isEmpty()
            ? null
            : probeErrors.length() > 500 ? probeErrors.substring(0, 500) : probeErrors;
    this.stateChanged = stateChanged;
  }

  public Long getId() {
    return id;
  }

  public Long getConnectionId() {
    return connectionId;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public String getQualityRating() {
    return qualityRating;
  }

  public String getNumberStatus() {
    return numberStatus;
  }

  public String getCanSendMessage() {
    return canSendMessage;
  }

  public Boolean getAppSubscribed() {
    return appSubscribed;
  }

  public Boolean getTokenValid() {
    return tokenValid;
  }

  public String getProblems() {
    return problems;
  }

  public String getProbeErrors() {
    return probeErrors;
  }

  public boolean isStateChanged() {
    return stateChanged;
  }
}
