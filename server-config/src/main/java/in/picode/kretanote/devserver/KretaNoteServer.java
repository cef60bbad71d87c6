package in.picode.kretanote.devserver;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * KretaNote on a Payara Server domain with its database: the configured MariaDB when {@code
 * KRETANOTE_DB_URL} is set, otherwise an embedded MariaDB whose files live under the work folder.
 * Used by the run command and by the EAR system test.
 */
public final class KretaNoteServer implements AutoCloseable {

  /** Everything needed to start; {@code env} is usually {@link System#getenv()}. */
  public record Options(
      Path workDir,
      Path payaraZip,
      Path mariadbJar,
      Path serverConfigDir,
      Path ear,
      int httpPort,
      int httpsPort,
      int adminPort,
      int embeddedDbPort,
      String databaseName,
      Map<String, String> env) {}

  private final Options options;
  private final EmbeddedDatabase embedded;
  private final PayaraDomain domain;
  private final DatabaseSettings database;

  private KretaNoteServer(
      Options options, EmbeddedDatabase embedded, DatabaseSettings database, PayaraDomain domain) {
    this.options = options;
    this.embedded = embedded;
    this.database = database;
    this.domain = domain;
  }

  /**
   * Starts the database, provisions the domain and deploys the EAR. A database that cannot be
   * reached fails here with {@link DatabaseUnreachableException} before Payara starts.
   */
  public static KretaNoteServer start(Options o) {
    Optional<DatabaseSettings> configured = DatabaseSettings.fromEnvironment(o.env());
    EmbeddedDatabase embedded = null;
    DatabaseSettings db;
    if (configured.isPresent()) {
      db = configured.get();
      try {
        db.createDatabaseIfMissing();
      } catch (DatabaseUnreachableException e) {
        // No right to create databases is fine when it exists; check() names the real cause.
      }
      db.check();
    } else {
      embedded = EmbeddedDatabase.start(o.workDir().resolve("mariadb"), o.embeddedDbPort());
      db = embedded.provision(o.databaseName());
    }
    try {
      Path payaraHome = PayaraDomain.unpack(o.payaraZip(), o.workDir());
      Map<String, String> env = new HashMap<>(o.env());
      env.put(DatabaseSettings.URL, db.url());
      env.put(DatabaseSettings.USER, db.user());
      env.put(DatabaseSettings.PASSWORD, db.password());
      env.put("KRETANOTE_MARIADB_JAR", o.mariadbJar().toAbsolutePath().toString());
      env.put("KRETANOTE_HTTP_PORT", Integer.toString(o.httpPort()));
      env.put("KRETANOTE_HTTPS_PORT", Integer.toString(o.httpsPort()));
      env.put("KRETANOTE_ADMIN_PORT", Integer.toString(o.adminPort()));
      PayaraDomain domain = new PayaraDomain(o.serverConfigDir(), payaraHome, env);
      KretaNoteServer server = new KretaNoteServer(o, embedded, db, domain);
      try {
        domain.provision();
        domain.deploy(o.ear());
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + options.httpPort() + "/");
  }

  public URI httpsUrl() {
    return URI.create("https://127.0.0.1:" + options.httpsPort() + "/");
  }

  /** HTTPS once secure admin is on (KRETANOTE_SECURE_ADMIN=true), plain HTTP on loopback before. */
  public URI adminUrl() {
    boolean secure =
        Boolean.parseBoolean(options.env().getOrDefault("KRETANOTE_SECURE_ADMIN", "false"));
    return URI.create((secure ? "https" : "http") + "://127.0.0.1:" + options.adminPort() + "/");
  }

  /** Runs one asadmin command against this server's domain, for operations and tests. */
  public void asadmin(String... args) {
    domain.asadmin(args);
  }

  public DatabaseSettings database() {
    return database;
  }

  public boolean usesEmbeddedDatabase() {
    return embedded != null;
  }

  @Override
  public void close() {
    try {
      domain.stop();
    } catch (RuntimeException e) {
      System.err.println("Payara did not stop cleanly: " + e.getMessage());
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
