package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.testing.ItDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class SchemaMigrationsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("migrations");
  }

  @Inject SchemaMigrations migrations;

  @Test
  void deploymentAppliesEveryMigrationOnce() throws Exception {
    assertThat(migrations.state().isApplied()).isTrue();
    try (Connection c = ItDatabase.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select version, count(*), min(success) from flyway_schema_history"
                        + " where version is not null group by version")) {
      int versions = 0;
      while (rs.next()) {
        versions++;
        assertThat(rs.getInt(2)).as("applications of V%s", rs.getString(1)).isEqualTo(1);
        assertThat(rs.getBoolean(3)).isTrue();
      }
      assertThat(versions).isGreaterThanOrEqualTo(1);
    }
    try (Connection c = ItDatabase.connect();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "tenant", null)) {
      assertThat(rs.next()).as("tenant table exists").isTrue();
    }
  }
}
