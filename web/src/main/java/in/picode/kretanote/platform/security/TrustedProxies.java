package in.picode.kretanote.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is when a reverse proxy stands in between. {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto} are written by whoever sends the request, so they are believed only when the
 * direct peer is one of the configured proxies (CIDRs, IPv4 and IPv6). The client is then the
 * right-most hop that is not a trusted proxy: every hop to its right was appended by a proxy we
 * trust, everything to its left may be invented by the client. An empty list trusts nobody and the
 * peer address is the client.
 */
public final class TrustedProxies {

  private final List<Cidr> networks;

  private TrustedProxies(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
  }

  /**
   * Parses a comma-separated list such as {@code 10.0.0.5, 192.168.0.0/16, fd00::/8}.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or a CIDR
   */
  public static TrustedProxies parse(String csv) {
    List<Cidr> networks = new ArrayList<>();
    if (csv != null) {
      for (String entry : csv.split(",")) {
        String e = entry.strip();
        if (!e.isEmpty()) {
          networks.add(Cidr.parse(e));
        }
      }
    }
    return new TrustedProxies(networks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  public boolean trusts(String address) {
    return literal(address).map(a -> networks.stream().anyMatch(n -> n.contains(a))).orElse(false);
  }

  /**
   * The client's address.
   *
   * @param peer the direct peer ({@code getRemoteAddr()})
   * @param forwardedFor the {@code X-Forwarded-For} header values in the order received
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    String client = canonical(peer);
    if (!trusts(peer) || forwardedFor == null) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      if (header != null) {
        for (String hop : header.split(",")) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        // A trusted proxy passed on something that is no address: believe nothing further left.
        return client;
      }
      client = hop.get().getHostAddress();
      if (!trusts(client)) {
        return client;
      }
    }
    return client;
  }

  /**
   * Whether the client spoke HTTPS to the proxy: {@code X-Forwarded-Proto} from a trusted peer, the
   * right-most value when proxies chained it.
   */
  public boolean forwardedHttps(String peer, List<String> forwardedProto) {
    if (!trusts(peer) || forwardedProto == null || forwardedProto.isEmpty()) {
      return false;
    }
    String last = forwardedProto.get(forwardedProto.size() - 1);
    if (last == null) {
      return false;
    }
    String[] values = last.split(",");
    return values[values.length - 1].strip().equalsIgnoreCase("https");
  }

  private static String canonical(String address) {
    return literal(address).map(InetAddress::getHostAddress).orElse(address);
  }

  /** {@code 1.2.3.4:5678} and {@code [::1]:5678} as some proxies write them. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
      return hop.substring(0, colon);
    }
    return hop;
  }

  /**
   * An IP literal, never a host name: {@link InetAddress#getByName} would ask DNS for anything that
   * does not look like an address, so IPv4 is parsed here and IPv6 only handed over when it can
   * only be a literal (it contains a colon).
   */
  static Optional<InetAddress> literal(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return Optional.empty();
    }
    try {
      if (s.indexOf(':') >= 0) {
        if (Character.digit(s.charAt(0), 16) < 0 && s.charAt(0) != ':') {
          return Optional.empty();
        }
        for (char c : s.toCharArray()) {
          if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
            return Optional.empty();
          }
        }
        return Optional.of(InetAddress.getByName(s));
      }
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        String p = parts[i];
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
        int v = Integer.parseInt(p);
        if (v > 255) {
          return Optional.empty();
        }
        b[i] = (byte) v;
      }
      return Optional.of(InetAddress.getByAddress(b));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private record Cidr(byte[] network, int prefix) {

    static Cidr parse(String s) {
      int slash = s.indexOf('/');
      String address = slash < 0 ? s : s.substring(0, slash);
      InetAddress a =
          literal(address)
              .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR: " + s));
      int bits = a.getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Not an IP address or CIDR: " + s, e);
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("Prefix out of range: " + s);
        }
      }
      return new Cidr(a.getAddress(), prefix);
    }

    boolean contains(InetAddress candidate) {
      byte[] c = candidate.getAddress();
      if (c.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (c[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (c[full] & mask) == (network[full] & mask);
    }
  }
}
