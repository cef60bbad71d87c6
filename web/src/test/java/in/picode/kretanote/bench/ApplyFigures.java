package in.picode.kretanote.bench;

import in.picode.kretanote.bench.Workload.Kind;
import in.picode.kretanote.bench.Workload.Request;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * How fast the server applied one phase's webhooks, read from the event log once everything is
 * applied:
 *
 * <ul>
 *   <li><b>apply rate</b>: the phase's new events (not redeliveries) over the time from the first
 *       of them applied to the last; with a backlog this is the applier's capacity, without one it
 *       cannot exceed the offered rate;
 *   <li><b>ack → visible</b>: for every new customer message, from the moment the generator had the
 *       200 (wall clock) to the event's {@code applied_at}, which the server writes after the
 *       transaction that stored the message committed: an upper bound of when the inbox can show it
 *       (the live inbox's push adds its 250-ms feed tick and the page refresh).
 * </ul>
 */
final class ApplyFigures {

  /** A request the server acknowledged, and when (epoch microseconds, generator's clock). */
  record Ack(Request request, long ackedAtMicros) {}

  record Figures(
      String phase,
      long events,
      double applyPerSecond,
      long messages,
      long unapplied,
      double p50Millis,
      double p99Millis,
      double maxMillis) {

    String line() {
      return String.format(
          "%s: applied %d new events at %.0f/s; ack -> visible over %d messages p50 %.0f ms,"
              + " p99 %.0f ms, max %.0f ms%s",
          phase,
          events,
          applyPerSecond,
          messages,
          p50Millis,
          p99Millis,
          maxMillis,
          unapplied > 0 ? " (" + unapplied + " not applied)" : "");
    }
  }

  private ApplyFigures() {}

  static Figures measure(Connection c, String phase, List<Ack> acks) throws SQLException {
    Map<String, Ack> firstByBody = new LinkedHashMap<>();
    for (Ack a : acks) {
      if (a.request().kind() != Kind.DUPLICATE) {
        firstByBody.putIfAbsent(WebhookBench.hex(WebhookBench.sha256(a.request().body())), a);
      }
    }
    Map<String, Long> appliedAt = appliedAt(c, new ArrayList<>(firstByBody.keySet()));
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long unapplied = 0;
    Histogram visible = new Histogram(3);
    long messages = 0;
    for (Map.Entry<String, Ack> e : firstByBody.entrySet()) {
      Long at = appliedAt.get(e.getKey());
      if (at == null) {
        unapplied++;
        continue;
      }
      first = Math.min(first, at);
      last = Math.max(last, at);
      if (e.getValue().request().kind() == Kind.NEW) {
        messages++;
        visible.recordValue(Math.max(0, at - e.getValue().ackedAtMicros()));
      }
    }
    long events = firstByBody.size() - unapplied;
    double seconds = last > first ? (last - first) / 1e6 : Double.NaN;
    return new Figures(
        phase,
        events,
        events / seconds,
        messages,
        unapplied,
        visible.getValueAtPercentile(50) / 1e3,
        visible.getValueAtPercentile(99) / 1e3,
        visible.getMaxValue() / 1e3);
  }

  /** applied_at of the events with these body hashes, in epoch microseconds. */
  private static Map<String, Long> appliedAt(Connection c, List<String> hashes)
      throws SQLException {
    Map<String, Long> at = new HashMap<>();
    for (int from = 0; from < hashes.size(); from += 1000) {
      List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 1000));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT LOWER(HEX(body_sha256)), UNIX_TIMESTAMP(applied_at) FROM webhook_event"
                  + " WHERE applied_at IS NOT NULL AND body_sha256 IN ("
                  + "UNHEX(?),".repeat(chunk.size() - 1)
                  + "UNHEX(?))")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setString(i + 1, chunk.get(i).toUpperCase());
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            BigDecimal seconds = rs.getBigDecimal(2);
            at.put(rs.getString(1), seconds.movePointRight(6).longValue());
          }
        }
      }
    }
    return at;
  }
}
