package in.picode.kretanote.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that says where a request comes from and whether the browser used HTTPS, with the
 * proxies of {@code kretanote.security.trusted-proxies} (see {@link TrustedProxies}). Sign-in
 * throttling, audit entries and HSTS all ask here, never {@code getRemoteAddr()} directly.
 */
@ApplicationScoped
public class ClientAddresses {

  @Inject
  @ConfigProperty(name = "kretanote.security.trusted-proxies")
  Optional<String> trustedProxies;

  private TrustedProxies proxies = TrustedProxies.none();

  @PostConstruct
  void parse() {
    proxies = TrustedProxies.parse(trustedProxies.orElse(""));
  }

  /** For static helpers that cannot inject. */
  public static ClientAddresses current() {
    return CDI.current().select(ClientAddresses.class).get();
  }

  public String of(HttpServletRequest request) {
    return proxies.clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** TLS to this server, or to a trusted proxy that says so in {@code X-Forwarded-Proto}. */
  public boolean isHttps(HttpServletRequest request) {
    return request.isSecure()
        || proxies.forwardedHttps(
            request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-Proto")));
  }
}
