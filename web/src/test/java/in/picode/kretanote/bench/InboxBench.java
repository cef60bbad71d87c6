package in.picode.kretanote.bench;

import in.picode.kretanote.messaging.boundary.Inbox.Cursor;
import in.picode.kretanote.messaging.boundary.Inbox.Owner;
import in.picode.kretanote.messaging.boundary.Inbox.State;
import in.picode.kretanote.messaging.control.InboxQuery;
import in.picode.kretanote.platform.control.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The inbox benchmark of issue 7: seeds one tenant with 50,000 contacts, 100,000 conversations and
 * 1,000,000 messages (one conversation holds 5,000) into a fresh database built by the migrations,
 * then times the dashboard's queries with plain JDBC (the database's share of a page, p50/p95 over
 * repeated runs) and prints each plan with EXPLAIN.
 *
 * <pre>
 * ./mvnw -B -pl web -Pbench test-compile exec:java -Dbench.main=in.picode.kretanote.bench.InboxBench \
 *   -Dbench.args="jdbc:mariadb://127.0.0.1:3306/kretanote_bench user password [conversations] [messages]"
 * </pre>
 *
 * The database named in the URL is dropped and created again.
 */
public final class InboxBench {

  static final int CONTACTS = 50_000;
  static final int BIG_CONVERSATION_MESSAGES = 5_000;
  static final int ROUNDS = 40;

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    if (args.length > 3 && args[3].equals("reuse")) {
      try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
        measure(c, reuse(c));
      }
      return;
    }
    int conversations = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    int messages = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
    String db = url.substring(url.lastIndexOf('/') + 1);
    if (!db.startsWith("kretanote")) {
      throw new IllegalArgumentException("The benchmark drops its database; name it kretanote…");
    }
    String server = url.substring(0, url.lastIndexOf('/') + 1);
    try (Connection c = java.sql.DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + db + "`");
      s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4");
    }
    MariaDbDataSource ds = new MariaDbDataSource(url);
    ds.setUser(user);
    ds.setPassword(password);
    new SchemaMigrator(ds, InboxBench.class.getClassLoader()).migrate();
    long started = System.nanoTime();
    Seeded seeded;
    try (Connection c = ds.getConnection()) {
      seeded = seed(c, conversations, messages);
    }
    System.out.printf(
        "Seeded %,d contacts, %,d conversations, %,d messages in %.0f s%n",
        CONTACTS, conversations, messages, (System.nanoTime() - started) / 1e9);
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE TABLE conversation, message, contact");
      }
      measure(c, seeded);
    }
  }

  record Seeded(long tenant, long agent, long bigConversation) {}

  /** Measures an earlier seed again (argument "reuse" instead of the sizes). */
  static Seeded reuse(Connection c) throws SQLException {
    List<Object[]> r =
        rows(
            c,
            new InboxQuery.Sql(
                "SELECT t.id, (SELECT MIN(u.id) FROM user_account u WHERE u.tenant_id = t.id),"
                    + " (SELECT MIN(v.id) FROM conversation v WHERE v.tenant_id = t.id)"
                    + " FROM tenant t WHERE t.name = 'Bench'",
                List.of()));
    return new Seeded(
        ((Number) r.get(0)[0]).longValue(),
        ((Number) r.get(0)[1]).longValue(),
        ((Number) r.get(0)[2]).longValue());
  }

  static Seeded seed(Connection c, int conversations, int messages) throws SQLException {
    Random random = new Random(42);
    c.setAutoCommit(false);
    long tenant = insert(c, "INSERT INTO tenant (name, status) VALUES ('Bench', 'ACTIVE')");
    long agent =
        insert(
            c,
            "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status)"
                + " VALUES ("
                + tenant
                + ", 'agent@bench.test', 'Agent', 'x', 'AGENT', 'ACTIVE')");
    int numbers = (conversations + CONTACTS - 1) / CONTACTS;
    long[] connections = new long[numbers];
    for (int i = 0; i < numbers; i++) {
      connections[i] =
          insert(
              c,
              "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
                  + " display_phone_number, status, created_at, updated_at) VALUES ("
                  + tenant
                  + ", 'waba-bench', '9000"
                  + i
                  + "', '1555000', 'CONNECTED', NOW(6), NOW(6))");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long firstContact = 0;
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < CONTACTS; i++) {
      sql.append(
          sql.length() == 0
              ? "INSERT INTO contact (tenant_id, identity_key, wa_id,"
                  + " profile_name, display_name, created_at, updated_at) VALUES "
              : ",");
      String wa = "49151" + (10_000_000 + i);
      sql.append("(")
          .append(tenant)
          .append(",'")
          .append(wa)
          .append("','")
          .append(wa)
          .append("','Customer ")
          .append(i)
          .append("','Customer ")
          .append(i)
          .append("',NOW(6),NOW(6))");
      if (i % 2000 == 1999 || i == CONTACTS - 1) {
        long first = insert(c, sql.toString());
        firstContact = firstContact == 0 ? first : firstContact;
        sql.setLength(0);
      }
    }
    c.commit();
    // Messages per conversation: the first holds the big history, the rest share the remainder.
    int rest = messages - BIG_CONVERSATION_MESSAGES;
    long firstConversation = 0;
    long messageCount = 0;
    String[] words = {
      "order",
      "table",
      "delivery",
      "price",
      "thanks",
      "tomorrow",
      "invoice",
      "hello",
      "booking",
      "refund",
      "size",
      "colour"
    };
    for (int i = 0; i < conversations; i++) {
      int count =
          i == 0
              ? BIG_CONVERSATION_MESSAGES
              : rest / (conversations - 1) + (i <= rest % (conversations - 1) ? 1 : 0);
      Instant last = now.minus(random.nextInt(180 * 24 * 60), ChronoUnit.MINUTES);
      boolean closed = random.nextInt(10) < 6;
      String assignee = random.nextInt(4) == 0 ? Long.toString(agent) : "NULL";
      long conversation =
          insert(
              c,
              "INSERT INTO conversation (tenant_id, connection_id, contact_id, status, opened_at,"
                  + " closed_at, last_customer_message_at, window_expires_at, last_activity_at,"
                  + " unread_count, assignee_id) VALUES ("
                  + tenant
                  + ","
                  + connections[i / CONTACTS]
                  + ","
                  + (firstContact + i % CONTACTS)
                  + ",'"
                  + (closed ? "CLOSED" : "OPEN")
                  + "','"
                  + ts(last.minusSeconds(3600))
                  + "',"
                  + (closed ? "'" + ts(last) + "'" : "NULL")
                  + ",'"
                  + ts(last)
                  + "','"
                  + ts(last.plus(1, ChronoUnit.DAYS))
                  + "','"
                  + ts(last)
                  + "',"
                  + (closed ? 0 : random.nextInt(3))
                  + ","
                  + assignee
                  + ")");
      firstConversation = firstConversation == 0 ? conversation : firstConversation;
      sql.setLength(0);
      for (int m = 0; m < count; m++) {
        sql.append(
            sql.length() == 0
                ? "INSERT INTO message (tenant_id, conversation_id,"
                    + " contact_id, connection_id, wamid, direction, type, text, status, created_at,"
                    + " received_at) VALUES "
                : ",");
        boolean in = random.nextBoolean();
        Instant at = last.minusSeconds((long) (count - m) * 90);
        sql.append("(")
            .append(tenant)
            .append(",")
            .append(conversation)
            .append(",")
            .append(firstContact + i % CONTACTS)
            .append(",")
            .append(connections[i / CONTACTS])
            .append(",'wamid.bench.")
            .append(++messageCount)
            .append("','")
            .append(in ? "INBOUND" : "OUTBOUND")
            .append("','text','")
            .append(words[random.nextInt(words.length)])
            .append(' ')
            .append(words[random.nextInt(words.length)])
            .append(" message ")
            .append(messageCount)
            .append("','")
            .append(in ? "RECEIVED" : "DELIVERED")
            .append("','")
            .append(ts(at))
            .append("','")
            .append(ts(at))
            .append("')");
        if (m % 1000 == 999 || m == count - 1) {
          try (Statement s = c.createStatement()) {
            s.executeUpdate(sql.toString());
          }
          sql.setLength(0);
        }
      }
      if (i % 500 == 499) {
        c.commit();
      }
      if (i % 20_000 == 19_999) {
        System.out.printf("  %,d conversations, %,d messages%n", i + 1, messageCount);
      }
    }
    c.commit();
    c.setAutoCommit(true);
    return new Seeded(tenant, agent, firstConversation);
  }

  static String ts(Instant i) {
    return Timestamp.from(i).toString();
  }

  static long insert(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static void measure(Connection c, Seeded s) throws SQLException {
    Instant now = Instant.now();
    InboxQuery.Sql first =
        InboxQuery.page(s.tenant(), s.agent(), Owner.ALL, State.ANY, null, null, null, now, 25);
    report(c, "inbox, first page (all)", first);
    report(
        c,
        "inbox, first page (open)",
        InboxQuery.page(s.tenant(), s.agent(), Owner.ALL, State.OPEN, null, null, null, now, 25));
    report(
        c,
        "inbox, first page (mine, open)",
        InboxQuery.page(s.tenant(), s.agent(), Owner.MINE, State.OPEN, null, null, null, now, 25));
    Cursor cursor = null;
    InboxQuery.Sql page = first;
    for (int i = 0; i < 49; i++) {
      List<Object[]> rows = rows(c, page);
      Object[] last = rows.get(rows.size() - 1);
      cursor = new Cursor(((Timestamp) last[3]).toInstant(), ((Number) last[0]).longValue());
      page =
          InboxQuery.page(s.tenant(), s.agent(), Owner.ALL, State.ANY, null, null, cursor, now, 25);
    }
    report(c, "inbox, page 50 (all)", page);
    for (String term : List.of("424242", "Customer 4242", "refund")) {
      InboxQuery.Sql matches = InboxQuery.searchMatches(s.tenant(), term, 1000);
      report(c, "search step 1, matching ids \"" + term + "\"", matches);
      List<Long> ids = new ArrayList<>();
      for (Object[] r : rows(c, matches)) {
        if (!ids.contains(((Number) r[0]).longValue())) {
          ids.add(((Number) r[0]).longValue());
        }
      }
      report(
          c,
          "search step 2, inbox page \"" + term + "\" (" + ids.size() + " ids)",
          InboxQuery.page(
              s.tenant(),
              s.agent(),
              Owner.ALL,
              State.ANY,
              null,
              term,
              ids.size() > 1000 ? null : ids,
              null,
              now,
              25));
    }
    report(
        c,
        "conversation with 5,000 messages, latest page",
        new InboxQuery.Sql(
            "SELECT id, direction, type, text, status, created_at FROM message"
                + " WHERE tenant_id = ? AND conversation_id = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT 50",
            List.of(s.tenant(), s.bigConversation())));
    report(
        c,
        "contact search \"customer 4242\"",
        new InboxQuery.Sql(
            "SELECT id, display_name, wa_id FROM contact WHERE tenant_id = ?"
                + " AND display_name LIKE ? ORDER BY id DESC LIMIT 51",
            List.of(s.tenant(), "customer 4242%")));
    report(
        c,
        "contact search \"+49151100042\" (number prefix)",
        new InboxQuery.Sql(
            "SELECT id, display_name, wa_id FROM contact WHERE tenant_id = ?"
                + " AND wa_id LIKE ? ORDER BY id DESC LIMIT 51",
            List.of(s.tenant(), "49151100042%")));
    report(
        c,
        "inbox poll (changed since)",
        new InboxQuery.Sql(
            "SELECT COUNT(*) FROM conversation FORCE INDEX (conversation_activity_ix)"
                + " WHERE tenant_id = ? AND last_activity_at > ?",
            List.of(s.tenant(), now.minusSeconds(5))));
  }

  static void report(Connection c, String name, InboxQuery.Sql sql) throws SQLException {
    rows(c, sql);
    long[] nanos = new long[ROUNDS];
    int size = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long t = System.nanoTime();
      size = rows(c, sql).size();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%n%-48s rows %3d  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n",
        name,
        size,
        nanos[ROUNDS / 2] / 1e6,
        nanos[(int) (ROUNDS * 0.95)] / 1e6,
        nanos[ROUNDS - 1] / 1e6);
    for (Object[] row : rows(c, new InboxQuery.Sql("EXPLAIN " + sql.sql(), sql.params()))) {
      System.out.println("  EXPLAIN " + Arrays.toString(row));
    }
  }

  static List<Object[]> rows(Connection c, InboxQuery.Sql sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.params().size(); i++) {
        Object p = sql.params().get(i);
        s.setObject(i + 1, p instanceof Instant t ? Timestamp.from(t) : p);
      }
      List<Object[]> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Object[] row = new Object[meta.getColumnCount()];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          out.add(row);
        }
      }
      return out;
    }
  }
}
