package in.picode.kretanote.api.boundary;

import java.util.Set;

/** Who calls the API: a key of a business, by its id and name, with its scopes. */
public record ApiCaller(long keyId, long tenantId, String keyName, Set<String> scopes) {

  /** The request attribute under which the API's filter leaves the caller for the resources. */
  public static final String REQUEST_ATTRIBUTE = "kretanote.api.caller";

  public ApiCaller {
    scopes = Set.copyOf(scopes);
  }

  public boolean may(Scope scope) {
    return scopes.contains(scope.wire());
  }

  /** How the audit log names the caller. */
  public String auditName() {
    return "API key \"" + keyName + "\"";
  }
}
