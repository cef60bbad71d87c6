package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.tenant.entity.Role;

/**
 * What a sign-in attempt came to. The page shows one generic sentence for every failure, so it
 * never tells whether an email exists; {@code reason} is for the audit log only. The session keeps
 * {@code sessionGeneration} and ends once the account's differs (see {@link
 * SignIns#stillSignedIn}).
 */
public record SignInOutcome(
    boolean success,
    Long userId,
    Long tenantId,
    String email,
    Role role,
    String reason,
    int sessionGeneration) {

  public static SignInOutcome failed(Long userId, Long tenantId, String email, String reason) {
    return new SignInOutcome(false, userId, tenantId, email, null, reason, -1);
  }
}
