package in.picode.kretanote.meta.control;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where KretaNote sends a tenant's access token to fetch a media file. Meta's media answer names
 * the download URL, and the download carries the bearer token, so a URL on any other host would
 * hand the token to whoever runs it. Allowed: Meta's media hosts ({@code lookaside.fbsbx.com},
 * {@code *.fbcdn.net}, {@code *.whatsapp.net}) over HTTPS (plain HTTP in the sandbox only), and the
 * configured Graph API origin itself (scheme, host and port as configured; the token goes there
 * anyway, and in tests and the sandbox it is the simulator). A URL with user info is refused.
 */
public final class MediaHosts {

  private MediaHosts() {}

  /** Why {@code url} must not get the token, or empty when it may. */
  public static Optional<String> refusal(URI url, String graphBaseUrl, boolean sandbox) {
    if (url == null || !url.isAbsolute() || url.getHost() == null) {
      return Optional.of("the download link has no host");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("the download link carries user info");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("the download link is not HTTP");
    }
    if (sameOrigin(url, URI.create(graphBaseUrl))) {
      return Optional.empty();
    }
    if (!isMetaMediaHost(url.getHost())) {
      return Optional.of("the download link is not on one of Meta's media hosts");
    }
    if (!scheme.equals("https") && !sandbox) {
      return Optional.of("the download link is not HTTPS");
    }
    return Optional.empty();
  }

  static boolean isMetaMediaHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.equals("lookaside.fbsbx.com")
        || (h.endsWith(".fbcdn.net") && h.length() > ".fbcdn.net".length())
        || (h.endsWith(".whatsapp.net") && h.length() > ".whatsapp.net".length());
  }

  private static boolean sameOrigin(URI url, URI base) {
    return base.getScheme() != null
        && base.getHost() != null
        && url.getScheme().equalsIgnoreCase(base.getScheme())
        && url.getHost().equalsIgnoreCase(base.getHost())
        && port(url) == port(base);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
