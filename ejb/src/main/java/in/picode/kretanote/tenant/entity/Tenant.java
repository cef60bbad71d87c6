package in.picode.kretanote.tenant.entity;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/** A business using KretaNote; the root every tenant-owned row points to. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.ALL, query = "select t from Tenant t order by t.name")
public class Tenant {

  public static final String ALL = "Tenant.all";
  public static final int NAME_MAX = 200;

  public enum Status {
    ACTIVE,
    SUSPENDED,
    DELETION_PENDING,
    DELETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Size(max = NAME_MAX)
  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String name, Instant createdAt) {
    this.name = requireName(name);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.status = Status.ACTIVE;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A tenant needs a name");
    }
    if (name.length() > NAME_MAX) {
      throw new IllegalArgumentException("A tenant name has at most " + NAME_MAX + " characters");
    }
    return name.strip();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = requireName(name);
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
