package in.picode.kretanote.platform.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.crypto.control.DataKeys;
import in.picode.kretanote.crypto.control.EnvelopeCipher;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import in.picode.kretanote.crypto.control.TamperedCiphertextException;
import in.picode.kretanote.crypto.entity.TenantDataKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * server-config/backup.sh and restore.sh against a real MariaDB, without Payara: a migrated
 * database with tenants, users, wrapped data keys and encrypted tokens is backed up, restored into
 * an empty database, and everything is read back and decrypted with the key-encryption key. Needs
 * the MariaDB client programs (mariadb-dump, mariadb): on PATH or in KRETANOTE_MARIADB_BIN; when
 * they are missing the scripts say so and the test fails with their message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

  static final String BASE = System.getProperty("kretanote.it.db.name", "kretanote_it");
  static final String SOURCE = BASE + "_backup_src";
  static final String TARGET = BASE + "_backup_dst";
  static final int TENANTS = 5;
  static final String KEK =
      "kek-backup-it:" + Base64.getEncoder().encodeToString(random(KeyEncryptionKeys.KEY_BYTES));

  Path work;

  String server;
  String user;
  String password;
  Path backup;
  Path restoredMedia;
  String backupOutput;
  String restoreOutput;
  final Map<Long, String> tenantNames = new TreeMap<>();
  final Map<Long, String> accessTokens = new TreeMap<>();
  final Map<Long, String> pins = new TreeMap<>();
  final Map<String, byte[]> mediaFiles = new LinkedHashMap<>();

  @BeforeAll
  void seedBackUpAndRestore(@TempDir Path tempDir) throws Exception {
    work = tempDir;
    String url = System.getProperty("kretanote.it.db.url");
    assertThat(url).as("kretanote.it.db.url (set by ItDatabaseSession under Failsafe)").isNotNull();
    server = url.substring(0, url.lastIndexOf('/') + 1);
    user = System.getProperty("kretanote.it.db.user");
    password = System.getProperty("kretanote.it.db.password");
    recreate(SOURCE);
    recreate(TARGET);
    MariaDbDataSource source = new MariaDbDataSource(server + SOURCE);
    source.setUser(user);
    source.setPassword(password);
    new SchemaMigrator(source, getClass().getClassLoader()).migrate();
    seed();

    Path media = Files.createDirectories(work.resolve("media/2026/11"));
    mediaFiles.put("2026/11/photo.jpg", random(70_000));
    mediaFiles.put("2026/11/voice note.ogg", random(12_345));
    for (Map.Entry<String, byte[]> f : mediaFiles.entrySet()) {
      Files.write(media.getParent().getParent().resolve(f.getKey()), f.getValue());
    }

    long start = System.nanoTime();
    Result b = run(SOURCE, work.resolve("media"), "backup.sh", work.resolve("backups").toString());
    long backupMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(b.exit).as("backup.sh failed:%n%s", b.output).isZero();
    backupOutput = b.output;
    backup = Path.of(b.output.strip().lines().reduce((a, c) -> c).orElseThrow());
    assertThat(backup.getFileName().toString()).startsWith("kretanote-backup-");

    restoredMedia = work.resolve("restored/media");
    start = System.nanoTime();
    Result r = run(TARGET, restoredMedia, "restore.sh", backup.toString());
    long restoreMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.exit).as("restore.sh failed:%n%s", r.output).isZero();
    restoreOutput = r.output;
    // The figures quoted in the README come from this line (failsafe-reports/*-output.txt).
    System.out.printf(
        "backup-restore figures: %d tenants, backup %d ms, %d bytes (database.sql.gz %d bytes),"
            + " restore %d ms%n",
        TENANTS,
        backupMillis,
        size(backup),
        Files.size(backup.resolve("database.sql.gz")),
        restoreMillis);
  }

  @AfterAll
  void dropDatabases() throws SQLException {
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SOURCE);
      s.execute("DROP DATABASE IF EXISTS " + TARGET);
    }
  }

  @Test
  void everyTenantAndTokenIsReadableWithTheKeyEncryptionKey() throws Exception {
    // A server started after the restore knows only the KEK, as configured: a new DataKeys.
    DataKeys keys = new DataKeys(KeyEncryptionKeys.parse(KEK, null), new EnvelopeCipher());
    try (Connection c = connect(TARGET)) {
      Map<Long, String> names = new TreeMap<>();
      try (ResultSet rs = c.createStatement().executeQuery("select id, name from tenant")) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
      assertThat(names).isEqualTo(tenantNames);

      Map<Long, String> tokens = new TreeMap<>();
      Map<Long, String> restoredPins = new TreeMap<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select tenant_id, access_token, registration_pin from whatsapp_connection")) {
        while (rs.next()) {
          long tenant = rs.getLong(1);
          tokens.put(
              tenant, decrypt(keys, c, tenant, ConnectionStore.TOKEN_PURPOSE, rs.getBytes(2)));
          restoredPins.put(
              tenant, decrypt(keys, c, tenant, ConnectionStore.PIN_PURPOSE, rs.getBytes(3)));
        }
      }
      assertThat(tokens).isEqualTo(accessTokens);
      assertThat(restoredPins).isEqualTo(pins);

      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select count(*) from whatsapp_connection where live_phone_number_id is not null")) {
        rs.next();
        assertThat(rs.getInt(1)).as("generated column recomputed").isEqualTo(TENANTS);
      }
    }
  }

  @Test
  void withoutTheKeyEncryptionKeyTheRestoredTokensStayUnreadable() throws Exception {
    String otherMaterial =
        "kek-backup-it:" + Base64.getEncoder().encodeToString(random(KeyEncryptionKeys.KEY_BYTES));
    DataKeys wrongKek =
        new DataKeys(KeyEncryptionKeys.parse(otherMaterial, null), new EnvelopeCipher());
    try (Connection c = connect(TARGET);
        ResultSet rs =
            c.createStatement()
                .executeQuery("select tenant_id, access_token from whatsapp_connection limit 1")) {
      assertThat(rs.next()).isTrue();
      long tenant = rs.getLong(1);
      byte[] token = rs.getBytes(2);
      assertThatThrownBy(() -> decrypt(wrongKek, c, tenant, ConnectionStore.TOKEN_PURPOSE, token))
          .isInstanceOf(TamperedCiphertextException.class);
    }
  }

  @Test
  void targetMatchesTheSourceTableByTable() throws Exception {
    Map<String, String> source = checksums(SOURCE);
    assertThat(source)
        .containsKeys(
            "tenant",
            "user_account",
            "tenant_data_key",
            "whatsapp_connection",
            "flyway_schema_history");
    assertThat(checksums(TARGET)).isEqualTo(source);
    assertThat(rowCounts(TARGET)).isEqualTo(rowCounts(SOURCE));
    assertThat(rowCounts(TARGET)).containsEntry("tenant", (long) TENANTS);
    assertThat(restoreOutput).contains("verified:").contains("as in the backup");
  }

  @Test
  void manifestHoldsSchemaVersionRowCountsAndChecksums() throws Exception {
    List<String> manifest = Files.readAllLines(backup.resolve("MANIFEST"));
    String version;
    try (Connection c = connect(SOURCE);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select version from flyway_schema_history where success = 1"
                        + " order by installed_rank desc limit 1")) {
      rs.next();
      version = rs.getString(1);
    }
    assertThat(manifest)
        .contains("schema_version " + version)
        .contains("rows tenant " + TENANTS)
        .contains("rows whatsapp_connection " + TENANTS)
        .contains("rows tenant_data_key " + (TENANTS + 1))
        .contains("media included " + work.resolve("media"));
    assertThat(manifest.stream().filter(l -> l.startsWith("file ")))
        .hasSize(2)
        .allMatch(l -> l.matches("file [0-9a-f]{64} [0-9]+ (database\\.sql|media\\.tar)\\.gz"));
  }

  @Test
  void mediaFilesComeBackByteForByte() throws IOException {
    for (Map.Entry<String, byte[]> f : mediaFiles.entrySet()) {
      assertThat(restoredMedia.resolve(f.getKey())).hasBinaryContent(f.getValue());
    }
  }

  @Test
  void refusesANonEmptyDatabaseAndChangesNothing() throws Exception {
    Map<String, String> before = checksums(SOURCE);
    Result r = run(SOURCE, work.resolve("other-media"), "restore.sh", backup.toString());
    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains("is not empty").contains("--force");
    assertThat(checksums(SOURCE)).isEqualTo(before);
    assertThat(work.resolve("other-media")).doesNotExist();
  }

  @Test
  void refusesADamagedBackup() throws Exception {
    Path copy = work.resolve("damaged");
    Files.createDirectories(copy);
    for (String f : new String[] {"MANIFEST", "database.sql.gz", "media.tar.gz"}) {
      Files.copy(backup.resolve(f), copy.resolve(f));
    }
    byte[] dump = Files.readAllBytes(copy.resolve("database.sql.gz"));
    dump[dump.length / 2] ^= 1;
    Files.write(copy.resolve("database.sql.gz"), dump);
    String empty = BASE + "_backup_dmg";
    recreate(empty);
    try {
      Result r = run(empty, work.resolve("dmg-media"), "restore.sh", copy.toString());
      assertThat(r.exit).isNotZero();
      assertThat(r.output).contains("does not match its sha256");
      assertThat(rowCounts(empty)).isEmpty();
    } finally {
      try (Connection c = DriverManager.getConnection(server, user, password)) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + empty);
      }
    }
  }

  @Test
  void thePasswordNeverReachesTheOutput() {
    if (!password.isEmpty()) {
      assertThat(backupOutput).doesNotContain(password);
      assertThat(restoreOutput).doesNotContain(password);
    }
    assertThat(backupOutput).contains("backup complete");
  }

  // ---------------------------------------------------------------------------

  /**
   * Tenants with a data key each (one with two versions, the token under the newer), one owner
   * each, and a connected number whose access token and PIN are vault ciphertexts.
   */
  private void seed() throws SQLException {
    DataKeys keys = new DataKeys(KeyEncryptionKeys.parse(KEK, null), new EnvelopeCipher());
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    try (Connection c = connect(SOURCE)) {
      c.setAutoCommit(false);
      for (int i = 1; i <= TENANTS; i++) {
        String name = i == 2 ? "Café Ünïcødé ✓ 'quoted' \\ \"tenant\"" : "Tenant " + i;
        long tenant;
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into tenant (name, status) values (?, 'ACTIVE')",
                Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, name);
          ps.executeUpdate();
          ResultSet rs = ps.getGeneratedKeys();
          rs.next();
          tenant = rs.getLong(1);
        }
        tenantNames.put(tenant, name);
        int versions = i == 3 ? 2 : 1;
        TenantDataKey current = null;
        for (int v = 1; v <= versions; v++) {
          current = keys.generate(tenant, v, now);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into tenant_data_key (tenant_id, key_version, kek_id, wrapped_key)"
                      + " values (?, ?, ?, ?)")) {
            ps.setLong(1, tenant);
            ps.setInt(2, v);
            ps.setString(3, current.getKekId().orElseThrow());
            ps.setBytes(4, current.getWrappedKey().orElseThrow());
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status) values (?, ?, ?, ?, 'OWNER', 'ACTIVE')")) {
          ps.setLong(1, tenant);
          ps.setString(2, "owner" + i + "@backup.test");
          ps.setString(3, "Owner " + i);
          ps.setString(4, "$pbkdf2$not-a-real-hash$" + i);
          ps.executeUpdate();
        }
        // Tokens with bytes a text dump would mangle: quotes, backslashes, NUL, line breaks.
        String token = "EAAG" + i + "'\\\"\n\r\0" + Base64.getEncoder().encodeToString(random(180));
        String pin = String.format("%06d", 100000 + i);
        accessTokens.put(tenant, token);
        pins.put(tenant, pin);
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                    + " access_token, registration_pin, created_at, updated_at)"
                    + " values (?, ?, ?, 'CONNECTED', ?, ?, ?, ?)")) {
          ps.setLong(1, tenant);
          ps.setString(2, "waba" + i);
          ps.setString(3, "1000" + i);
          ps.setBytes(
              4, keys.encrypt(current, ConnectionStore.TOKEN_PURPOSE, token.getBytes(UTF_8)));
          ps.setBytes(5, keys.encrypt(current, ConnectionStore.PIN_PURPOSE, pin.getBytes(UTF_8)));
          ps.setTimestamp(6, Timestamp.from(now));
          ps.setTimestamp(7, Timestamp.from(now));
          ps.executeUpdate();
        }
      }
      c.commit();
    }
  }

  private static String decrypt(
      DataKeys keys, Connection c, long tenant, String purpose, byte[] ciphertext) {
    return new String(
        keys.decrypt(tenant, purpose, ciphertext, version -> dataKey(c, tenant, version)), UTF_8);
  }

  private static Optional<TenantDataKey> dataKey(Connection c, long tenant, int version) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select kek_id, wrapped_key, created_at from tenant_data_key"
                + " where tenant_id = ? and key_version = ?")) {
      ps.setLong(1, tenant);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new TenantDataKey(
                tenant, version, rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> checksums(String db) throws SQLException {
    Map<String, String> sums = new TreeMap<>();
    try (Connection c = connect(db)) {
      for (String table : rowCounts(db).keySet()) {
        try (ResultSet rs = c.createStatement().executeQuery("CHECKSUM TABLE `" + table + "`")) {
          rs.next();
          sums.put(table, rs.getString(2));
        }
      }
    }
    return sums;
  }

  private Map<String, Long> rowCounts(String db) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = connect(db)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(db, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (ResultSet rs =
            c.createStatement().executeQuery("select count(*) from `" + table + "`")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(server + db, user, password);
  }

  private void recreate(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(server, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db);
    }
  }

  record Result(int exit, String output) {}

  /** Runs a server-config script against database db; output is stdout and stderr together. */
  private Result run(String db, Path mediaDir, String script, String... args)
      throws IOException, InterruptedException {
    Path scripts = Path.of("").toAbsolutePath().getParent().resolve("server-config");
    Path file = scripts.resolve(script);
    assertThat(file).as("the script under test").isExecutable();
    List<String> command = new ArrayList<>(List.of("bash", file.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("KRETANOTE_DB_URL", server + db);
    pb.environment().put("KRETANOTE_DB_USER", user);
    pb.environment().put("KRETANOTE_DB_PASSWORD", password);
    pb.environment().put("KRETANOTE_MEDIA_DIR", mediaDir.toString());
    Path log = Files.createTempFile(work, script, ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 120 s:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }

  private static long size(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
