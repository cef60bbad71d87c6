package in.picode.kretanote.devserver;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is and how to sign in to it; the password never appears in {@link
 * #toString()}.
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final String URL = "KRETANOTE_DB_URL";
  public static final String USER = "KRETANOTE_DB_USER";
  public static final String PASSWORD = "KRETANOTE_DB_PASSWORD";

  public DatabaseSettings {
    Objects.requireNonNull(url, URL);
    if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
      throw new ConfigurationException(
          URL, "must be a MariaDB JDBC URL (jdbc:mariadb://host:port/database), got " + url);
    }
    user = user == null || user.isBlank() ? "root" : user;
    password = password == null ? "" : password;
  }

  /** The configured database, or empty when {@code KRETANOTE_DB_URL} is not set. */
  public static java.util.Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
    String url = env.get(URL);
    if (url == null || url.isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new DatabaseSettings(url.strip(), env.get(USER), env.get(PASSWORD)));
  }

  /** The database name in the URL's path, e.g. {@code kretanote}. */
  public String databaseName() {
    String path = URI.create(url.substring("jdbc:".length())).getPath();
    if (path == null || path.length() <= 1) {
      throw new ConfigurationException(
          URL, "names no database (jdbc:mariadb://host:port/database)");
    }
    return path.substring(1);
  }

  /** The same server with another database (same query parameters). */
  public DatabaseSettings withDatabase(String database) {
    URI uri = URI.create(url.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String server = uri.getScheme() + "://" + uri.getRawAuthority();
    return new DatabaseSettings("jdbc:" + server + "/" + database + query, user, password);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Opens a connection or fails with one line that names the URL and the cause (refused, access
   * denied, unknown database), which is what a person starting the server needs to read.
   */
  public void check() {
    try (Connection c = connect()) {
      if (!c.isValid(5)) {
        throw new DatabaseUnreachableException(url, "the server did not answer within 5 s");
      }
    } catch (SQLException e) {
      throw new DatabaseUnreachableException(url, rootMessage(e));
    }
  }

  /** Creates the database if the user may; a no-op when it exists. */
  public void createDatabaseIfMissing() {
    String name = databaseName();
    if (!name.matches("[A-Za-z0-9_]{1,64}")) {
      throw new ConfigurationException(URL, "database name must match [A-Za-z0-9_]{1,64}: " + name);
    }
    DatabaseSettings server = withDatabase("");
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + name
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new DatabaseUnreachableException(url, rootMessage(e));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + "]";
  }
}
