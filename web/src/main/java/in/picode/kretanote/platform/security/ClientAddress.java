package in.picode.kretanote.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address request limits are counted against. The direct peer for now; the one place to switch
 * to the trusted-proxy resolution ({@code kretanote.security.trusted-proxies}).
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
