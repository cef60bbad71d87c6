package in.picode.kretanote.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock integration tests move instead of sleeping: replaces the application's {@code Clock}
 * (billing's producer) in test deployments. It tells the real time until a test sets it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableClock {

  private static final Movable INSTANCE = new Movable();

  @Produces
  Clock clock() {
    return INSTANCE;
  }

  public static void set(Instant now) {
    INSTANCE.fixed = now;
  }

  public static void advance(Duration d) {
    INSTANCE.fixed = INSTANCE.instant().plus(d);
  }

  public static Instant now() {
    return INSTANCE.instant();
  }

  public static void reset() {
    INSTANCE.fixed = null;
  }

  static final class Movable extends Clock {
    volatile Instant fixed;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant f = fixed;
      return f == null ? Instant.now() : f;
    }
  }
}
