package in.picode.kretanote.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway with KretaNote's rules, usable with or without a container. Flyway holds a MariaDB named
 * lock while it migrates, so concurrent callers apply each migration once. After a failed migration
 * the failed history row is removed: MariaDB cannot roll back DDL, each migration is one DDL
 * statement (atomic on its own), and the fixed migration must be able to run at the next
 * deployment.
 */
public final class SchemaMigrator {

  public static final String LOCATION = "classpath:db/migration";

  private final Flyway flyway;

  public SchemaMigrator(DataSource dataSource, ClassLoader loader, String... locations) {
    this.flyway =
        Flyway.configure(loader)
            .dataSource(dataSource)
            .locations(locations.length == 0 ? new String[] {LOCATION} : locations)
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .load();
  }

  /** Applies what is pending; on failure repairs the history and throws with Flyway's reason. */
  public MigrateResult migrate() {
    try {
      return flyway.migrate();
    } catch (FlywayException e) {
      try {
        flyway.repair();
      } catch (FlywayException repairFailed) {
        e.addSuppressed(repairFailed);
      }
      throw new MigrationFailedException(e);
    }
  }

  /** Raised when a migration fails; the message is Flyway's description of the failing script. */
  public static class MigrationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MigrationFailedException(FlywayException cause) {
      super("Database migration failed: " + cause.getMessage(), cause);
    }
  }
}
