package in.picode.kretanote.outbound.control;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Marks a row that a claim picked with {@code SELECT ... FOR UPDATE SKIP LOCKED} as one server's
 * until a time (owner + lease), in the claim's transaction. Another server skips it while the lease
 * runs and may take it once it ran out, which is how work left by a dead server moves on. The
 * tables are named by this enum, never by a caller's string.
 */
public final class Leases {

  static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  /** The outbound tables whose rows are claimed with a lease. */
  public enum Table {
    OUTBOX,
    CAMPAIGN;

    String sql() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Leases() {}

  public static void take(
      EntityManager em, Table table, long tenantId, long id, String owner, Instant until) {
    em.createNativeQuery(
            "update "
                + table.sql()
                + " set lease_owner = ?, lease_until = ? where tenant_id = ? and id = ?")
        .setParameter(1, owner)
        .setParameter(2, Timestamp.from(until))
        .setParameter(3, tenantId)
        .setParameter(4, id)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }
}
