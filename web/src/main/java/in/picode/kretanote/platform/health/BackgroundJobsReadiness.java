package in.picode.kretanote.platform.health;

import in.picode.kretanote.platform.boundary.BackgroundJobs;
import in.picode.kretanote.platform.boundary.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * One entry per background job of this server: {@code OK}, {@code STARTING}, or why not ({@code
 * STUCK}, {@code FAILING}, {@code SILENT}), the word only. DOWN while any job is stuck, failing or
 * silent, so a load balancer stops sending to a server whose sweepers do not work.
 */
@Readiness
@ApplicationScoped
public class BackgroundJobsReadiness implements HealthCheck {

  @Inject BackgroundJobs jobs;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("background-jobs");
    boolean up = true;
    for (JobStatus s : jobs.statuses()) {
      // A status word only: /health/ready answers anybody, and an error text can name hosts,
      // tables or tenants. The operator's job page and the server log carry the details.
      b.withData(s.job(), s.verdict().name());
      up &= s.healthy();
    }
    return b.status(up).build();
  }
}
