package in.picode.kretanote.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Direct JDBC access to the integration-test database, for tests that prove a promise by looking in
 * the database rather than trusting the application's own answers.
 */
public final class ItDatabase {

  private ItDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("kretanote.it.db.url"),
        System.getProperty("kretanote.it.db.user"),
        System.getProperty("kretanote.it.db.password"));
  }
}
