package in.picode.kretanote.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Whether a user wants a kind of notification mailed as well; without a row, {@link
 * #mailByDefault}.
 */
@Entity
@Table(name = "notification_preference")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = NotificationPreference.OF_USER,
    query = "select p from NotificationPreference p where p.userId = :user")
public class NotificationPreference {

  public static final String OF_USER = "NotificationPreference.ofUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private AgentNotification.Kind kind;

  @Column(nullable = false)
  private boolean email;

  protected NotificationPreference() {}

  public NotificationPreference(long userId, AgentNotification.Kind kind, boolean email) {
    this.userId = userId;
    this.kind = Objects.requireNonNull(kind);
    this.email = email;
  }

  /** A mention is addressed to the person, so it is mailed unless they say no; the rest are not. */
  public static boolean mailByDefault(AgentNotification.Kind kind) {
    return kind == AgentNotification.Kind.MENTIONED;
  }

  public void setEmail(boolean email) {
    this.email = email;
  }

  public long getUserId() {
    return userId;
  }

  public AgentNotification.Kind getKind() {
    return kind;
  }

  public boolean isEmail() {
    return email;
  }
}
