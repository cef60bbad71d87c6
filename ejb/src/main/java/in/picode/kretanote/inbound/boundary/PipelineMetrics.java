package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.inbound.control.EventLog;
import in.picode.kretanote.messaging.boundary.MediaDownloads;
import in.picode.kretanote.messaging.control.MediaStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The inbound pipeline's figures in MicroProfile Metrics (application scope, Payara's {@code
 * /metrics}): counters of webhooks received, refused for their signature, too large, and of events
 * applied, rejected, unroutable and failed attempts; gauges of the apply lag (age of the oldest
 * event not applied yet) and of media waiting for or failed at download. Counters are per server;
 * the gauges read the shared database, cached for a few seconds so scrapes stay cheap.
 */
@ApplicationScoped
public class PipelineMetrics {

  static final String PREFIX = "kretanote.";
  private static final long GAUGE_CACHE_NANOS = Duration.ofSeconds(5).toNanos();

  @Inject MetricRegistry registry;

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @EJB MediaDownloads media;

  private Counter received;
  private Counter refused;
  private Counter tooLarge;
  private Counter applied;
  private Counter rejected;
  private Counter unroutable;
  private Counter failures;

  private final Cached<Double> lag = new Cached<>(this::readLag);
  private final Cached<Map<MediaStore.Counted, Long>> mediaCounts =
      new Cached<>(this::readMediaCounts);

  @PostConstruct
  void register() {
    received = counter("webhooks.received", "Webhook POSTs that reached the endpoint");
    refused =
        counter(
            "webhooks.signature.refused", "Webhook POSTs refused for a missing or bad signature");
    tooLarge =
        counter("webhooks.too.large", "Webhook POSTs refused as larger than the limit (413)");
    applied = counter("webhook.events.applied", "Webhook events applied");
    rejected = counter("webhook.events.rejected", "Webhook events stored as not Meta's shape");
    unroutable =
        counter(
            "webhook.events.unroutable", "Webhook events naming a number or account nobody has");
    failures =
        counter("webhook.apply.failures", "Failed attempts to apply a webhook event (retried)");
    registry.gauge(
        Metadata.builder()
            .withName(PREFIX + "webhook.apply.lag")
            .withDescription("Age of the oldest stored webhook event not applied yet; 0 when none")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        (Supplier<Double>) lag::get);
    registry.gauge(
        Metadata.builder()
            .withName(PREFIX + "media.pending")
            .withDescription("Media files waiting to be downloaded, all tenants")
            .build(),
        (Supplier<Long>) () -> mediaCounts.get().getOrDefault(MediaStore.Counted.PENDING, -1L));
    registry.gauge(
        Metadata.builder()
            .withName(PREFIX + "media.failed")
            .withDescription("Media files whose download failed for good, all tenants")
            .build(),
        (Supplier<Long>) () -> mediaCounts.get().getOrDefault(MediaStore.Counted.FAILED, -1L));
  }

  /** Creates the metrics at deployment, so that {@code /metrics} lists them before any traffic. */
  void eager(@Observes @Initialized(ApplicationScoped.class) Object started) {
    received.getCount();
  }

  private Counter counter(String name, String description) {
    return registry.counter(
        Metadata.builder().withName(PREFIX + name).withDescription(description).build());
  }

  public void received() {
    received.inc();
  }

  /** Webhook POSTs this server received since it started. */
  public long receivedCount() {
    return received.getCount();
  }

  public void signatureRefused() {
    refused.inc();
  }

  public void tooLarge() {
    tooLarge.inc();
  }

  public void applyFailures(int n) {
    if (n > 0) {
      failures.inc(n);
    }
  }

  public void outcomes(List<EventLog.Outcome> outcomes) {
    for (EventLog.Outcome o : outcomes) {
      switch (o.state()) {
        case APPLIED -> applied.inc();
        case REJECTED -> rejected.inc();
        case UNROUTABLE -> unroutable.inc();
        default -> {}
      }
    }
  }

  private Map<MediaStore.Counted, Long> readMediaCounts() {
    try {
      return media.counts();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private Double readLag() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(received_at), NOW(6)) FROM webhook_event"
                    + " WHERE state = 'RECEIVED'");
        ResultSet rs = s.executeQuery()) {
      if (rs.next()) {
        long micros = rs.getLong(1);
        return rs.wasNull() ? 0.0 : Math.max(0, micros) / 1_000_000.0;
      }
      return 0.0;
    } catch (SQLException e) {
      return -1.0;
    }
  }

  /** A value read at most every few seconds; a failing read shows the last value. */
  private static final class Cached<T> {
    private final Supplier<T> read;
    private T value;
    private long readAt;

    Cached(Supplier<T> read) {
      this.read = read;
    }

    synchronized T get() {
      long now = System.nanoTime();
      if (value == null || now - readAt > GAUGE_CACHE_NANOS) {
        try {
          value = read.get();
        } catch (RuntimeException e) {
          if (value == null) {
            throw e;
          }
        }
        readAt = now;
      }
      return value;
    }
  }
}
