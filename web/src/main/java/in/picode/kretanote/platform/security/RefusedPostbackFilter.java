package in.picode.kretanote.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import org.primefaces.csp.CspException;

/**
 * A Faces postback that PrimeFaces' CSP mode refuses (no nonce, or not the view's) is a bad
 * request, not a server error: the client answered a form it was not given, or replayed one. It
 * gets HTTP 400 and the product's own short page ({@code /error/bad-request.xhtml}), never the
 * application server's error page with its stack summary, name and version.
 */
@WebFilter(filterName = "refused-postbacks", servletNames = "Faces Servlet")
public class RefusedPostbackFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(RefusedPostbackFilter.class.getName());

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
      res.sendError(HttpServletResponse.SC_BAD_REQUEST, "Bad request");
    }
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
