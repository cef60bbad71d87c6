package in.picode.kretanote.platform.security;

import in.picode.kretanote.api.boundary.ApiCaller;
import in.picode.kretanote.api.boundary.ApiKeys;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.RequestLimits;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public API's authentication, {@code /api/v1/*} only (the dashboard's form sign-in is not
 * involved): {@code Authorization: Bearer kn_…} names an API key, which is read from the database
 * at every call (so a revoked key is refused at once), binds the key's business to the request
 * (like {@link TenantBindingFilter} does for a session), counts the call against the key's rate
 * limit ({@code RateLimit} and {@code RateLimit-Policy} headers, 429 over it), refuses bodies over
 * the size limit (413) and writes every call into the business's audit log with the key's name.
 * Refusals are {@code application/problem+json} with a machine code.
 */
@WebFilter(filterName = "api-keys", urlPatterns = "/api/v1/*")
public class ApiKeyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ApiKeyFilter.class.getName());
  private static final Duration WINDOW = Duration.ofMinutes(1);

  @Inject transient ApiKeys keys;
  @Inject transient RequestLimits limits;
  @Inject transient AuditLog audit;
  @Inject transient ClientAddresses clientAddresses;

  @Inject
  @ConfigProperty(name = "kretanote.api.rate.per-minute", defaultValue = "600")
  int perMinute;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  /** Files sent through {@code /api/v1/messages/media} may be larger (WhatsApp allows 100 MB). */
  @Inject
  @ConfigProperty(name = "kretanote.api.media-max-bytes", defaultValue = "16777216")
  long mediaMaxBytes;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if ("GET".equals(req.getMethod()) && isDocument(req)) {
      // The OpenAPI document describes the API and holds no data: public, like /openapi.
      chain.doFilter(req, res);
      return;
    }
    String header = req.getHeader("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    Optional<ApiCaller> caller = token == null ? Optional.empty() : keys.authenticate(token);
    if (caller.isEmpty()) {
      res.setHeader("WWW-Authenticate", "Bearer realm=\"KretaNote API\"");
      problem(
          res,
          401,
          "unauthenticated",
          "Not signed in",
          token == null
              ? "Send an API key as Authorization: Bearer <key>."
              : "The API key is unknown, revoked or expired.");
      return;
    }
    ApiCaller c = caller.get();
    Tenancy.bind(c.tenantId());
    try {
      if (perMinute > 0) {
        RequestLimits.Count count = limits.count("api-key:" + c.keyId(), WINDOW);
        long remaining = Math.max(0, perMinute - count.hits());
        res.setHeader(
            "RateLimit-Policy", "\"per-key\";q=" + perMinute + ";w=" + WINDOW.toSeconds());
        res.setHeader("RateLimit", "\"per-key\";r=" + remaining + ";t=" + count.resetSeconds());
        if (count.hits() > perMinute) {
          res.setHeader("Retry-After", Long.toString(count.resetSeconds()));
          problem(
              res,
              429,
              "rate_limited",
              "Too many requests",
              "This key may make "
                  + perMinute
                  + " calls a minute; try again in "
                  + count.resetSeconds()
                  + " s.");
          return;
        }
      }
      if (hasBody(req)) {
        long length = req.getContentLengthLong();
        long max =
            req.getRequestURI().endsWith("/api/v1/messages/media") ? mediaMaxBytes : maxBytes;
        if (length > max) {
          problem(
              res,
              413,
              "body_too_large",
              "Body too large",
              "Request bodies may have at most " + max + " bytes.");
          return;
        }
        if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
          problem(res, 411, "length_required", "Length required", "Send a Content-Length.");
          return;
        }
      }
      req.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, c);
      chain.doFilter(req, res);
    } finally {
      record(req, res, c);
      Tenancy.clear();
    }
  }

  private void record(HttpServletRequest req, HttpServletResponse res, ApiCaller c) {
    try {
      String query = req.getQueryString();
      audit.record(
          null,
          c.auditName(),
          "api.call",
          req.getMethod()
              + " "
              + req.getRequestURI()
              + (query == null ? "" : "?" + query)
              + " → "
              + res.getStatus(),
          clientAddresses.of(req));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API call not audited: {0}", e.toString());
    }
  }

  private static boolean hasBody(HttpServletRequest req) {
    String m = req.getMethod().toUpperCase(Locale.ROOT);
    return m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
  }

  static void problem(HttpServletResponse res, int status, String code, String title, String detail)
      throws IOException {
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.setCharacterEncoding("UTF-8");
    String body =
        Jsons.createObjectBuilder()
            .add("type", "https://kretanote.example/problems/" + code)
            .add("title", title)
            .add("status", status)
            .add("code", code)
            .add("detail", detail)
            .build()
            .toString();
    res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isDocument(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    return path.equals("/api/v1/openapi.json") || path.equals("/api/v1/openapi.yaml");
  }
}
