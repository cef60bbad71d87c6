package in.picode.kretanote.crypto.entity;

import java.io.Serializable;

/** Primary key of {@link TenantDataKey}: the tenant and the key's version within it. */
public class TenantDataKeyId implements Serializable {

  private static final long serialVersionUID = 1L;

  private long tenantId;
  private int keyVersion;

  protected TenantDataKeyId() {}

  public TenantDataKeyId(long tenantId, int keyVersion) {
    this.tenantId = tenantId;
    this.keyVersion = keyVersion;
  }

  public long getTenantId() {
    return tenantId;
  }

  public int getKeyVersion() {
    return keyVersion;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantDataKeyId other
        && tenantId == other.tenantId
        && keyVersion == other.keyVersion;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(tenantId) * 31 + keyVersion;
  }

  @Override
  public String toString() {
    return "tenant " + tenantId + " v" + keyVersion;
  }
}
