package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.control.ApiSecrets;
import in.picode.kretanote.api.entity.ApiKey;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A business's API keys: OWNER and ADMIN create them (name, scopes, optional expiry; the token is
 * shown once and only its hash kept) and revoke them, which takes effect at the next call because
 * every call reads the key. Keys are not a multitenant entity (a call is authenticated before any
 * tenant is known), so every method here but {@link #authenticate} filters by the current tenant
 * itself.
 */
@Stateless
public class ApiKeys {

  /** Most keys a business may hold that are not revoked. */
  public static final int MAX_ACTIVE = 50;

  private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** Who acts in the dashboard, for the audit log. */
  public record Actor(long userId, String email, String address) {}

  /** A new key and its token, which is shown once and never again. */
  public record Created(ApiKey key, String token) {}

  public Created create(String name, Set<String> scopes, Instant expiresAt, Actor actor) {
    long tenant = Tenancy.require();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > ApiKey.NAME_MAX) {
      throw new ApiKeyRefusedException(ApiWords.KEY_NAME.with(ApiKey.NAME_MAX));
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new ApiKeyRefusedException(ApiWords.KEY_NO_PERMISSION.with());
    }
    Set<String> checked = new LinkedHashSet<>();
    for (String s : scopes) {
      checked.add(
          Scope.of(s)
              .orElseThrow(
                  () -> new ApiKeyRefusedException(ApiWords.KEY_UNKNOWN_PERMISSION.with(s)))
              .wire());
    }
    Instant now = Instant.now(clock);
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new ApiKeyRefusedException(ApiWords.KEY_EXPIRY_PAST.with());
    }
    long active = list().stream().filter(k -> !k.isRevoked()).count();
    if (active >= MAX_ACTIVE) {
      throw new ApiKeyRefusedException(ApiWords.KEY_MAX.with(MAX_ACTIVE));
    }
    ApiSecrets.Fresh fresh = ApiSecrets.generate();
    ApiKey key =
        new ApiKey(
            tenant,
            fresh.publicId(),
            fresh.secretSha256(),
            n,
            checked,
            actor.userId(),
            now,
            expiresAt);
    em.persist(key);
    em.flush();
    audit.record(
        actor.userId(),
        actor.email(),
        "api.key.created",
        "API key \"" + n + "\" (" + String.join(" ", checked) + ")",
        actor.address());
    return new Created(key, fresh.token());
  }

  /** The current business's keys, newest first, revoked ones too. */
  public List<ApiKey> list() {
    return em.createNamedQuery(ApiKey.OF_TENANT, ApiKey.class)
        .setParameter("tenant", Tenancy.require())
        .getResultList();
  }

  /** Revokes at once; a key of another business, or none, is refused as unknown. */
  public ApiKey revoke(long id, Actor actor) {
    ApiKey key = em.find(ApiKey.class, id);
    if (key == null || key.getTenantId() != Tenancy.require()) {
      throw new ApiKeyRefusedException(ApiWords.KEY_MISSING.with());
    }
    if (!key.isRevoked()) {
      key.revoke(Instant.now(clock));
      audit.record(
          actor.userId(),
          actor.email(),
          "api.key.revoked",
          "API key \"" + key.getName() + "\"",
          actor.address());
    }
    return key;
  }

  /**
   * The caller a bearer token stands for, or empty for a malformed, unknown, revoked or expired
   * token (the caller learns no more than that). Notes the last use, at most every 30 seconds.
   */
  public Optional<ApiCaller> authenticate(String token) {
    Optional<ApiSecrets.Parsed> parsed = ApiSecrets.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiKey> found =
        em.createNamedQuery(ApiKey.BY_PUBLIC_ID, ApiKey.class)
            .setParameter("id", parsed.get().publicId())
            .getResultStream()
            .findFirst();
    byte[] hash = ApiSecrets.sha256(parsed.get().secret());
    Instant now = Instant.now(clock);
    if (found.isEmpty() || !found.get().secretMatches(hash) || !found.get().usableAt(now)) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    em.refresh(key);
    if (!key.usableAt(now)) {
      return Optional.empty();
    }
    if (key.getLastUsedAt() == null || key.getLastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
      key.used(now);
    }
    return Optional.of(
        new ApiCaller(key.getId(), key.getTenantId(), key.getName(), key.getScopes()));
  }
}
