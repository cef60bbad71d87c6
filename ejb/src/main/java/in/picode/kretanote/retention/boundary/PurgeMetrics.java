package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.platform.control.SqlGauges;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Rows the purges deleted in the last 24 hours, by kind, from the purge records (no content). */
@ApplicationScoped
public class PurgeMetrics {

  @Inject MetricRegistry registry;

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @PostConstruct
  void register() {
    SqlGauges gauges = new SqlGauges(registry, dataSource);
    for (String kind : new String[] {"RETENTION", "ACCOUNT", "WEBHOOK_EVENTS", "ERASURE"}) {
      gauges.register(
          "purge.rows.last.day",
          "Rows deleted by purges in the last 24 hours",
          null,
          "SELECT COALESCE(SUM(deleted_count), 0) FROM purge_record WHERE kind = '"
              + kind
              + "' AND recorded_at > NOW(6) - INTERVAL 1 DAY",
          new Tag("kind", kind.toLowerCase()));
    }
  }

  void eager(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.getNames();
  }
}
