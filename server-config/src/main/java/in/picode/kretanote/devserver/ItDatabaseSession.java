package in.picode.kretanote.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives an integration-test run a fresh, empty database before Arquillian starts Payara Micro: on
 * the MariaDB named by {@code KRETANOTE_DB_URL} when set, otherwise on an embedded MariaDB. It
 * writes a Payara Micro post-boot command file that creates the same {@code jdbc/kretanote}
 * resource production has, and publishes the connection as system properties for tests that look in
 * the database.
 *
 * <p>Active only when the system property {@code kretanote.it.database} is {@code true} (set by
 * Failsafe), so unit tests never start a database.
 */
public final class ItDatabaseSession implements LauncherSessionListener {

  public static final String ENABLED = "kretanote.it.database";
  public static final String DB_URL = "kretanote.it.db.url";
  public static final String DB_USER = "kretanote.it.db.user";
  public static final String DB_PASSWORD = "kretanote.it.db.password";
  public static final String POSTBOOT = "kretanote.it.postboot";
  public static final String SMTP_PORT = "kretanote.it.smtp.port";
  public static final String META_PORT = "kretanote.it.meta.port";

  /**
   * When {@code true}, the application's pool reaches the database through a {@link TcpProxy} in
   * the test JVM, which tests get from {@link #databaseProxy()} to cut and restore the database.
   */
  public static final String DB_PROXY = "kretanote.it.db.proxy";

  private static volatile TcpProxy proxy;

  private EmbeddedDatabase embedded;

  /** The relay between the application and the database, when {@link #DB_PROXY} is set. */
  public static java.util.Optional<TcpProxy> databaseProxy() {
    return java.util.Optional.ofNullable(proxy);
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean(ENABLED)) {
      return;
    }
    metaPort();
    if (System.getProperty(DB_URL) != null) {
      return;
    }
    Path target = Path.of(System.getProperty("kretanote.it.target", "target"));
    String database = System.getProperty("kretanote.it.db.name", "kretanote_it");
    Optional<DatabaseSettings> configured = DatabaseSettings.fromEnvironment(System.getenv());
    DatabaseSettings db;
    if (configured.isPresent()) {
      db = withOwnUser(configured.get().withDatabase(database));
      recreate(db);
    } else {
      embedded = EmbeddedDatabase.start(target.resolve("it-mariadb"), 0);
      recreate(embedded.root(database));
      db = embedded.provision(database);
    }
    System.setProperty(DB_URL, db.url());
    System.setProperty(DB_USER, db.user());
    System.setProperty(DB_PASSWORD, db.password());
    DatabaseSettings pool = db;
    if (Boolean.getBoolean(DB_PROXY)) {
      java.net.URI uri = java.net.URI.create(db.url().substring("jdbc:".length()));
      proxy = new TcpProxy(uri.getHost(), uri.getPort());
      pool =
          new DatabaseSettings(
              "jdbc:"
                  + uri.getScheme()
                  + "://127.0.0.1:"
                  + proxy.port()
                  + uri.getRawPath()
                  + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
              db.user(),
              db.password());
    }
    System.setProperty(POSTBOOT, writePostBoot(target, pool).toAbsolutePath().toString());
  }

  /**
   * Payara's pool cannot sign in with an empty password, which is how a local MariaDB's root is
   * often set up; when the configured user may create users, the tests get one of their own.
   */
  private static DatabaseSettings withOwnUser(DatabaseSettings db) {
    if (!db.password().isEmpty()) {
      return db;
    }
    String user = "kretanote_it";
    String password = "kretanote-it-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    try (Connection c = db.withDatabase("").connect();
        Statement s = c.createStatement()) {
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        s.execute(
            "CREATE OR REPLACE USER '"
                + user
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + password
                + "'");
        s.execute("GRANT ALL ON `" + db.databaseName() + "`.* TO '" + user + "'@'" + host + "'");
      }
      recreate(db);
      return new DatabaseSettings(db.url(), user, password);
    } catch (SQLException e) {
      return db;
    }
  }

  /** Drops and creates the test database so every run starts from the migrations alone. */
  private static void recreate(DatabaseSettings db) {
    String name = db.databaseName();
    try (Connection c = db.withDatabase("").connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new DatabaseUnreachableException(db.url(), DatabaseSettings.rootMessage(e));
    }
    db.createDatabaseIfMissing();
  }

  static Path writePostBoot(Path target, DatabaseSettings db) {
    // Payara wants a password property even when it is empty; "()" is asadmin's empty value.
    String password = db.password().isEmpty() ? "()" : escape(db.password());
    String props =
        "url=" + escape(db.url()) + ":user=" + escape(db.user()) + ":password=" + password;
    String commands =
        String.join(
            "\n",
            "create-jdbc-connection-pool --datasourceclassname org.mariadb.jdbc.MariaDbDataSource"
                + " --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 16"
                // As production (provision.sh): a real round trip validates each connection, and
                // one failure renews the whole pool, so it recovers when the database returns.
                + " --isconnectvalidatereq true --validateatmostonceperiod 1"
                + " --validationmethod custom-validation"
                + " --validationclassname"
                + " org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
                + " --failconnection true"
                + " --property "
                + props
                + " kretanote-pool",
            "create-jdbc-resource --connectionpoolid kretanote-pool jdbc/kretanote",
            "create-javamail-resource --mailhost 127.0.0.1 --mailuser kretanote"
                + " --fromaddress no-reply@kretanote.test --property mail.smtp.port="
                + smtpPort()
                + " mail/kretanote",
            "");
    try {
      Files.createDirectories(target);
      Path file = target.resolve("it-postboot.asadmin");
      Files.writeString(file, commands);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port tests start their SMTP server (GreenMail) on; chosen once per run. */
  static int smtpPort() {
    String p = System.getProperty(SMTP_PORT);
    if (p == null) {
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        p = Integer.toString(s.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.setProperty(SMTP_PORT, p);
    }
    return Integer.parseInt(p);
  }

  /**
   * The port tests start the Meta simulator on, chosen once per run before Payara Micro starts, so
   * that arquillian.xml can point {@code kretanote.meta.graph-url} at it.
   */
  static int metaPort() {
    String p = System.getProperty(META_PORT);
    if (p == null) {
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        p = Integer.toString(s.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.setProperty(META_PORT, p);
    }
    return Integer.parseInt(p);
  }

  /** asadmin separates properties with ':' and needs '\' before ':' and '=' inside values. */
  static String escape(String value) {
    if (value.contains(" ")) {
      throw new ConfigurationException(
          DatabaseSettings.URL, "values with spaces are not supported");
    }
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
