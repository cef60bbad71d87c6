package in.picode.kretanote.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixed-window request counters in the database ({@code request_limit}), so a limit holds across
 * every server: one atomic upsert counts the request and starts a new window when the old one is
 * over, then the count decides. Each call commits on its own (a refused or failed form still
 * counts) and holds the row lock only for that short transaction. Not tenant-scoped: the buckets
 * are client addresses and platform-wide actions, not tenant data.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RequestLimits {

  /** Whether a request may go on; if not, after how many seconds it may be tried again. */
  public record Verdict(boolean allowed, long retryAfterSeconds) {
    static final Verdict ALLOWED = new Verdict(true, 0);
  }

  static final int BUCKET_MAX = 120;
  private static final Duration KEEP = Duration.ofDays(1);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * Counts one request against {@code bucket}; allowed while at most {@code limit} requests fell
   * into the current window of length {@code window}. A limit of 0 or less switches it off.
   */
  public Verdict hit(String bucket, int limit, Duration window) {
    if (limit <= 0) {
      return Verdict.ALLOWED;
    }
    Count count = count(bucket, window);
    if (count.hits() <= limit) {
      return Verdict.ALLOWED;
    }
    return new Verdict(false, count.resetSeconds());
  }

  /** Requests counted in the current window so far (this one included), and when it ends. */
  public record Count(int hits, long resetSeconds) {}

  /** Counts one request against {@code bucket}, for callers that report the remaining quota. */
  public Count count(String bucket, Duration window) {
    String key = bucket.length() > BUCKET_MAX ? bucket.substring(0, BUCKET_MAX) : bucket;
    Instant now = Instant.now(clock);
    Timestamp ts = Timestamp.from(now);
    Timestamp expired = Timestamp.from(now.minus(window));
    // MariaDB applies the assignments left to right: hits still sees the old window_start.
    em.createNativeQuery(
            "insert into request_limit (bucket, window_start, hits) values (?, ?, 1)"
                + " on duplicate key update"
                + " hits = if(window_start <= ?, 1, hits + 1),"
                + " window_start = if(window_start <= ?, ?, window_start)")
        .setParameter(1, key)
        .setParameter(2, ts)
        .setParameter(3, expired)
        .setParameter(4, expired)
        .setParameter(5, ts)
        .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
        .executeUpdate();
    Object[] row =
        (Object[])
            em.createNativeQuery("select hits, window_start from request_limit where bucket = ?")
                .setParameter(1, key)
                .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
                .getSingleResult();
    if (ThreadLocalRandom.current().nextInt(512) == 0) {
      em.createNativeQuery("delete from request_limit where window_start < ?")
          .setParameter(1, Timestamp.from(now.minus(KEEP)))
          .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
          .executeUpdate();
    }
    int hits = ((Number) row[0]).intValue();
    Instant ends = ((Timestamp) row[1]).toInstant().plus(window);
    return new Count(hits, Math.max(1, (Duration.between(now, ends).toMillis() + 999) / 1000));
  }
}
