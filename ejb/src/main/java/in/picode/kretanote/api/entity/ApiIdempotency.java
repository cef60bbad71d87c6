package in.picode.kretanote.api.entity;

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

/** An idempotency key of an API write and the resource its first request created. */
@Entity
@Table(name = "api_idempotency")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = ApiIdempotency.BY_KEY,
    query = "select i from ApiIdempotency i where i.key = :key")
public class ApiIdempotency {

  public static final String BY_KEY = "ApiIdempotency.byKey";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idem_key", nullable = false, updatable = false, length = 100)
  private String key;

  @Column(name = "request_sha256", nullable = false, updatable = false)
  private byte[] requestSha256;

  @Column(nullable = false, updatable = false, length = 20)
  private String resource;

  @Column(name = "resource_id", nullable = false, updatable = false)
  private long resourceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ApiIdempotency() {}

  public ApiIdempotency(
      String key, byte[] requestSha256, String resource, long resourceId, Instant now) {
    this.key = Objects.requireNonNull(key);
    this.requestSha256 = requestSha256.clone();
    this.resource = Objects.requireNonNull(resource);
    this.resourceId = resourceId;
    this.createdAt = Objects.requireNonNull(now);
  }

  public boolean sameRequest(byte[] sha256) {
    return java.security.MessageDigest.isEqual(requestSha256, sha256);
  }

  public String getResource() {
    return resource;
  }

  public long getResourceId() {
    return resourceId;
  }
}
