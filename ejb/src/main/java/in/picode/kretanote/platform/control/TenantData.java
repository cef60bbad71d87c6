package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A feature's tenant-owned tables as the privacy workflows (retention, account deletion,
 * data-subject export and erasure) need them. Each feature that owns tables implements it once, as
 * an {@code @ApplicationScoped} bean in its own package; the retention feature finds every
 * implementation through CDI and keeps the orchestration (batches, transactions, legal holds,
 * receipts, audit). A table a feature adds is purged, exported and erased by that feature's
 * implementation; account deletion refuses to run while a table with a {@code tenant_id} column is
 * in no implementation's {@link #purgeSteps}.
 *
 * <p>The interface lives in {@code platform} because every feature may import platform, while
 * retention imports the features: an interface in retention would make each feature depend on
 * retention and close a cycle.
 *
 * <p>All methods run on the caller's connection inside the caller's transaction and filter every
 * statement by the tenant id.
 */
public interface TenantData {

  /**
   * Where this feature's tables come in a purge or an erasure: lower first. A feature whose tables
   * reference another feature's tables comes before it (outbound 100, consent 150, messaging 200,
   * connection 300, contact 400, retention 500, billing 600, platform 700, tenant 800, crypto 900).
   */
  int purgeOrder();

  /** One step per table this feature owns, children before the tables they reference. */
  List<PurgeStep> purgeSteps();

  /**
   * Whether the contact said STOP in this feature's data (read before erasure, so that the STOP can
   * outlive the contact as a suppression record).
   */
  default boolean saidStop(Connection c, DataSubject subject) throws SQLException {
    return false;
  }

  /** The contact's rows in this feature's tables, for a data-subject export. */
  default List<ExportSection> export(Connection c, DataSubject subject) throws SQLException {
    return List.of();
  }

  /**
   * Deletes the contact's rows in this feature's tables (erasure), in batches of at most {@code
   * batch} where a table can be large; returns rows per table and the files to delete after commit.
   */
  default PurgeBatch erase(Connection c, DataSubject subject, int batch) throws SQLException {
    return PurgeBatch.EMPTY;
  }
}
