package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One tenant-owned table's part in a purge: how to delete a bounded batch of a tenant's rows
 * (account deletion) and, when the table has an age rule, a bounded batch of rows older than a
 * cut-off that no legal hold protects (retention). Each call runs inside one short transaction of
 * the caller and deletes at most {@code limit} rows, so a live inbox never waits long for a lock.
 * Files named in the returned batch are deleted by the caller after the transaction commits.
 *
 * <p>The feature that owns the table writes its step and lists it in its {@link TenantData}.
 */
public interface PurgeStep {

  /** The table this step empties; every table with a {@code tenant_id} column needs a step. */
  String table();

  /** Deletes up to {@code limit} of the tenant's rows, whatever their age. */
  PurgeBatch purgeTenant(Connection c, long tenantId, int limit) throws SQLException;

  /**
   * Deletes up to {@code limit} of the tenant's rows older than {@code cutoff} that {@code holds}
   * does not protect; an empty batch when this table is not subject to retention.
   */
  PurgeBatch purgeOlder(Connection c, long tenantId, Instant cutoff, LegalHolds holds, int limit)
      throws SQLException;
}
