package in.picode.kretanote.routing.entity;

import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.routing.boundary.RoutingWords;
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

/**
 * A team of a business ("Sales", "Support"): its members (team_member) share its conversations, and
 * its assignment mode decides who gets a new one. The name is unique per business whatever the
 * capitals (the column's collation, backed by a unique key).
 */
@Entity
@Table(name = "team")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Team.ALL, query = "select t from Team t order by t.name")
@NamedQuery(name = Team.BY_NAME, query = "select t from Team t where t.name = :name")
public class Team {

  public static final String ALL = "Team.all";
  public static final String BY_NAME = "Team.byName";
  public static final int NAME_MAX = 60;
  public static final int DESCRIPTION_MAX = 300;
  public static final int CAPACITY_MIN = 1;
  public static final int CAPACITY_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(length = DESCRIPTION_MAX)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "assignment_mode", nullable = false, length = 16)
  private AssignmentMode mode;

  @Column(nullable = false)
  private int capacity;

  @Column(name = "last_assignee_id")
  private Long lastAssigneeId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Team() {}

  public Team(String name, String description, Instant createdAt) {
    this.name = checkName(name);
    this.description = checkDescription(description);
    this.mode = AssignmentMode.OFF;
    this.capacity = 10;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The name stripped, or IllegalArgumentException with a sentence for the manager. */
  public static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new WordedArgumentException(RoutingWords.TEAM_NAME_MISSING.with());
    }
    if (n.length() > NAME_MAX) {
      throw new WordedArgumentException(RoutingWords.TEAM_NAME_LONG.with(NAME_MAX));
    }
    return n;
  }

  public static String checkDescription(String description) {
    String d = description == null ? "" : description.strip();
    if (d.length() > DESCRIPTION_MAX) {
      throw new WordedArgumentException(RoutingWords.DESCRIPTION_LONG.with(DESCRIPTION_MAX));
    }
    return d.isEmpty() ? null : d;
  }

  /** The capacity, or IllegalArgumentException saying the allowed range. */
  public static int checkCapacity(Integer capacity) {
    if (capacity == null || capacity < CAPACITY_MIN || capacity > CAPACITY_MAX) {
      throw new WordedArgumentException(RoutingWords.CAPACITY.with(CAPACITY_MIN, CAPACITY_MAX));
    }
    return capacity;
  }

  public void rename(String name, String description) {
    this.name = checkName(name);
    this.description = checkDescription(description);
  }

  public void route(AssignmentMode mode, Integer capacity) {
    this.mode = Objects.requireNonNull(mode, "Choose an assignment mode.");
    this.capacity = checkCapacity(capacity);
  }

  /** The round-robin pointer moves to the agent just assigned. */
  public void assigned(long userId) {
    this.lastAssigneeId = userId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public AssignmentMode getMode() {
    return mode;
  }

  public int getCapacity() {
    return capacity;
  }

  public Long getLastAssigneeId() {
    return lastAssigneeId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
