package in.picode.kretanote.api.control;

import in.picode.kretanote.api.boundary.ApiWords;
import in.picode.kretanote.platform.boundary.Wording;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF guard of outgoing webhooks. A URL is resolved once; every address it resolves to must be
 * public (no loopback, private, link-local, carrier-grade NAT, unique-local, multicast or
 * unspecified address, which covers cloud metadata endpoints), and the delivery then connects to
 * exactly the address checked (DNS pinning: a second lookup cannot swap in an internal address).
 * Outside the sandbox only HTTPS is accepted. {@code allowed} lists {@code host:port} pairs exempt
 * from the address rule (a receiver on the same machine in a test rig).
 */
public final class AddressGuard {

  private final boolean sandbox;
  private final Set<String> allowed;

  /** {@code sandbox}: any address and plain HTTP are accepted (local development only). */
  public AddressGuard(boolean sandbox, Set<String> allowed) {
    this.sandbox = sandbox;
    this.allowed = Set.copyOf(allowed);
  }

  /** Refused: the reason in words (the message in English). */
  public static class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Wording wording;

    public RefusedException(Wording wording) {
      super(wording.english());
      this.wording = wording;
    }

    public Wording wording() {
      return wording;
    }
  }

  /** The URL's syntax and scheme; no lookup. */
  public URI parse(String url) throws RefusedException {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      throw new RefusedException(ApiWords.URL_INVALID.with());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new RefusedException(ApiWords.URL_NOT_ABSOLUTE.with());
    }
    if (uri.getUserInfo() != null) {
      throw new RefusedException(ApiWords.URL_USER_INFO.with());
    }
    if (scheme.equals("http") && !sandbox && !allowed.contains(hostPort(uri))) {
      throw new RefusedException(ApiWords.URL_NOT_HTTPS.with());
    }
    return uri;
  }

  /** Resolves the host and returns the one address to connect to. */
  public InetAddress pin(URI uri) throws RefusedException {
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new RefusedException(ApiWords.HOST_UNRESOLVED.with(uri.getHost()));
    }
    if (sandbox || allowed.contains(hostPort(uri))) {
      return all[0];
    }
    for (InetAddress a : all) {
      if (!isPublic(a)) {
        throw new RefusedException(ApiWords.HOST_PRIVATE.with(uri.getHost(), a.getHostAddress()));
      }
    }
    return all[0];
  }

  public static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  static String hostPort(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
  }

  public static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && first < 224;
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
