package in.picode.kretanote.meta.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code debug_token} says about a token: valid or not, for which app, when it expires (empty:
 * never), its scopes, and for each scope the object ids it was granted on ({@code
 * granular_scopes.target_ids}; a scope without targets applies to everything the user can see).
 */
public record TokenInfo(
    boolean valid,
    String appId,
    String type,
    Instant expiresAt,
    Set<String> scopes,
    Map<String, List<String>> targets,
    Integer errorCode,
    Integer errorSubcode) {

  public static final String MANAGEMENT = "whatsapp_business_management";
  public static final String MESSAGING = "whatsapp_business_messaging";

  public TokenInfo {
    scopes = Set.copyOf(scopes);
    targets = Map.copyOf(targets);
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** The scope is granted and reaches this object (by granular targets, or without any). */
  public boolean grants(String scope, String objectId) {
    if (!hasScope(scope)) {
      return false;
    }
    List<String> ids = targets.get(scope);
    return ids == null || ids.contains(objectId);
  }
}
