package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.testing.ItDatabase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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

  @Test
  @RunAsClient
  void readinessIsUpWithTheDatabaseCheck(@ArquillianResource URL base) throws Exception {
    URI ready = URI.create(base.toString()).resolve("/health/ready");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"database\"").contains("APPLIED").contains("\"UP\"");
  }

  @Test
  @RunAsClient
  void livenessIsUp(@ArquillianResource URL base) throws Exception {
    URI live = URI.create(base.toString()).resolve("/health/live");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("kretanote");
  }
}
