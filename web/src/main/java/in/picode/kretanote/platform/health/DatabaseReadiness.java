package in.picode.kretanote.platform.health;

import in.picode.kretanote.platform.boundary.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Lives in the web module because Payara collects MicroProfile health checks from the WAR of an
 * EAR, not from its EJB module.
 *
 * <p>Ready means: the database answers now and this deployment has applied every migration.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var state = migrations.state();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("database")
            .withData("migrations", state.phase().name())
            .withData("schemaVersion", String.valueOf(state.schemaVersion()));
    boolean answers = answers(b);
    return b.status(answers && state.isApplied()).build();
  }

  private boolean answers(HealthCheckResponseBuilder b) {
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      b.withData("connection", valid ? "UP" : "no answer within 2 s");
      return valid;
    } catch (SQLException e) {
      // The message names the cause (refused, access denied) but never the password.
      b.withData("connection", "DOWN: " + e.getClass().getSimpleName());
      return false;
    }
  }
}
