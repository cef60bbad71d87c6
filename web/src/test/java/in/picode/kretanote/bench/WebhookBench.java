package in.picode.kretanote.bench;

import in.picode.kretanote.bench.Workload.Kind;
import in.picode.kretanote.bench.Workload.Request;
import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load harness for {@code POST /webhooks/whatsapp} (a benchmark, not a test). Against a running
 * KretaNote and its database it measures, in one run:
 *
 * <ol>
 *   <li>the HTTP ceiling: {@code /webhooks/whatsapp/signature-only} (reads and verifies exactly
 *       like the real endpoint, no database; the server needs {@code
 *       kretanote.webhook.baseline-endpoint=true}), closed loop at full speed;
 *   <li>the real endpoint, open loop at each configured rate: every request is timed from its
 *       intended send time, so queueing in the server or in the generator shows in the latency (no
 *       coordinated omission); then closed loop at full speed;
 *   <li>the database ceiling: the same rows inserted with plain JDBC, one commit per row at the
 *       same concurrency, and batched by 200 with one writer, into a scratch table;
 *   <li>afterwards, once the server has applied everything: acknowledged events, messages and
 *       statuses missing from the database (lost) or present twice (duplicated).
 * </ol>
 *
 * Arguments ({@code --name value}): url (http://127.0.0.1:8080/), secret, db-url, db-user,
 * db-password, rates (2000,4000), seconds (20), warmup (10), connections (64), duplicates (0.1),
 * statuses (0.3), phone-number-id (a new bench tenant's number when absent), verify (true; false
 * for a server that does not apply, which skips waiting for the apply and the lost/duplicated
 * counts), phases ({@code all}; {@code apply} runs only the webhook phases, open loop at each rate
 * and closed loop, each followed by the apply figures of {@link ApplyFigures}).
 *
 * <p>The last line is {@code RESULT WebhookBench key=value ...}: per rate the acknowledged rate,
 * the apply rate and ack → visible p50/p99; the apply rate after the closed loop (a backlog, so the
 * applier's capacity); lost and duplicated messages and status reports.
 */
public final class WebhookBench {

  record Options(
      URI base,
      String secret,
      String dbUrl,
      String dbUser,
      String dbPassword,
      List<Integer> rates,
      int seconds,
      int warmup,
      int connections,
      double duplicates,
      double statuses,
      String phoneNumberId,
      boolean verify,
      String phases) {

    static Options parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      List<Integer> rates = new ArrayList<>();
      for (String r : a.getOrDefault("rates", "2000,4000").split(",")) {
        rates.add(Integer.parseInt(r.trim()));
      }
      return new Options(
          URI.create(a.getOrDefault("url", "http://127.0.0.1:8080/")),
          require(a, "secret"),
          require(a, "db-url"),
          a.getOrDefault("db-user", "root"),
          a.getOrDefault("db-password", ""),
          rates,
          Integer.parseInt(a.getOrDefault("seconds", "20")),
          Integer.parseInt(a.getOrDefault("warmup", "10")),
          Integer.parseInt(a.getOrDefault("connections", "64")),
          Double.parseDouble(a.getOrDefault("duplicates", "0.1")),
          Double.parseDouble(a.getOrDefault("statuses", "0.3")),
          a.get("phone-number-id"),
          Boolean.parseBoolean(a.getOrDefault("verify", "true")),
          a.getOrDefault("phases", "all"));
    }

    private static String require(Map<String, String> a, String key) {
      String v = a.get(key);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("--" + key + " is required");
      }
      return v;
    }
  }

  /** What one phase measured. */
  record Phase(String name, long sent, long ok, long failed, double seconds, Histogram latency) {
    double perSecond() {
      return ok / seconds;
    }

    String line() {
      return String.format(
          "%-44s %9.0f req/s ok  sent %7d  non-2xx %6d  p50 %7.2f  p99 %7.2f  p99.9 %8.2f  max %8.2f ms",
          name,
          perSecond(),
          sent,
          failed,
          latency.getValueAtPercentile(50) / 1e6,
          latency.getValueAtPercentile(99) / 1e6,
          latency.getValueAtPercentile(99.9) / 1e6,
          latency.getMaxValue() / 1e6);
    }
  }

  static final String WEBHOOK = "/webhooks/whatsapp";
  static final String BASELINE = "/webhooks/whatsapp/signature-only";

  private final Options o;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final List<Request> acknowledged = new ArrayList<>();
  private final List<ApplyFigures.Ack> phaseAcks = new ArrayList<>();
  private final Map<String, Object> result = new LinkedHashMap<>();
  private long tenantId;
  private String phoneNumberId;

  WebhookBench(Options o) {
    this.o = o;
  }

  public static void main(String[] args) throws Exception {
    new WebhookBench(Options.parse(args)).run();
  }

  void run() throws Exception {
    setUpTenant();
    Workload workload =
        new Workload(run, phoneNumberId, o.secret(), o.duplicates(), o.statuses(), 42);
    System.out.printf(
        "Webhook benchmark %s: %s, %d cores, %d connections, mix %.0f%% new / %.0f%% duplicates /"
            + " %.0f%% statuses, tenant %d, phone number id %s%n",
        run,
        o.base(),
        Runtime.getRuntime().availableProcessors(),
        o.connections(),
        100 * (1 - o.duplicates() - o.statuses()),
        100 * o.duplicates(),
        100 * o.statuses(),
        tenantId,
        phoneNumberId);

    List<Phase> phases = new ArrayList<>();
    int warmRate = Math.max(200, o.rates().get(0) / 2);
    System.out.println("warming up ...");
    openLoop("warm-up baseline", BASELINE, workload.next(warmRate * o.warmup()), warmRate, false);
    openLoop("warm-up webhook", WEBHOOK, workload.next(warmRate * o.warmup()), warmRate, true);
    awaitApplied(120);
    synchronized (phaseAcks) {
      phaseAcks.clear();
    }

    boolean all = !"apply".equals(o.phases());
    Phase ceiling =
        all
            ? closedLoop("HTTP ceiling (signature only, closed loop)", BASELINE, workload, false)
            : null;
    if (all) {
      phases.add(ceiling);
    }
    for (int rate : all ? o.rates() : List.<Integer>of()) {
      phases.add(
          openLoop(
              "baseline open loop @" + rate + "/s",
              BASELINE,
              workload.next(rate * o.seconds()),
              rate,
              false));
    }
    List<String> backlogs = new ArrayList<>();
    for (int rate : o.rates()) {
      Phase phase =
          openLoop(
              "webhook open loop @" + rate + "/s",
              WEBHOOK,
              workload.next(rate * o.seconds()),
              rate,
              true);
      phases.add(phase);
      backlogs.add(drain(phase.name(), 300));
      ApplyFigures.Figures f = applyFigures(phase.name());
      if (f != null) {
        backlogs.add(f.line());
        String key = "r" + rate + "_";
        result.put(key + "acked_per_s", Math.round(phase.perSecond()));
        result.put(key + "ack_p99_ms", round(phase.latency().getValueAtPercentile(99) / 1e6));
        result.put(key + "apply_per_s", Math.round(f.applyPerSecond()));
        result.put(key + "visible_p50_ms", Math.round(f.p50Millis()));
        result.put(key + "visible_p99_ms", Math.round(f.p99Millis()));
      }
    }
    Phase max = closedLoop("webhook closed loop (max)", WEBHOOK, workload, true);
    phases.add(max);
    backlogs.add(drain(max.name(), 600));
    ApplyFigures.Figures f = applyFigures(max.name());
    if (f != null) {
      backlogs.add(f.line());
      result.put("closed_acked_per_s", Math.round(max.perSecond()));
      result.put("closed_apply_per_s", Math.round(f.applyPerSecond()));
    }
    if (!all) {
      System.out.println();
      phases.forEach(p -> System.out.println("  " + p.line()));
      backlogs.forEach(b -> System.out.println("  " + b));
      if (o.verify()) {
        verify();
      }
      printResult();
      return;
    }

    List<Request> rows = workload.next((int) Math.min(200_000, Math.max(20_000, max.ok())));
    Phase dbSingle = jdbcPerRow(rows, o.connections());
    Phase dbBatched = jdbcBatched(rows, 200);
    phases.add(dbSingle);
    phases.add(dbBatched);

    System.out.println();
    System.out.println("Results (latency from the intended send time):");
    phases.forEach(p -> System.out.println("  " + p.line()));
    backlogs.forEach(b -> System.out.println("  " + b));
    System.out.printf(
        "  webhook max / HTTP ceiling: %.0f%%%n", 100 * max.perSecond() / ceiling.perSecond());
    result.put("ceiling_per_s", Math.round(ceiling.perSecond()));
    if (o.verify()) {
      verify();
    }
    printResult();
  }

  private void printResult() {
    StringBuilder line = new StringBuilder("RESULT WebhookBench");
    result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println(line);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** The apply figures of the phase just drained, from the acknowledgements it recorded. */
  private ApplyFigures.Figures applyFigures(String phase) throws SQLException {
    List<ApplyFigures.Ack> acks;
    synchronized (phaseAcks) {
      acks = new ArrayList<>(phaseAcks);
      phaseAcks.clear();
    }
    if (!o.verify()) {
      return null;
    }
    try (Connection c = db()) {
      return ApplyFigures.measure(c, phase, acks);
    }
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private void setUpTenant() throws SQLException {
    try (Connection c = db()) {
      if (o.phoneNumberId() != null) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT tenant_id FROM whatsapp_connection WHERE phone_number_id = ?")) {
          s.setString(1, o.phoneNumberId());
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              tenantId = rs.getLong(1);
              phoneNumberId = o.phoneNumberId();
              return;
            }
          }
        }
      }
      // Phone number ids are digits (routing refuses anything else).
      phoneNumberId =
          o.phoneNumberId() != null
              ? o.phoneNumberId()
              : "1099" + (100_000_000L + Math.floorMod(run.hashCode(), 899_999_999L));
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO tenant (name, status) VALUES (?, 'ACTIVE')",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, "Benchmark " + run);
        s.executeUpdate();
        try (ResultSet rs = s.getGeneratedKeys()) {
          rs.next();
          tenantId = rs.getLong(1);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                  + " created_at, updated_at) VALUES (?, ?, ?, 'CONNECTED', NOW(6), NOW(6))")) {
        s.setLong(1, tenantId);
        s.setString(2, "waba-bench");
        s.setString(3, phoneNumberId);
        s.executeUpdate();
      }
    }
  }

  /** Open loop: request i is due at start + i/rate, whatever happened to the ones before. */
  private Phase openLoop(String name, String path, List<Request> requests, int rate, boolean record)
      throws InterruptedException {
    BlockingQueue<long[]> due = new ArrayBlockingQueue<>(requests.size() + 1);
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    boolean[] acked = new boolean[requests.size()];
    long[] ackedAt = new long[requests.size()];
    CountDownLatch done = new CountDownLatch(o.connections());
    long start = System.nanoTime() + 50_000_000L;
    for (int w = 0; w < o.connections(); w++) {
      Thread worker =
          new Thread(
              () -> {
                try (HttpConnection http = new HttpConnection(o.base())) {
                  while (true) {
                    long[] task = due.take();
                    if (task[0] < 0) {
                      return;
                    }
                    Request r = requests.get((int) task[0]);
                    int status = http.post(path, r.body(), r.signature());
                    recorder.recordValue(Math.max(0, System.nanoTime() - task[1]));
                    if (status == 200) {
                      ok.incrementAndGet();
                      ackedAt[(int) task[0]] = nowMicros();
                      acked[(int) task[0]] = true;
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              },
              "bench-" + w);
      worker.setDaemon(true);
      worker.start();
    }
    double interval = 1e9 / rate;
    for (int i = 0; i < requests.size(); i++) {
      long intended = start + (long) (i * interval);
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, 200_000));
      }
      due.put(new long[] {i, intended});
    }
    for (int w = 0; w < o.connections(); w++) {
      due.put(new long[] {-1, 0});
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (record) {
      synchronized (acknowledged) {
        for (int i = 0; i < requests.size(); i++) {
          if (acked[i]) {
            acknowledged.add(requests.get(i));
            phaseAcks.add(new ApplyFigures.Ack(requests.get(i), ackedAt[i]));
          }
        }
      }
    }
    Phase p =
        new Phase(
            name,
            requests.size(),
            ok.get(),
            failed.get(),
            seconds,
            recorder.getIntervalHistogram());
    System.out.println("  " + p.line());
    return p;
  }

  /** Closed loop: every connection sends its next request as soon as the last one is answered. */
  private Phase closedLoop(String name, String path, Workload workload, boolean record)
      throws InterruptedException {
    List<Request> requests = workload.next(Math.max(20_000, 8_000 * o.seconds()));
    AtomicInteger next = new AtomicInteger();
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    boolean[] acked = new boolean[requests.size()];
    long[] ackedAt = new long[requests.size()];
    long end = System.nanoTime() + o.seconds() * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(o.connections());
    long start = System.nanoTime();
    for (int w = 0; w < o.connections(); w++) {
      Thread worker =
          new Thread(
              () -> {
                try (HttpConnection http = new HttpConnection(o.base())) {
                  int i;
                  while (System.nanoTime() < end
                      && (i = next.getAndIncrement()) < requests.size()) {
                    Request r = requests.get(i);
                    long t = System.nanoTime();
                    int status = http.post(path, r.body(), r.signature());
                    recorder.recordValue(System.nanoTime() - t);
                    if (status == 200) {
                      ok.incrementAndGet();
                      ackedAt[i] = nowMicros();
                      acked[i] = true;
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                } finally {
                  done.countDown();
                }
              });
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (record) {
      for (int i = 0; i < requests.size(); i++) {
        if (acked[i]) {
          acknowledged.add(requests.get(i));
          phaseAcks.add(new ApplyFigures.Ack(requests.get(i), ackedAt[i]));
        }
      }
    }
    Phase p =
        new Phase(
            name,
            Math.min(next.get(), requests.size()),
            ok.get(),
            failed.get(),
            seconds,
            recorder.getIntervalHistogram());
    System.out.println("  " + p.line());
    return p;
  }

  /**
   * The database ceiling as a naive endpoint would use it: one commit per row, same concurrency.
   */
  private Phase jdbcPerRow(List<Request> rows, int threads) throws Exception {
    scratchTable();
    AtomicInteger next = new AtomicInteger();
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try (Connection c = db();
                    PreparedStatement s = c.prepareStatement(insertSql(1))) {
                  int i;
                  while ((i = next.getAndIncrement()) < rows.size()) {
                    long t0 = System.nanoTime();
                    bind(s, 1, rows.get(i));
                    s.executeUpdate();
                    recorder.recordValue(System.nanoTime() - t0);
                    ok.incrementAndGet();
                  }
                } catch (SQLException e) {
                  failed.incrementAndGet();
                  System.err.println("JDBC ceiling: " + e);
                } finally {
                  done.countDown();
                }
              });
      worker.setDaemon(true);
      worker.start();
    }
    done.await();
    Phase p =
        new Phase(
            "DB ceiling, 1 row/commit x " + threads + " threads",
            rows.size(),
            ok.get(),
            failed.get(),
            (System.nanoTime() - start) / 1e9,
            recorder.getIntervalHistogram());
    System.out.println("  " + p.line());
    return p;
  }

  private Phase jdbcBatched(List<Request> rows, int batch) throws Exception {
    scratchTable();
    Histogram latency = new Histogram(3);
    long ok = 0;
    long start = System.nanoTime();
    try (Connection c = db()) {
      c.setAutoCommit(false);
      for (int from = 0; from < rows.size(); from += batch) {
        int n = Math.min(batch, rows.size() - from);
        long t0 = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement(insertSql(n))) {
          for (int k = 0; k < n; k++) {
            bind(s, 1 + 5 * k, rows.get(from + k));
          }
          s.executeUpdate();
        }
        c.commit();
        latency.recordValue(System.nanoTime() - t0);
        ok += n;
      }
    }
    Phase p =
        new Phase(
            "DB ceiling, " + batch + " rows/commit x 1 writer",
            rows.size(),
            ok,
            0,
            (System.nanoTime() - start) / 1e9,
            latency);
    System.out.println("  " + p.line());
    return p;
  }

  private void scratchTable() throws SQLException {
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_webhook_event");
      s.execute("CREATE TABLE bench_webhook_event LIKE webhook_event");
    }
  }

  private static String insertSql(int rows) {
    return "INSERT INTO bench_webhook_event (body_sha256, body, body_bytes, received_at,"
        + " last_received_at) VALUES "
        + "(?,?,?,?,?),".repeat(rows - 1)
        + "(?,?,?,?,?) ON DUPLICATE KEY UPDATE deliveries = deliveries + 1";
  }

  private static void bind(PreparedStatement s, int i, Request r) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    s.setBytes(i, sha256(r.body()));
    s.setBytes(i + 1, r.body());
    s.setInt(i + 2, r.body().length);
    s.setTimestamp(i + 3, now);
    s.setTimestamp(i + 4, now);
  }

  private long pending() throws SQLException {
    try (Connection c = db();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM webhook_event WHERE state = 'RECEIVED'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Waits until everything is applied and says how far applying was behind when the phase ended
   * (events not applied yet) and how long the server took to catch up.
   */
  private String drain(String phase, int maxSeconds) throws Exception {
    if (!o.verify()) {
      return phase + ": apply backlog not measured (--verify false)";
    }
    long start = System.nanoTime();
    long backlog = pending();
    awaitApplied(maxSeconds);
    double seconds = (System.nanoTime() - start) / 1e9;
    // Draining a backlog is the applier at full speed: its capacity while nothing else arrives.
    if (backlog >= 1000) {
      result.put(
          phase.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "") + "_drain_per_s",
          Math.round(backlog / seconds));
    }
    return String.format(
        "%s: apply backlog at the end %d events, all applied %.1f s later (%.0f events/s)",
        phase, backlog, seconds, backlog / seconds);
  }

  private void awaitApplied(int maxSeconds) throws Exception {
    if (!o.verify()) {
      return;
    }
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    long left;
    while ((left = pending()) > 0) {
      if (System.nanoTime() > deadline) {
        System.out.printf("  %d events still unapplied after %d s%n", left, maxSeconds);
        return;
      }
      Thread.sleep(500);
    }
  }

  /** Lost: acknowledged but not in the database. Duplicated: in the database more than once. */
  private void verify() throws Exception {
    Set<String> bodies = new HashSet<>();
    Set<String> messages = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    for (Request r : acknowledged) {
      bodies.add(hex(sha256(r.body())));
      if (r.kind() == Kind.NEW || (r.kind() == Kind.DUPLICATE && r.status() == null)) {
        messages.add(r.wamid());
      } else {
        statuses.add(r.wamid() + "|" + r.status() + "|" + r.at());
      }
    }
    Map<String, Long> events = new LinkedHashMap<>();
    long storedEvents = 0;
    long unapplied = 0;
    List<String> hashes = new ArrayList<>(bodies);
    try (Connection c = db()) {
      for (int from = 0; from < hashes.size(); from += 1000) {
        List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 1000));
        try (PreparedStatement s =
            c.prepareStatement(
                // UNHEX on the parameters, not HEX on the column: the unique index answers.
                "SELECT COUNT(*), SUM(state <> 'APPLIED') FROM webhook_event WHERE body_sha256 IN ("
                    + "UNHEX(?),".repeat(chunk.size() - 1)
                    + "UNHEX(?))")) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 1, chunk.get(i).toUpperCase());
          }
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            storedEvents += rs.getLong(1);
            unapplied += rs.getLong(2);
          }
        }
      }
      long storedMessages = 0;
      long messageRows = 0;
      List<String> wamids = new ArrayList<>(messages);
      for (int from = 0; from < wamids.size(); from += 1000) {
        List<String> chunk = wamids.subList(from, Math.min(wamids.size(), from + 1000));
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(DISTINCT wamid), COUNT(*) FROM message WHERE tenant_id = ? AND wamid IN ("
                    + "?,".repeat(chunk.size() - 1)
                    + "?)")) {
          s.setLong(1, tenantId);
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            storedMessages += rs.getLong(1);
            messageRows += rs.getLong(2);
          }
        }
      }
      Set<String> storedStatuses = new HashSet<>();
      long statusRows = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT wamid, status, UNIX_TIMESTAMP(occurred_at) FROM message_status WHERE tenant_id = ?")) {
        s.setLong(1, tenantId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            statusRows++;
            storedStatuses.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
          }
        }
      }
      long lostStatuses = statuses.stream().filter(k -> !storedStatuses.contains(k)).count();
      events.put("acknowledged POSTs", (long) acknowledged.size());
      events.put("distinct acknowledged bodies", (long) bodies.size());
      events.put("  stored events for them", storedEvents);
      events.put("  of which not applied", unapplied);
      events.put("  lost events", bodies.size() - storedEvents);
      events.put("acknowledged new messages", (long) messages.size());
      events.put("  lost messages", messages.size() - storedMessages);
      events.put("  duplicated messages", messageRows - storedMessages);
      events.put("acknowledged status reports", (long) statuses.size());
      events.put("  lost status reports", lostStatuses);
      events.put("  duplicated status reports", statusRows - storedStatuses.size());
    }
    result.put("lost_messages", events.get("  lost messages"));
    result.put("duplicated_messages", events.get("  duplicated messages"));
    result.put("lost_statuses", events.get("  lost status reports"));
    result.put("duplicated_statuses", events.get("  duplicated status reports"));
    result.put("unapplied_events", events.get("  of which not applied"));
    System.out.println("Verification after the server applied everything:");
    events.forEach((k, v) -> System.out.printf("  %-32s %d%n", k, v));
  }

  private Connection db() throws SQLException {
    return DriverManager.getConnection(o.dbUrl(), o.dbUser(), o.dbPassword());
  }

  static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
