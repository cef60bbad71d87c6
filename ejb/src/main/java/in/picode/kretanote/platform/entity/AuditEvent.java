package in.picode.kretanote.platform.entity;

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

/** One line of a tenant's audit log: who did what, when, from where. Never updated. */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = AuditEvent.LATEST,
    query = "select a from AuditEvent a order by a.occurredAt desc, a.id desc")
@NamedQuery(
    name = AuditEvent.OLDER,
    query =
        "select a from AuditEvent a where (a.occurredAt < :at or (a.occurredAt = :at and a.id < :id))"
            + " order by a.occurredAt desc, a.id desc")
public class AuditEvent {

  public static final String LATEST = "AuditEvent.latest";
  public static final String OLDER = "AuditEvent.older";
  public static final int DETAIL_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor_id", updatable = false)
  private Long actorId;

  @Column(name = "actor_email", updatable = false, length = 254)
  private String actorEmail;

  @Column(nullable = false, updatable = false, length = 40)
  private String action;

  @Column(updatable = false, length = DETAIL_MAX)
  private String detail;

  @Column(name = "client_address", updatable = false, length = 45)
  private String clientAddress;

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      Long actorId,
      String actorEmail,
      String action,
      String detail,
      String clientAddress) {
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.actorId = actorId;
    this.actorEmail = actorEmail;
    this.action = Objects.requireNonNull(action);
    this.detail =
        detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    this.clientAddress = clientAddress;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Long getActorId() {
    return actorId;
  }

  public String getActorEmail() {
    return actorEmail;
  }

  public String getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }

  public String getClientAddress() {
    return clientAddress;
  }
}
