package in.picode.kretanote.automation.entity;

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

/** When the away or greeting message last went to a contact (at most once per repeat interval). */
@Entity
@Table(name = "auto_reply")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = AutoReply.OF_CONTACT,
    query = "select a from AutoReply a where a.contactId = :contact and a.kind = :kind")
public class AutoReply {

  public static final String OF_CONTACT = "AutoReply.ofContact";

  public enum Kind {
    AWAY,
    GREETING
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id", nullable = false, updatable = false)
  private long contactId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private Kind kind;

  @Column(name = "last_sent_at", nullable = false)
  private Instant lastSentAt;

  protected AutoReply() {}

  public AutoReply(long contactId, Kind kind, Instant now) {
    this.contactId = contactId;
    this.kind = kind;
    this.lastSentAt = now;
  }

  public void sent(Instant now) {
    this.lastSentAt = now;
  }

  public Instant getLastSentAt() {
    return lastSentAt;
  }
}
