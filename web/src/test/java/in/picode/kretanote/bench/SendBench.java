package in.picode.kretanote.bench;

import in.picode.kretanote.crypto.control.DataKeys;
import in.picode.kretanote.crypto.control.EnvelopeCipher;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import in.picode.kretanote.crypto.entity.TenantDataKey;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.meta.SimState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Outbound throughput of a running KretaNote against the Meta simulator, which this harness starts
 * in its own JVM (the server's {@code kretanote.meta.graph-url} must point at it) with an injected
 * Graph latency. The harness lays out businesses, numbers, customers and their open conversations
 * through JDBC (tokens sealed with the server's key-encryption key, as the vault does), then puts
 * each run's messages into the outbox in one statement and lets the server's sender drain them.
 * What reached "Meta" is counted from the simulator's own record of accepted sends: rate, ratio to
 * the number's limit, duplicates (the same request accepted twice), one-second windows above the
 * limit (sliding, from the accepted times) and 130429 refusals (the sender asked above the limit).
 *
 * <p>Runs: {@code 80@250} one number at 80/s with 250 ms latency; {@code 80@50}; {@code 1000@250}
 * one number at 1,000/s (throughput level HIGH); {@code 20x80@250} twenty numbers at 80/s together;
 * {@code replies@250}: a campaign on a 1,000/s number and 100 replies on the same number and 100 of
 * another business during it (each timed from its insert to its answer stored, p50/p99).
 *
 * <p>Arguments: {@code --db-url --db-user --db-password --kek <id:base64> --sim-port 19797
 * --seconds 15 --runs 80@250,80@50,1000@250,20x80@250,replies@250 --label new}.
 */
public final class SendBench {

  private final Map<String, String> o;
  private final Connection db;
  private final MetaSimulator sim;
  private final DataKeys keys;
  private final int seconds;
  private final String label;
  private final Map<String, String> result = new LinkedHashMap<>();

  record Number(long tenant, long connection, String pnid, int limit) {}

  private SendBench(Map<String, String> o) throws Exception {
    this.o = o;
    this.db =
        DriverManager.getConnection(
            o.get("db-url"), o.getOrDefault("db-user", "kretanote"), o.get("db-password"));
    this.keys = new DataKeys(KeyEncryptionKeys.parse(o.get("kek"), null), new EnvelopeCipher());
    this.seconds = Integer.parseInt(o.getOrDefault("seconds", "15"));
    this.label = o.getOrDefault("label", "run");
    this.sim =
        MetaSimulator.builder()
            .port(Integer.parseInt(o.getOrDefault("sim-port", "19797")))
            .appSecret("bench-secret")
            .throughputPerSecond(80)
            .start();
  }

  public static void main(String[] args) throws Exception {
    // The JDK's HttpServer under the simulator keeps at most 200 idle connections and closes the
    // rest; 20 numbers with 250 ms of latency hold about 400 connections, so the server closed
    // some between two calls and the sender's next call on them got no answer (UNKNOWN, and its
    // number held for 5 s). Meta keeps its connections; so does the simulator here.
    System.setProperty(
        "sun.net.httpserver.maxIdleConnections",
        System.getProperty("sun.net.httpserver.maxIdleConnections", "4096"));
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    SendBench bench = new SendBench(o);
    try {
      System.out.println("Meta simulator at " + bench.sim.baseUrl());
      for (String run :
          o.getOrDefault("runs", "80@250,80@50,1000@250,20x80@250,replies@250").split(",")) {
        bench.run(run.trim());
      }
      StringBuilder line = new StringBuilder("RESULT SendBench label=" + bench.label);
      bench.result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
      System.out.println(line);
    } finally {
      bench.sim.close();
      bench.db.close();
    }
    System.exit(0);
  }

  private void run(String run) throws Exception {
    String[] parts = run.split("@");
    long latency = Long.parseLong(parts[1]);
    sim.setSendLatency(Duration.ofMillis(latency));
    String key = "n" + parts[0] + "_" + latency + "ms";
    if (parts[0].equals("replies")) {
      replies(latency);
      return;
    }
    int count = parts[0].contains("x") ? Integer.parseInt(parts[0].split("x")[0]) : 1;
    int limit = Integer.parseInt(parts[0].contains("x") ? parts[0].split("x")[1] : parts[0]);
    List<Number> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(number(business("bench " + run + " " + i), limit));
    }
    int perNumber = limit * seconds;
    for (Number n : numbers) {
      customers(n, perNumber, "c");
    }
    Instant start = Instant.now();
    for (Number n : numbers) {
      queue(n, "c", null);
    }
    long total = (long) perNumber * numbers.size();
    awaitSent(numbers, total, Duration.ofSeconds(seconds * 4L + 30));
    Duration took = Duration.between(start, Instant.now());
    long left = cancelRest(numbers);
    double sum = 0;
    double worst = Double.MAX_VALUE;
    long duplicates = 0;
    long windows = 0;
    long refused = 0;
    long accepted = 0;
    for (Number n : numbers) {
      Figures f = figures(n);
      sum += f.rate;
      worst = Math.min(worst, f.rate / n.limit);
      duplicates += f.duplicates;
      windows += f.windowsOver;
      refused += f.refused;
      accepted += f.accepted;
    }
    long unknown = count(numbers, "UNKNOWN") + count(numbers, "FAILED");
    System.out.printf(
        Locale.ROOT,
        "%-12s numbers=%d limit=%d/s each, latency %d ms: %d accepted in %.1f s, %.1f msg/s"
            + " together, worst number at %.1f %% of its limit; duplicates %d, windows over the"
            + " limit %d, 130429 refusals %d, unknown/failed %d, not sent in time %d%n",
        run,
        count,
        limit,
        latency,
        accepted,
        took.toMillis() / 1000.0,
        sum,
        worst * 100,
        duplicates,
        windows,
        refused,
        unknown,
        left);
    result.put(key + "_not_sent_in_time", Long.toString(left));
    result.put(key + "_rate", String.format(Locale.ROOT, "%.1f", sum));
    result.put(key + "_ratio", String.format(Locale.ROOT, "%.3f", worst));
    result.put(key + "_duplicates", Long.toString(duplicates));
    result.put(key + "_windows_over", Long.toString(windows));
    result.put(key + "_refused_130429", Long.toString(refused));
    result.put(key + "_unknown_or_failed", Long.toString(unknown));
  }

  /** Replies on a number in a 1,000/s campaign, and of another business, timed one by one. */
  private void replies(long latency) throws Exception {
    Number busy = number(business("bench replies campaign"), 1000);
    Number other = number(business("bench replies other"), 80);
    customers(busy, 1000 * seconds, "c");
    customers(busy, 100, "r");
    customers(other, 100, "r");
    long campaign = campaign(busy);
    queue(busy, "c", campaign);
    Thread.sleep(1000);
    for (int i = 0; i < 100; i++) {
      queueOne(busy, "r", i);
      queueOne(other, "r", i);
      Thread.sleep(Math.max(10, seconds * 1000L / 2 / 100));
    }
    awaitSent(List.of(busy), 1000L * seconds + 100, Duration.ofSeconds(seconds * 4L + 30));
    awaitSent(List.of(other), 100, Duration.ofSeconds(30));
    cancelRest(List.of(busy, other));
    long[] same = replyMillis(busy);
    long[] another = replyMillis(other);
    String key = "replies_" + latency + "ms";
    System.out.printf(
        Locale.ROOT,
        "%-12s reply during the campaign, same number: p50 %d ms, p99 %d ms (%d);"
            + " another business: p50 %d ms, p99 %d ms (%d)%n",
        "replies@" + latency,
        pct(same, 50),
        pct(same, 99),
        same.length,
        pct(another, 50),
        pct(another, 99),
        another.length);
    result.put(key + "_same_number_p99_ms", Long.toString(pct(same, 99)));
    result.put(key + "_other_business_p99_ms", Long.toString(pct(another, 99)));
  }

  // --- what the simulator saw ---

  record Figures(long accepted, double rate, long duplicates, long windowsOver, long refused) {}

  private Figures figures(Number n) {
    SimState.SendRecord record = sim.sendRecord(n.pnid);
    List<long[]> sends = new ArrayList<>(record.acceptedSends());
    sends.sort((a, b) -> Long.compare(a[0], b[0]));
    Set<Long> seen = new HashSet<>();
    long duplicates = 0;
    for (long[] s : sends) {
      if (!seen.add(s[1])) {
        duplicates++;
      }
    }
    long over = 0;
    int j = 0;
    for (int i = 0; i < sends.size(); i++) {
      while (j < sends.size() && sends.get(j)[0] - sends.get(i)[0] < 1_000_000L) {
        j++;
      }
      if (j - i > n.limit) {
        over++;
      }
    }
    double rate = 0;
    if (sends.size() > 1) {
      long span = sends.get(sends.size() - 1)[0] - sends.get(0)[0];
      rate = (sends.size() - 1) * 1_000_000.0 / Math.max(1, span);
    }
    return new Figures(sends.size(), rate, duplicates, over, record.refusedThroughput());
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }

  // --- the database ---

  private long business(String name) throws SQLException {
    long tenant;
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT INTO tenant (name, status) VALUES (?, 'ACTIVE')",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, name);
      s.executeUpdate();
      try (ResultSet rs = s.getGeneratedKeys()) {
        rs.next();
        tenant = rs.getLong(1);
      }
    }
    TenantDataKey key = keys.generate(tenant, 1, Instant.now());
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT INTO tenant_data_key (tenant_id, key_version, kek_id, wrapped_key)"
                + " VALUES (?, 1, ?, ?)")) {
      s.setLong(1, tenant);
      s.setString(2, key.getKekId().orElseThrow());
      s.setBytes(3, key.getWrappedKey().orElseThrow());
      s.executeUpdate();
    }
    dataKeys.put(tenant, key);
    return tenant;
  }

  private final Map<Long, TenantDataKey> dataKeys = new LinkedHashMap<>();

  private Number number(long tenant, int limit) throws SQLException {
    String pnid = "1097" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
    String waba = "2097" + pnid.substring(4);
    String token = sim.connectNumber(waba, pnid, "+1 555 01" + pnid.substring(8), "Bench");
    sim.setThroughput(pnid, limit);
    byte[] sealed =
        keys.encrypt(
            dataKeys.get(tenant), "meta-access-token", token.getBytes(StandardCharsets.UTF_8));
    long id;
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                + " access_token, throughput_level, next_probe_at, connected_at, created_at,"
                + " updated_at) VALUES (?, ?, ?, 'CONNECTED', ?, ?, NOW(6) + INTERVAL 1 DAY,"
                + " NOW(6), NOW(6), NOW(6))",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, tenant);
      s.setString(2, waba);
      s.setString(3, pnid);
      s.setBytes(4, sealed);
      s.setString(5, limit > 80 ? "HIGH" : "STANDARD");
      s.executeUpdate();
      try (ResultSet rs = s.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    return new Number(tenant, id, pnid, limit);
  }

  /** {@code count} customers of the number who wrote just now, each with a pending message. */
  private void customers(Number n, int count, String group) throws SQLException {
    String prefix = group + n.connection + "x";
    for (int from = 0; from < count; from += 1000) {
      int rows = Math.min(1000, count - from);
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO contact (tenant_id, identity_key, wa_id, created_at, updated_at)"
                  + " VALUES ");
      for (int i = 0; i < rows; i++) {
        sql.append(i == 0 ? "" : ",").append("(?, ?, ?, NOW(6), NOW(6))");
      }
      try (PreparedStatement s = db.prepareStatement(sql.toString())) {
        int p = 1;
        for (int i = 0; i < rows; i++) {
          String wa =
              "49"
                  + String.format(
                      Locale.ROOT,
                      "%013d",
                      n.connection * 1_000_000L + from + i + (group.equals("r") ? 900_000 : 0));
          s.setLong(p++, n.tenant);
          s.setString(p++, prefix + (from + i));
          s.setString(p++, wa);
        }
        s.executeUpdate();
      }
    }
    update(
        "INSERT INTO conversation (tenant_id, connection_id, contact_id, status, opened_at,"
            + " last_customer_message_at, window_expires_at, last_activity_at)"
            + " SELECT tenant_id, ?, id, 'OPEN', NOW(6), NOW(6), NOW(6) + INTERVAL 1 DAY, NOW(6)"
            + " FROM contact WHERE tenant_id = ? AND identity_key LIKE ?",
        n.connection,
        n.tenant,
        prefix + "%");
    update(
        "INSERT INTO message (tenant_id, conversation_id, contact_id, connection_id, direction,"
            + " type, text, status, created_at, received_at)"
            + " SELECT c.tenant_id, c.id, c.contact_id, c.connection_id, 'OUTBOUND', 'text',"
            + " CONCAT('bench ', k.identity_key), 'PENDING', NOW(6), NOW(6)"
            + " FROM conversation c JOIN contact k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id"
            + " WHERE c.tenant_id = ? AND c.connection_id = ? AND k.identity_key LIKE ?",
        n.tenant,
        n.connection,
        prefix + "%");
  }

  private static final String REQUEST =
      "CONCAT('{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"',"
          + " k.wa_id, '\",\"type\":\"text\",\"text\":{\"body\":\"', m.text, '\"}}')";

  private static final String OUTBOX =
      "INSERT INTO outbox (tenant_id, message_id, connection_id, contact_id, conversation_id,"
          + " campaign_id, idempotency_key, request_sha256, category, kind, recipient, request,"
          + " state, next_attempt_at, created_at, updated_at)"
          + " SELECT m.tenant_id, m.id, m.connection_id, m.contact_id, m.conversation_id, ?,"
          + " CONCAT('bench-', m.id), UNHEX(SHA2("
          + REQUEST
          + ", 256)), 'SERVICE', 'FREE_FORM', k.wa_id, "
          + REQUEST
          + ", 'QUEUED', NOW(6), NOW(6), NOW(6)"
          + " FROM message m JOIN contact k ON k.tenant_id = m.tenant_id AND k.id = m.contact_id"
          + " WHERE m.tenant_id = ? AND m.connection_id = ? AND k.identity_key LIKE ?";

  /** Puts the group's messages into the outbox at once (a campaign's when {@code campaign}). */
  private void queue(Number n, String group, Long campaign) throws SQLException {
    update(OUTBOX, campaign, n.tenant, n.connection, group + n.connection + "x%");
  }

  private void queueOne(Number n, String group, int i) throws SQLException {
    update(OUTBOX, null, n.tenant, n.connection, group + n.connection + "x" + i);
  }

  /**
   * A campaign row to mark the outbox rows of the campaign lane (finished: no timer touches it).
   */
  private long campaign(Number n) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT INTO campaign (tenant_id, connection_id, name, template_name,"
                + " template_language, body_values, state, materialised, created_at, updated_at)"
                + " VALUES (?, ?, 'bench', 'bench', 'en', '[]', 'COMPLETED', TRUE, NOW(6), NOW(6))",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, n.tenant);
      s.setLong(2, n.connection);
      s.executeUpdate();
      try (ResultSet rs = s.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long[] replyMillis(Number n) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT TIMESTAMPDIFF(MICROSECOND, created_at, updated_at) FROM outbox"
                + " WHERE tenant_id = ? AND connection_id = ? AND campaign_id IS NULL"
                + " AND state = 'SENT'")) {
      s.setLong(1, n.tenant);
      s.setLong(2, n.connection);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1) / 1000);
        }
      }
    }
    long[] a = out.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }

  private void awaitSent(List<Number> numbers, long total, Duration max) throws Exception {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      if (count(numbers, "SENT") + count(numbers, "UNKNOWN") + count(numbers, "FAILED") >= total) {
        return;
      }
      Thread.sleep(250);
    }
    System.out.println("  (not all sent within " + max.toSeconds() + " s)");
  }

  /** Rows still waiting after the run's time are withdrawn, so they do not load the next run. */
  private long cancelRest(List<Number> numbers) throws SQLException {
    long left = 0;
    for (Number n : numbers) {
      try (PreparedStatement s =
          db.prepareStatement(
              "UPDATE outbox SET state = 'REFUSED', lease_owner = NULL, lease_until = NULL"
                  + " WHERE tenant_id = ? AND connection_id = ? AND state IN ('QUEUED', 'RETRY')")) {
        s.setLong(1, n.tenant);
        s.setLong(2, n.connection);
        left += s.executeUpdate();
      }
    }
    return left;
  }

  private long count(List<Number> numbers, String state) throws SQLException {
    long sum = 0;
    for (Number n : numbers) {
      try (PreparedStatement s =
          db.prepareStatement(
              "SELECT COUNT(*) FROM outbox WHERE tenant_id = ? AND connection_id = ?"
                  + " AND state = ?")) {
        s.setLong(1, n.tenant);
        s.setLong(2, n.connection);
        s.setString(3, state);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          sum += rs.getLong(1);
        }
      }
    }
    return sum;
  }

  private void update(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }
}
