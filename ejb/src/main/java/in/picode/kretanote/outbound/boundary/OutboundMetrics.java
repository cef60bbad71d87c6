package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.control.SqlGauges;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox in {@code /metrics}, all tenants, read from the database: how many messages wait to be
 * sent and how long the oldest has waited, how many have no answer from Meta (UNKNOWN), and the
 * sends of the last hour by result (SENT, FAILED, REFUSED).
 */
@ApplicationScoped
public class OutboundMetrics {

  @Inject MetricRegistry registry;

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @PostConstruct
  void register() {
    SqlGauges gauges = new SqlGauges(registry, dataSource);
    gauges.register(
        "outbox.depth",
        "Messages queued or waiting for a retry, all tenants",
        null,
        "SELECT COUNT(*) FROM outbox WHERE state IN ('QUEUED', 'RETRY')");
    gauges.register(
        "outbox.oldest.age",
        "How long the oldest message waiting to be sent has waited; 0 when none",
        MetricUnits.SECONDS,
        "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(created_at), NOW(6)) / 1000000 FROM outbox"
            + " WHERE state IN ('QUEUED', 'RETRY')");
    gauges.register(
        "outbox.unknown",
        "Sends whose answer never arrived, waiting to be reconciled",
        null,
        "SELECT COUNT(*) FROM outbox WHERE state = 'UNKNOWN'");
    for (String result : new String[] {"SENT", "FAILED", "REFUSED"}) {
      gauges.register(
          "sends.last.hour",
          "Outbox rows that reached this result in the last hour, all tenants",
          null,
          "SELECT COUNT(*) FROM outbox WHERE state = '"
              + result
              + "' AND updated_at > NOW(6) - INTERVAL 1 HOUR",
          new Tag("result", result.toLowerCase()));
    }
  }

  /** Registers the gauges at deployment, so that {@code /metrics} lists them from the start. */
  void eager(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.getNames();
  }
}
