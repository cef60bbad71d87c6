package in.picode.kretanote.platform.security;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Binds the signed-in user's tenant to the request thread. The tenant comes from the session the
 * identity store filled at sign-in, never from a parameter, so tampering with ids in a URL can at
 * most reach the caller's own tenant.
 */
// asyncSupported: the webhook endpoint answers asynchronously; work completed on another
// thread never sees the tenant bound here (Tenancy is per thread), so it fails closed.
@WebFilter(filterName = "tenant-binding", urlPatterns = "/*", asyncSupported = true)
public class TenantBindingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    Object tenant = session == null ? null : session.getAttribute(SessionKeys.TENANT_ID);
    if (req.getUserPrincipal() == null || !(tenant instanceof Long id)) {
      chain.doFilter(req, res);
      return;
    }
    Tenancy.bind(id);
    try {
      chain.doFilter(req, res);
    } finally {
      Tenancy.clear();
    }
  }
}
