package in.picode.kretanote.connection.boundary;

/**
 * What the connection page needs to start Meta's Embedded Signup in the browser: the Meta app id,
 * the Embedded Signup configuration id and the Graph API version (none of them secret), or the
 * sandbox button instead.
 */
public record EmbeddedSignupSettings(
    String appId, String configId, String graphVersion, boolean sandbox) {

  /** Real Embedded Signup can start: app id and configuration id are both set. */
  public boolean isConfigured() {
    return appId != null && configId != null;
  }

  // Bean-style accessors for Faces pages (Expression Language 5 does not read record components).

  public String getAppId() {
    return appId;
  }

  public String getConfigId() {
    return configId;
  }

  public String getGraphVersion() {
    return graphVersion;
  }

  public boolean isSandbox() {
    return sandbox;
  }
}
