package in.picode.kretanote.platform.security;

/** Names of the few values kept in the HTTP session after sign-in. */
public final class SessionKeys {

  public static final String TENANT_ID = "kretanote.tenantId";
  public static final String USER_ID = "kretanote.userId";
  public static final String SESSION_GENERATION = "kretanote.sessionGeneration";

  private SessionKeys() {}
}
