package in.picode.kretanote.platform.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Backups and deletion, with the real server-config scripts against MariaDB (no Payara): backups
 * older than the retention are pruned, and a restore of a backup taken before an account deletion,
 * a contact's erasure and a deletion request applies them again, so the restored database and media
 * folder hold nothing of what was deleted since.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupDeletionIT {

  static final String BASE = System.getProperty("kretanote.it.db.name", "kretanote_it");
  static final String LIVE = BASE + "_bdel_live";
  static final String RESTORED = BASE + "_bdel_restored";
  static final String BLIND = BASE + "_bdel_blind";
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  Path work;
  String server;
  String user;
  String password;
  Path backups;
  Path backup;
  String backupOutput;

  /** The account deleted after the backup, the one with an erased contact, the pending one. */
  Seeded deleted;

  Seeded erasedIn;
  Seeded pending;
  long erasedContact;
  long keptContact;
  String erasedWaId;
  String keptWaId;

  record Seeded(long tenant, long connection, String pnid) {}

  @BeforeAll
  void seedBackUpAndDeleteAfterwards(@TempDir Path tempDir) throws Exception {
    work = tempDir;
    String url = System.getProperty("kretanote.it.db.url");
    assertThat(url).as("kretanote.it.db.url (set by ItDatabaseSession under Failsafe)").isNotNull();
    server = url.substring(0, url.lastIndexOf('/') + 1);
    user = System.getProperty("kretanote.it.db.user");
    password = System.getProperty("kretanote.it.db.password");
    for (String db : List.of(LIVE, RESTORED, BLIND)) {
      recreate(db);
    }
    MariaDbDataSource live = new MariaDbDataSource(server + LIVE);
    live.setUser(user);
    live.setPassword(password);
    new SchemaMigrator(live, getClass().getClassLoader()).migrate();

    deleted = tenant("Deleted later", "CONNECTED");
    erasedIn = tenant("Erases a contact", "DISCONNECTED");
    pending = tenant("Deletion pending", "CONNECTED");
    long doomedContact = contact(deleted, "4915100000001");
    message(deleted, doomedContact, "deleted account's message");
    event(deleted, "4915100000001", "deleted account's message");
    erasedWaId = "4915100000002";
    keptWaId = "4915100000003";
    erasedContact = contact(erasedIn, erasedWaId);
    keptContact = contact(erasedIn, keptWaId);
    message(erasedIn, erasedContact, "erased person's message");
    message(erasedIn, keptContact, "kept person's message");
    event(erasedIn, erasedWaId, "erased person's message");
    event(erasedIn, keptWaId, "kept person's message");

    // Backups from before: one past the 30-day retention, one within it, and a folder that is
    // not a backup.
    backups = Files.createDirectories(work.resolve("backups"));
    Files.createDirectories(backups.resolve("kretanote-backup-20250101T000000Z"));
    Files.writeString(backups.resolve("kretanote-backup-20250101T000000Z/MANIFEST"), "old");
    Files.createDirectories(
        backups.resolve(
            "kretanote-backup-" + STAMP.format(Instant.now().minus(Duration.ofDays(10)))));
    Files.createDirectories(backups.resolve("notes"));

    Result b = run(LIVE, work.resolve("media"), Map.of(), "backup.sh", backups.toString());
    assertThat(b.exit).as("backup.sh failed:%n%s", b.output).isZero();
    backupOutput = b.output;
    backup = Path.of(b.output.strip().lines().reduce((x, y) -> y).orElseThrow());

    // After the backup, the application deletes and erases in the live database.
    Thread.sleep(1100);
    purgeInLive(deleted.tenant());
    eraseInLive(erasedIn.tenant(), erasedContact);
    exec(
        "insert into account_deletion (tenant_ref, status, owner_email, requested_at,"
            + " purge_after) values (?, 'PENDING', 'owner@pending.test', ?, ?)",
        pending.tenant(),
        ts(Instant.now()),
        ts(Instant.now().plus(Duration.ofDays(30))));
    exec("update tenant set status = 'DELETION_PENDING' where id = ?", pending.tenant());
    exec(
        "update whatsapp_connection set access_token = null, status = 'DISCONNECTED'"
            + " where tenant_id = ?",
        pending.tenant());
  }

  @AfterAll
  void dropDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      for (String db : List.of(LIVE, RESTORED, BLIND)) {
        s.execute("DROP DATABASE IF EXISTS " + db);
      }
    }
  }

  @Test
  @Order(1)
  void aBackupRunDeletesBackupsOlderThanTheRetentionAndPruneOnlyDoesTheSame() throws Exception {
    assertThat(backups.resolve("kretanote-backup-20250101T000000Z")).doesNotExist();
    assertThat(backupOutput).contains("prune: deleted kretanote-backup-20250101T000000Z");
    assertThat(backup).isDirectory();
    assertThat(backups.resolve("notes")).as("not a backup: left alone").isDirectory();
    assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("snapshot_at 20");
    try (var list = Files.list(backups)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .as("the 10-day-old backup is within 30 days")
          .hasSize(3);
    }

    Result bad =
        run(
            LIVE,
            work.resolve("media"),
            Map.of("KRETANOTE_BACKUP_RETENTION_DAYS", "none"),
            "backup.sh",
            "--prune",
            backups.toString());
    assertThat(bad.exit).isNotZero();
    assertThat(bad.output).contains("KRETANOTE_BACKUP_RETENTION_DAYS");

    Result pruned =
        run(
            LIVE,
            work.resolve("media"),
            Map.of("KRETANOTE_BACKUP_RETENTION_DAYS", "5"),
            "backup.sh",
            "--prune",
            backups.toString());
    assertThat(pruned.exit).as(pruned.output).isZero();
    try (var list = Files.list(backups)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("notes", backup.getFileName().toString());
    }
  }

  @Test
  @Order(2)
  void aRestoreIntoANewDatabaseAppliesTheLiveDatabasesLaterDeletionsAgain() throws Exception {
    Path media = work.resolve("restored-media");
    Result r =
        run(RESTORED, media, Map.of(), "restore.sh", "--deletions-from", LIVE, backup.toString());
    assertThat(r.exit).as("restore.sh failed:%n%s", r.output).isZero();
    assertThat(r.output)
        .contains("1 purged accounts deleted", "1 deletions pending again", "1 contacts erased");
    assertNothingDeletedCameBack(RESTORED, media);
  }

  @Test
  @Order(4)
  void aRestoreOverTheLiveDatabaseReadsItsDeletionsBeforeDroppingIt() throws Exception {
    Path media = work.resolve("media");
    Result r = run(LIVE, media, Map.of(), "restore.sh", "--force", backup.toString());
    assertThat(r.exit).as("restore.sh failed:%n%s", r.output).isZero();
    assertNothingDeletedCameBack(LIVE, media);
  }

  @Test
  @Order(3)
  void withoutALiveDatabaseTheRestoreSaysThatLaterDeletionsAreNotApplied() throws Exception {
    Result r = run(BLIND, work.resolve("blind-media"), Map.of(), "restore.sh", backup.toString());
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains("WARNING", "NOT applied again", "--deletions-from");
  }

  void assertNothingDeletedCameBack(String db, Path media) throws Exception {
    long gone = deleted.tenant();
    try (Connection c = connect(db)) {
      for (String table : tenantTables(c)) {
        assertThat(count(c, "select count(*) from `" + table + "` where tenant_id = ?", gone))
            .as("rows of the deleted account in %s", table)
            .isZero();
      }
      assertThat(count(c, "select count(*) from tenant where id = ?", gone)).isZero();
      assertThat(
              count(
                  c,
                  "select count(*) from account_deletion where tenant_ref = ?"
                      + " and status = 'PURGED'",
                  gone))
          .as("the receipt is kept")
          .isOne();
      assertThat(count(c, "select count(*) from webhook_event where body like '%4915100000001%'"))
          .isZero();

      long t = erasedIn.tenant();
      assertThat(
              count(
                  c,
                  "select count(*) from contact where tenant_id = ? and id = ?",
                  t,
                  erasedContact))
          .isZero();
      assertThat(
              count(
                  c,
                  "select count(*) from message where tenant_id = ? and contact_id = ?",
                  t,
                  erasedContact))
          .isZero();
      assertThat(
              count(
                  c,
                  "select count(*) from webhook_event where body like ?",
                  "%" + erasedWaId + "%"))
          .isZero();
      assertThat(
              count(
                  c,
                  "select count(*) from message where tenant_id = ? and contact_id = ?",
                  t,
                  keptContact))
          .as("the other contact is untouched")
          .isOne();
      assertThat(
              count(
                  c, "select count(*) from webhook_event where body like ?", "%" + keptWaId + "%"))
          .isOne();
      assertThat(
              count(
                  c,
                  "select count(*) from data_subject_request where tenant_id = ? and contact_id = ?"
                      + " and kind = 'ERASURE'",
                  t,
                  erasedContact))
          .as("the request log is kept")
          .isOne();

      assertThat(string(c, "select status from tenant where id = ?", pending.tenant()))
          .isEqualTo("DELETION_PENDING");
      assertThat(
              count(
                  c,
                  "select count(*) from whatsapp_connection where tenant_id = ?"
                      + " and access_token is not null",
                  pending.tenant()))
          .isZero();
    }
    assertThat(media.resolve(Long.toString(gone))).doesNotExist();
    assertThat(media.resolve(erasedIn.tenant() + "/" + erasedContact + ".media")).doesNotExist();
    assertThat(media.resolve(erasedIn.tenant() + "/" + keptContact + ".media")).exists();
  }

  // ------------------------------------------------------------------ seeding in the live database

  Seeded tenant(String name, String status) throws SQLException {
    long tenant = insert("insert into tenant (name, status) values (?, 'ACTIVE')", name);
    insert(
        "insert into user_account (tenant_id, email, display_name, password_hash, role, status)"
            + " values (?, ?, 'Owner', 'x', 'OWNER', 'ACTIVE')",
        tenant,
        "owner" + tenant + "@backup-deletion.test");
    String pnid = "77" + tenant + System.nanoTime() % 100000;
    long connection =
        insert(
            "insert into whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                + " access_token, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
            tenant,
            "waba" + tenant,
            pnid,
            status,
            status.equals("CONNECTED") ? "sealed-token".getBytes(UTF_8) : null,
            ts(Instant.now()),
            ts(Instant.now()));
    return new Seeded(tenant, connection, pnid);
  }

  long contact(Seeded s, String waId) throws SQLException {
    return insert(
        "insert into contact (tenant_id, identity_key, wa_id, profile_name, display_name,"
            + " created_at, updated_at) values (?, ?, ?, 'Customer', 'Customer', ?, ?)",
        s.tenant(),
        waId,
        waId,
        ts(Instant.now()),
        ts(Instant.now()));
  }

  /** A conversation, a message with an encrypted-looking media file named after the contact. */
  void message(Seeded s, long contact, String text) throws Exception {
    Instant at = Instant.now();
    long conversation =
        insert(
            "insert into conversation (tenant_id, connection_id, contact_id, status, opened_at,"
                + " last_activity_at) values (?, ?, ?, 'OPEN', ?, ?)",
            s.tenant(),
            s.connection(),
            contact,
            ts(at),
            ts(at));
    String wamid = "wamid." + contact + "." + System.nanoTime();
    long message =
        insert(
            "insert into message (tenant_id, conversation_id, contact_id, connection_id, wamid,"
                + " direction, type, text, status, created_at, received_at)"
                + " values (?, ?, ?, ?, ?, 'INBOUND', 'image', ?, 'RECEIVED', ?, ?)",
            s.tenant(),
            conversation,
            contact,
            s.connection(),
            wamid,
            text,
            ts(at),
            ts(at));
    String relative = s.tenant() + "/" + contact + ".media";
    Path file = work.resolve("media").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "ciphertext of " + text);
    insert(
        "insert into media (tenant_id, message_id, media_id, mime_type, file_path, state,"
            + " created_at, updated_at) values (?, ?, ?, 'image/jpeg', ?, 'DOWNLOADED', ?, ?)",
        s.tenant(),
        message,
        "media-" + message,
        relative,
        ts(at),
        ts(at));
    insert(
        "insert into message_status (tenant_id, connection_id, wamid, status, occurred_at,"
            + " received_at) values (?, ?, ?, 'read', ?, ?)",
        s.tenant(),
        s.connection(),
        wamid,
        ts(at),
        ts(at));
  }

  /** A raw webhook event with the customer's message, applied and routed to the tenant. */
  void event(Seeded s, String waId, String text) throws Exception {
    String json =
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"%s\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Customer\"},\"wa_id\":\"%s\"}],"
                + "\"messages\":[{\"from\":\"%s\",\"id\":\"wamid.x%s\",\"type\":\"text\","
                + "\"text\":{\"body\":\"%s\"}}]}}]}]}")
            .formatted(s.pnid(), waId, waId, System.nanoTime(), text);
    byte[] body = json.getBytes(UTF_8);
    long id =
        insert(
            "insert into webhook_event (body_sha256, body, body_bytes, received_at,"
                + " last_received_at, state) values (?, ?, ?, ?, ?, 'APPLIED')",
            MessageDigest.getInstance("SHA-256").digest(body),
            body,
            body.length,
            ts(Instant.now()),
            ts(Instant.now()));
    insert("insert into webhook_event_route (tenant_id, event_id) values (?, ?)", s.tenant(), id);
  }

  /** What the account purge leaves in the live database: the receipt only. */
  void purgeInLive(long tenant) throws Exception {
    try (Connection c = connect(LIVE);
        Statement s = c.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.execute(
          "delete from webhook_event where id in (select event_id from webhook_event_route"
              + " where tenant_id = "
              + tenant
              + ")");
      for (String table : tenantTables(c)) {
        s.execute("delete from `" + table + "` where tenant_id = " + tenant);
      }
      s.execute("delete from tenant where id = " + tenant);
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
    exec(
        "insert into account_deletion (tenant_ref, status, requested_at, purge_after, purged_at,"
            + " summary) values (?, 'PURGED', ?, ?, ?, 'message: 1')",
        tenant,
        ts(Instant.now().minus(Duration.ofDays(30))),
        ts(Instant.now()),
        ts(Instant.now()));
    deleteTree(work.resolve("media").resolve(Long.toString(tenant)));
  }

  /** What an erasure leaves in the live database: the request log. */
  void eraseInLive(long tenant, long contact) throws Exception {
    try (Connection c = connect(LIVE);
        Statement s = c.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.execute("delete from webhook_event where body like '%" + erasedWaId + "%'");
      s.execute(
          "delete from media where tenant_id = "
              + tenant
              + " and message_id in"
              + " (select id from message where contact_id = "
              + contact
              + ")");
      for (String table : List.of("message", "conversation")) {
        s.execute(
            "delete from "
                + table
                + " where tenant_id = "
                + tenant
                + " and contact_id = "
                + contact);
      }
      s.execute("delete from contact where tenant_id = " + tenant + " and id = " + contact);
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
    exec(
        "insert into data_subject_request (tenant_id, contact_id, kind, requested_at, outcome,"
            + " detail) values (?, ?, 'ERASURE', ?, 'DONE', 'erased message: 1')",
        tenant,
        contact,
        ts(Instant.now()));
    Files.delete(work.resolve("media").resolve(tenant + "/" + contact + ".media"));
  }

  // ------------------------------------------------------------------ helpers

  static List<String> tenantTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "select c.table_name from information_schema.columns c join"
                    + " information_schema.tables t on t.table_schema = c.table_schema and"
                    + " t.table_name = c.table_name and t.table_type = 'BASE TABLE' where"
                    + " c.table_schema = database() and c.column_name = 'tenant_id'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("message", "contact", "webhook_event_route");
    return tables;
  }

  static long count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String string(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  long insert(String sql, Object... args) throws SQLException {
    try (Connection c = connect(LIVE);
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  void exec(String sql, Object... args) throws SQLException {
    insert(sql, args);
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(server + db, user, password);
  }

  void recreate(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db);
    }
  }

  record Result(int exit, String output) {}

  /** Runs a server-config script against database db; output is stdout and stderr together. */
  Result run(String db, Path mediaDir, Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    Path file = Path.of("").toAbsolutePath().getParent().resolve("server-config").resolve(script);
    assertThat(file).as("the script under test").isExecutable();
    List<String> command = new ArrayList<>(List.of("bash", file.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> e = new TreeMap<>(env);
    e.put("KRETANOTE_DB_URL", server + db);
    e.put("KRETANOTE_DB_USER", user);
    e.put("KRETANOTE_DB_PASSWORD", password);
    e.put("KRETANOTE_MEDIA_DIR", mediaDir.toString());
    pb.environment().putAll(e);
    Path log = Files.createTempFile(work, script, ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 120 s:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }
}
