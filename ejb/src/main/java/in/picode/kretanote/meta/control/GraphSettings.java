package in.picode.kretanote.meta.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Graph API is and who we are there. The base URL is configurable so that tests and the
 * sandbox point at the simulator; the version is configurable because Meta retires versions every
 * two years or so. {@link #toString()} leaves the app secret out.
 */
public record GraphSettings(
    String baseUrl,
    String version,
    String appId,
    String appSecret,
    Duration connectTimeout,
    Duration readTimeout) {

  public GraphSettings {
    Objects.requireNonNull(baseUrl, "base URL");
    baseUrl = baseUrl.strip();
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
      throw new IllegalArgumentException("The Graph base URL must start with https:// or http://");
    }
    if (version == null || !version.matches("v\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException("The Graph API version looks like v23.0");
    }
    appId = blankToNull(appId);
    appSecret = blankToNull(appSecret);
    if (appId != null && !appId.matches("[0-9]{1,32}")) {
      throw new IllegalArgumentException("The Meta app id is a number");
    }
    Objects.requireNonNull(connectTimeout, "connect timeout");
    Objects.requireNonNull(readTimeout, "read timeout");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** App id and secret are both set: codes can be exchanged and tokens inspected. */
  public boolean hasAppCredentials() {
    return appId != null && appSecret != null;
  }

  public Optional<String> app() {
    return Optional.ofNullable(appId);
  }

  @Override
  public String toString() {
    return "GraphSettings[baseUrl="
        + baseUrl
        + ", version="
        + version
        + ", appId="
        + appId
        + ", appSecret="
        + (appSecret == null ? "unset" : "set")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
