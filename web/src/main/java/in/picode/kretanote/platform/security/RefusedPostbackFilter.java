package in.picode.kretanote.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.primefaces.csp.CspException;

/**
 * A Faces postback that PrimeFaces' CSP mode refuses (no nonce, or not the view's) is a bad
 * request, not a server error: the client answered a form it was not given, or replayed one. It
 * gets HTTP 400 and the product's own short page, never the application server's error page with
 * its stack summary, name and version. The page is plain HTML ({@value #PAGE}) written here, not a
 * Faces error page: Faces would see the same postback again and PrimeFaces refuse it again.
 */
@WebFilter(filterName = "refused-postbacks", servletNames = "Faces Servlet")
public class RefusedPostbackFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(RefusedPostbackFilter.class.getName());
  static final String PAGE = "/WEB-INF/errors/bad-request.html";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(req, res);
    } catch (ServletException | RuntimeException e) {
      if (!causedBy(e, CspException.class) || res.isCommitted()) {
        throw e;
      }
      LOG.log(
          Level.INFO,
          "Refused a postback to {0} without the page''s CSP nonce (HTTP 400)",
          req.getServletPath());
      badRequest(req, res);
    }
  }

  private static void badRequest(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String page;
    try (InputStream in = req.getServletContext().getResourceAsStream(PAGE)) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The context path comes from the deployment, not the request; quoted anyway.
    String context = req.getContextPath().replace("&", "&amp;").replace("\"", "&quot;");
    byte[] body = page.replace("${context}", context).getBytes(StandardCharsets.UTF_8);
    res.resetBuffer();
    res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    res.setContentType("text/html; charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t instanceof ServletException s && s.getRootCause() != null && s.getRootCause() != t) {
        if (causedBy(s.getRootCause(), type)) {
          return true;
        }
      }
    }
    return false;
  }
}
