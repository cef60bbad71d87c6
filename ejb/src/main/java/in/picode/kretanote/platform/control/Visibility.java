package in.picode.kretanote.platform.control;

import java.util.Optional;
import java.util.Set;

/**
 * Which conversations the current thread's user may see, when the business restricts agents to
 * their teams: those of {@link Scope#teamIds} and those assigned to {@link Scope#userId}. Nothing
 * bound means no restriction (managers, timers, the public API). The web filter binds it next to
 * the tenant for the length of a request; messaging's boundaries apply it to every inbox query and
 * every conversation they look up, so an id typed into a URL finds nothing either.
 *
 * <p>A thread-local for the same reason as {@link Tenancy}; it lives in platform because the
 * routing feature decides it and the messaging feature enforces it, and neither imports the other
 * that way round.
 */
public final class Visibility {

  /** The user and the teams whose conversations they may see. */
  public record Scope(long userId, Set<Long> teamIds) {

    public Scope {
      teamIds = Set.copyOf(teamIds);
    }

    public boolean allows(Long teamId, Long assigneeId) {
      return (assigneeId != null && assigneeId == userId)
          || (teamId != null && teamIds.contains(teamId));
    }
  }

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private Visibility() {}

  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Whether the current user may see a conversation of team {@code teamId} assigned so. */
  public static boolean permits(Long teamId, Long assigneeId) {
    Scope scope = CURRENT.get();
    return scope == null || scope.allows(teamId, assigneeId);
  }

  /** Pair with {@link #clear()} in a finally block. */
  public static void bind(Scope scope) {
    if (scope == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(scope);
    }
  }

  public static void clear() {
    CURRENT.remove();
  }
}
