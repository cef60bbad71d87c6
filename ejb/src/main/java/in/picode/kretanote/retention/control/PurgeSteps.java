package in.picode.kretanote.retention.control;

import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every feature's {@link TenantData}, found through CDI, in {@link TenantData#purgeOrder} order,
 * and their purge steps in the order they run: dependent rows before the rows they point to, so
 * deleting step by step never breaks a foreign key.
 *
 * <p><b>Every table with a {@code tenant_id} column must have a step</b> in the feature that owns
 * it; account deletion refuses to finish while {@link #uncovered} names a table, and {@code
 * RetentionIT} fails. {@code tenant} itself is deleted last by the account purge; {@code
 * tenant_data_key} rows are destroyed first (crypto-shredding) and deleted by crypto's step.
 */
@ApplicationScoped
public class PurgeSteps {

  private List<TenantData> owners;

  @Inject
  PurgeSteps(@Any Instance<TenantData> found) {
    this(found.stream().toList());
  }

  private PurgeSteps(List<TenantData> owners) {
    this.owners = owners.stream().sorted(Comparator.comparingInt(TenantData::purgeOrder)).toList();
  }

  /** For CDI's proxy. */
  protected PurgeSteps() {}

  /** The registry over these features (for tests without a container). */
  public static PurgeSteps of(List<TenantData> owners) {
    return new PurgeSteps(owners);
  }

  /** The features, in purge order (the order erasure runs in too). */
  public List<TenantData> owners() {
    return owners;
  }

  /** The steps in the order they run: dependent rows before the rows they point to. */
  public List<PurgeStep> all() {
    List<PurgeStep> steps = new ArrayList<>();
    owners.forEach(o -> steps.addAll(o.purgeSteps()));
    return steps;
  }

  public Set<String> tables() {
    Set<String> t = new LinkedHashSet<>();
    all().forEach(s -> t.add(s.table()));
    return t;
  }

  /** Tables of this database that have a {@code tenant_id} column. */
  public static Set<String> tenantTables(Connection c) throws SQLException {
    Set<String> found = new TreeSet<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT c.table_name FROM information_schema.columns c"
                    + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                    + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE c.table_schema = DATABASE() AND c.column_name = 'tenant_id'");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  /** Tables with a {@code tenant_id} column that no feature's step purges: must be empty. */
  public List<String> uncovered(Connection c) throws SQLException {
    List<String> missing = new ArrayList<>(tenantTables(c));
    missing.removeAll(tables());
    return missing;
  }
}
