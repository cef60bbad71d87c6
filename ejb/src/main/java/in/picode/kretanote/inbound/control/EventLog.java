package in.picode.kretanote.inbound.control;

import in.picode.kretanote.platform.control.LeaseClaims;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The SQL of the {@code webhook_event} log, in plain JDBC on the container's data source: the hot
 * path writes many rows per statement, and claiming uses {@code FOR UPDATE SKIP LOCKED}, neither of
 * which JPA expresses.
 *
 * <p><b>Redeliveries.</b> The unique key is the SHA-256 of the raw body, so Meta delivering the
 * same bytes again lands on the same row and only increments {@code deliveries}: the event is
 * stored and applied once, and every acknowledged delivery is still counted. A redelivery that
 * differs in a single byte is a different event; applying it is harmless because messages are
 * unique by wamid.
 *
 * <p><b>Claiming.</b> Appliers on any number of servers claim work in short READ COMMITTED
 * transactions: the oldest RECEIVED rows whose lease is empty or expired, skipping rows another
 * claimer holds locked at that moment, stamped with the claimer and a lease end computed by the
 * database clock. A server that dies keeps its lease until it expires; then anyone re-claims the
 * event. Re-applying is safe (see the applier), so a lease that runs out under a slow applier costs
 * time, not correctness.
 */
public final class EventLog {

  public enum State {
    RECEIVED,
    APPLIED,
    UNROUTABLE,
    REJECTED,
    FAILED
  }

  /** A claimed event with its raw body. */
  public record Claimed(long id, byte[] body, Instant receivedAt, int attempts) {}

  /** What an applied event could not use; see {@code webhook_event_issue}. */
  public record Issue(
      Kind kind,
      String path,
      String reason,
      Optional<String> phoneNumberId,
      Optional<String> wabaId,
      Optional<String> rawJson) {

    public enum Kind {
      UNROUTABLE,
      REJECTED,
      NOT_APPLIED
    }

    public Issue {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(path);
      Objects.requireNonNull(reason);
    }
  }

  /** The result of applying one claimed event. */
  public record Outcome(long eventId, State state, String reason, List<Issue> issues) {
    public Outcome {
      issues = List.copyOf(issues);
    }
  }

  /**
   * The oldest RECEIVED events whose lease is empty, expired or this owner's (by the state index,
   * in id order), leased by the database clock; see {@link #claim}.
   */
  static final LeaseClaims.Spec CLAIM =
      new LeaseClaims.Spec(
          "webhook_event",
          "id",
          "state = 'RECEIVED' AND (lease_until IS NULL OR lease_until < NOW(6) OR lease_owner = ?)",
          "id",
          "lease_owner = ?, lease_until = NOW(6) + INTERVAL ? SECOND, attempts = attempts + 1");

  static final int REASON_MAX = 500;
  private static final int DEADLOCK = 1213;
  private static final int LOCK_WAIT_TIMEOUT = 1205;

  private final DataSource dataSource;
  private final Executor timeoutExecutor;
  private final int networkTimeoutMillis;

  public EventLog(DataSource dataSource, Executor timeoutExecutor, Duration networkTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.timeoutExecutor = Objects.requireNonNull(timeoutExecutor);
    this.networkTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, networkTimeout.toMillis());
  }

  /**
   * Writes batches in one transaction each: new bodies become RECEIVED rows, known ones count one
   * more delivery. For the single writer thread only: it keeps one connection in manual-commit mode
   * across batches, so a batch costs the INSERT and the COMMIT and no further round trips (pool
   * validation, autocommit switches). A failed batch drops the connection; the next one takes a
   * fresh one from the pool, which is how the writer comes back after a database outage.
   */
  public Appender appender() {
    return new Appender();
  }

  public final class Appender implements AutoCloseable {

    private Connection connection;

    private Appender() {}

    /** Retried on a deadlock (another server's writer upserting the same body). */
    public void append(List<GroupCommitLog.Pending> batch) throws SQLException {
      String sql = appendSql(batch.size());
      for (int attempt = 1; ; attempt++) {
        Connection c = connection();
        try (PreparedStatement s = c.prepareStatement(sql)) {
          int i = 1;
          for (GroupCommitLog.Pending p : batch) {
            Timestamp at = Timestamp.from(p.receivedAt());
            s.setBytes(i++, p.sha256());
            s.setBytes(i++, p.body());
            s.setInt(i++, p.body().length);
            s.setTimestamp(i++, at);
            s.setTimestamp(i++, at);
          }
          s.executeUpdate();
          c.commit();
          return;
        } catch (SQLException | RuntimeException e) {
          // The pool's proxy reports a dead connection as an unchecked exception too.
          if (e instanceof SQLException failure && isDeadlock(failure) && attempt < 3) {
            rollbackQuietly(c);
            continue;
          }
          rollbackQuietly(c);
          close();
          throw e instanceof SQLException failure ? failure : new SQLException(e.toString(), e);
        }
      }
    }

    private Connection connection() throws SQLException {
      if (connection == null) {
        Connection c = dataSource.getConnection();
        try {
          c.setNetworkTimeout(timeoutExecutor, networkTimeoutMillis);
          c.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
          closeQuietly(c);
          throw e;
        }
        connection = c;
      }
      return connection;
    }

    @Override
    public void close() {
      if (connection != null) {
        closeQuietly(connection);
        connection = null;
      }
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      // Gone already.
    }
  }

  static String appendSql(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO webhook_event"
                + " (body_sha256, body, body_bytes, received_at, last_received_at) VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)");
    }
    return sql.append(
            " ON DUPLICATE KEY UPDATE deliveries = deliveries + 1,"
                + " last_received_at = GREATEST(last_received_at, VALUES(last_received_at))")
        .toString();
  }

  /**
   * Claims up to {@code max} events for {@code owner} until the lease ends. Returns them with their
   * bodies, oldest first; empty when there is nothing to do. Events {@code owner} itself still
   * holds are claimed again: an owner claims only when it has nothing in hand, so such leases
   * belong to a batch it abandoned (the database went away mid-batch) and need not wait for their
   * expiry.
   */
  public List<Claimed> claim(String owner, int max, Duration lease) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int previousTimeout = c.getNetworkTimeout();
      c.setNetworkTimeout(timeoutExecutor, networkTimeoutMillis);
      try {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          // Only row locks, no gap locks: the writer's inserts never wait for a claimer.
          s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
        for (Object[] row :
            LeaseClaims.claim(
                c, CLAIM, List.of(owner), max, List.of(owner, Math.max(1, lease.toSeconds())))) {
          ids.add(((Number) row[0]).longValue());
        }
        if (ids.isEmpty()) {
          c.commit();
          return List.of();
        }
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        restore(c, autoCommit, previousTimeout);
      }
      List<Claimed> claimed = new ArrayList<>(ids.size());
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, body, received_at, attempts FROM webhook_event WHERE id IN ("
                  + placeholders(ids.size())
                  + ") AND lease_owner = ? ORDER BY id")) {
        for (int i = 0; i < ids.size(); i++) {
          s.setLong(1 + i, ids.get(i));
        }
        s.setString(1 + ids.size(), owner);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            claimed.add(
                new Claimed(
                    rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)));
          }
        }
      }
      return claimed;
    }
  }

  /**
   * Records the outcomes of applied events in one transaction, replacing any issues an earlier
   * application recorded. An event whose lease {@code owner} lost meanwhile is left alone: whoever
   * holds it now records its own outcome.
   */
  public void finish(String owner, List<Outcome> outcomes) throws SQLException {
    if (outcomes.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int previousTimeout = c.getNetworkTimeout();
      c.setNetworkTimeout(timeoutExecutor, networkTimeoutMillis);
      c.setAutoCommit(false);
      try (PreparedStatement state =
              c.prepareStatement(
                  "UPDATE webhook_event SET state = ?, reason = ?, applied_at = NOW(6),"
                      + " lease_owner = NULL, lease_until = NULL"
                      + " WHERE id = ? AND lease_owner = ?");
          PreparedStatement clear =
              c.prepareStatement("DELETE FROM webhook_event_issue WHERE event_id = ?");
          PreparedStatement issue =
              c.prepareStatement(
                  "INSERT INTO webhook_event_issue (event_id, kind, path, reason,"
                      + " phone_number_id, waba_id, raw_json, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, NOW(6))")) {
        for (Outcome o : outcomes) {
          state.setString(1, o.state().name());
          state.setString(2, clip(o.reason(), REASON_MAX));
          state.setLong(3, o.eventId());
          state.setString(4, owner);
          state.addBatch();
        }
        // One round trip for the states, then one each for the issues of the events still ours.
        int[] updated = state.executeBatch();
        for (int k = 0; k < outcomes.size(); k++) {
          if (updated[k] == 0) {
            continue;
          }
          Outcome o = outcomes.get(k);
          clear.setLong(1, o.eventId());
          clear.addBatch();
          for (Issue i : o.issues()) {
            issue.setLong(1, o.eventId());
            issue.setString(2, i.kind().name());
            issue.setString(3, clip(i.path(), 255));
            issue.setString(4, clip(i.reason(), REASON_MAX));
            issue.setString(5, i.phoneNumberId().map(v -> clip(v, 64)).orElse(null));
            issue.setString(6, i.wabaId().map(v -> clip(v, 64)).orElse(null));
            issue.setString(7, i.rawJson().orElse(null));
            issue.addBatch();
          }
        }
        clear.executeBatch();
        issue.executeBatch();
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        restore(c, autoCommit, previousTimeout);
      }
    }
  }

  /**
   * Gives the event back after a failed application: claimable again after a pause that doubles
   * with every attempt (2 s, 4 s, ... at most {@code maxBackoff}), or FAILED for operators once it
   * has been tried {@code maxAttempts} times.
   */
  public void retryLater(long id, String owner, String error, Duration maxBackoff, int maxAttempts)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE webhook_event SET reason = ?, lease_owner = NULL,"
                    + " lease_until = NOW(6) + INTERVAL LEAST(?, POW(2, LEAST(attempts, 20))) SECOND,"
                    + " state = IF(attempts >= ?, 'FAILED', 'RECEIVED')"
                    + " WHERE id = ? AND lease_owner = ?")) {
      s.setString(1, clip(error, REASON_MAX));
      s.setLong(2, Math.max(1, maxBackoff.toSeconds()));
      s.setInt(3, maxAttempts);
      s.setLong(4, id);
      s.setString(5, owner);
      s.executeUpdate();
    }
  }

  /** Puts an unroutable or failed event back in line, for example after its number connected. */
  public boolean requeue(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE webhook_event SET state = 'RECEIVED', attempts = 0, lease_owner = NULL,"
                    + " lease_until = NULL WHERE id = ? AND state IN ('UNROUTABLE', 'FAILED')")) {
      s.setLong(1, id);
      return s.executeUpdate() == 1;
    }
  }

  private void restore(Connection c, boolean autoCommit, int networkTimeout) {
    try {
      c.setAutoCommit(autoCommit);
      c.setNetworkTimeout(timeoutExecutor, networkTimeout);
    } catch (SQLException | RuntimeException e) {
      // A broken connection: the pool validates it before handing it out again.
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      // The connection is gone; the server rolls the transaction back by itself.
    }
  }

  static boolean isDeadlock(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s
          && (s.getErrorCode() == DEADLOCK
              || s.getErrorCode() == LOCK_WAIT_TIMEOUT
              || "40001".equals(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  static String placeholders(int n) {
    return "?,".repeat(n - 1) + "?";
  }

  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max);
  }
}
