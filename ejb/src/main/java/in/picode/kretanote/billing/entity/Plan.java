package in.picode.kretanote.billing.entity;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plan platform operators sell. Platform-wide (not tenant-owned); its prices are in {@link
 * PlanVersion}s so that changing a price never changes what an issued invoice or a running
 * subscription says.
 */
@Entity
@Table(name = "billing_plan")
@NamedQuery(name = Plan.ALL, query = "select p from Plan p order by p.name")
@NamedQuery(name = Plan.BY_CODE, query = "select p from Plan p where p.code = :code")
public class Plan {

  public static final String ALL = "Plan.all";
  public static final String BY_CODE = "Plan.byCode";
  public static final int CODE_MAX = 40;
  public static final int NAME_MAX = 100;
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false, length = CODE_MAX)
  private String code;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Plan() {}

  public Plan(String code, String name, Instant createdAt) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new WordedArgumentException(BillingWords.PLAN_CODE.with());
    }
    this.code = code;
    rename(name);
    this.active = true;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public void rename(String name) {
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
      throw new WordedArgumentException(BillingWords.PLAN_NAME.with(NAME_MAX));
    }
    this.name = name.strip();
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
