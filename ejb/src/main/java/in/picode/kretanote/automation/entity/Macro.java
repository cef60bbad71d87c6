package in.picode.kretanote.automation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A named list of actions (validated JSON) an agent runs on a conversation with one click. */
@Entity
@Table(name = "macro")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Macro.ALL, query = "select m from Macro m order by m.name")
public class Macro {

  public static final String ALL = "Macro.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = AutomationRule.NAME_MAX)
  private String name;

  @Column(nullable = false)
  private String actions;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Macro() {}

  public Macro(String name, String actions, Instant now) {
    this.name = name;
    this.actions = actions;
    this.createdAt = now;
  }

  public void change(String name, String actions) {
    this.name = name;
    this.actions = actions;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getActions() {
    return actions;
  }
}
