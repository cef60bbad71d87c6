package in.picode.kretanote.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges whose value is one number a SQL query reads from the shared database (so every server
 * reports the same figure), read at most every few seconds however often {@code /metrics} is
 * scraped. A query that fails reports -1, so a dashboard shows "unknown" rather than a stale 0.
 */
public final class SqlGauges {

  private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

  private final MetricRegistry registry;
  private final DataSource dataSource;

  public SqlGauges(MetricRegistry registry, DataSource dataSource) {
    this.registry = registry;
    this.dataSource = dataSource;
  }

  /** Registers {@code kretanote.<name>}: the first column of the first row of {@code sql}. */
  public void register(String name, String description, String unit, String sql, Tag... tags) {
    var metadata = Metadata.builder().withName("kretanote." + name).withDescription(description);
    if (unit != null) {
      metadata = metadata.withUnit(unit);
    }
    Cached value = new Cached(() -> read(sql));
    registry.gauge(metadata.build(), (Supplier<Double>) value::get, tags);
  }

  private double read(String sql) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return 0;
      }
      double v = rs.getDouble(1);
      return rs.wasNull() ? 0 : v;
    } catch (SQLException e) {
      return -1;
    }
  }

  private static final class Cached {
    private final Supplier<Double> read;
    private Double value;
    private long readAt;

    Cached(Supplier<Double> read) {
      this.read = read;
    }

    synchronized Double get() {
      long now = System.nanoTime();
      if (value == null || now - readAt > CACHE_NANOS) {
        value = read.get();
        readAt = now;
      }
      return value;
    }
  }
}
