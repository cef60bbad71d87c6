package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The migration rules against a real MariaDB, outside the container: servers starting together
 * apply each migration once, and a failing migration leaves the schema as it was and does not block
 * the next attempt.
 */
class SchemaMigratorIT {

  static final String DB = System.getProperty("kretanote.it.db.name", "kretanote_it") + "_flyway";

  MariaDbDataSource dataSource;

  @BeforeEach
  void emptyDatabase() throws Exception {
    String url = System.getProperty("kretanote.it.db.url");
    String server = url.substring(0, url.lastIndexOf('/') + 1);
    try (Connection c =
            DriverManager.getConnection(
                server,
                System.getProperty("kretanote.it.db.user"),
                System.getProperty("kretanote.it.db.password"));
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("CREATE DATABASE " + DB);
    }
    dataSource = new MariaDbDataSource(server + DB);
    dataSource.setUser(System.getProperty("kretanote.it.db.user"));
    dataSource.setPassword(System.getProperty("kretanote.it.db.password"));
  }

  SchemaMigrator migrator(String... locations) {
    return new SchemaMigrator(dataSource, getClass().getClassLoader(), locations);
  }

  @Test
  void serversStartingTogetherApplyEachMigrationOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<MigrateResult>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit((Callable<MigrateResult>) () -> migrator().migrate()));
      }
      int executed = 0;
      for (Future<MigrateResult> run : runs) {
        executed += run.get().migrationsExecuted;
      }
      try (Connection c = dataSource.getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select count(*), count(distinct version) from flyway_schema_history"
                          + " where version is not null")) {
        rs.next();
        assertThat(rs.getInt(1)).as("history rows").isEqualTo(rs.getInt(2));
        assertThat(executed).as("migrations executed over all servers").isEqualTo(rs.getInt(1));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failingMigrationLeavesSchemaAsItWasAndCanBeRetried() throws Exception {
    migrator().migrate();
    String before = tenantColumns();
    assertThatThrownBy(() -> migrator(SchemaMigrator.LOCATION, "classpath:db/broken").migrate())
        .isInstanceOf(SchemaMigrator.MigrationFailedException.class)
        .hasMessageContaining("V999__broken.sql");
    assertThat(tenantColumns()).isEqualTo(before).doesNotContain("broken_probe");
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*) from flyway_schema_history where version = '999'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("no failed row blocks the next deployment").isZero();
    }
    assertThat(migrator().migrate().migrationsExecuted).isZero();
  }

  private String tenantColumns() throws Exception {
    StringBuilder cols = new StringBuilder();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getColumns(DB, null, "tenant", null)) {
      while (rs.next()) {
        cols.append(rs.getString("COLUMN_NAME")).append(',');
      }
    }
    return cols.toString();
  }
}
