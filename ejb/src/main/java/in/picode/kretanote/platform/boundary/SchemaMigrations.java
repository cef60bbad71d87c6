package in.picode.kretanote.platform.boundary;

import in.picode.kretanote.platform.control.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations once per deployment, before anything else touches the schema.
 *
 * <p>Flyway takes a MariaDB named lock ({@code GET_LOCK}) around the migration, so two servers
 * starting together apply each migration once: the second waits and then finds nothing pending. A
 * migration that fails makes the deployment fail loudly. A database that cannot be reached at all
 * does not: the application deploys, readiness stays DOWN, and the migration is retried until the
 * database answers, so an admin can fix the pool without redeploying.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

  private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());
  static final long RETRY_MILLIS = 10_000;

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @Resource TimerService timers;

  private final MigrationState state = new MigrationState();

  @PostConstruct
  void migrateAtStartup() {
    if (!migrate()) {
      timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("migrate", false));
    }
  }

  @Timeout
  void retry(jakarta.ejb.Timer timer) {
    if (migrate()) {
      timer.cancel();
    }
  }

  /** Returns true when the schema is current; false when the database could not be reached. */
  private boolean migrate() {
    if (!databaseAnswers()) {
      state.waitingForDatabase();
      return false;
    }
    try {
      MigrateResult result =
          new SchemaMigrator(dataSource, SchemaMigrations.class.getClassLoader()).migrate();
      state.applied(result.targetSchemaVersion, result.migrationsExecuted);
      LOG.log(
          Level.INFO,
          "Schema at version {0} ({1} migrations applied now)",
          state.schemaVersion(),
          result.migrationsExecuted);
      return true;
    } catch (SchemaMigrator.MigrationFailedException e) {
      state.failed(e.getMessage());
      throw e;
    }
  }

  private boolean databaseAnswers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Database not reachable, migrations wait: {0}", e.getMessage());
      return false;
    }
  }

  public MigrationState state() {
    return state;
  }
}
