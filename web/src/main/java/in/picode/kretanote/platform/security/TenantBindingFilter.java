package in.picode.kretanote.platform.security;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.routing.boundary.RoutingSettings;
import in.picode.kretanote.tenant.boundary.SignIns;
import jakarta.inject.Inject;
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
 *
 * <p>First it checks that the session may still be used: a user who was disabled, changed role or
 * reset the password since signing in is signed out here, at the next request, on whichever server
 * it arrives (the check reads the database), and sent to the sign-in page. The container checked
 * the page's role constraint before this filter, against the role of the old sign-in, which is why
 * the request goes no further.
 */
// asyncSupported: the webhook endpoint answers asynchronously; work completed on another
// thread never sees the tenant bound here (Tenancy is per thread), so it fails closed.
@WebFilter(filterName = "tenant-binding", urlPatterns = "/*", asyncSupported = true)
public class TenantBindingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String ENROL_PAGE = "/app/account-security.xhtml";

  @Inject SignIns signIns;
  @Inject RoutingSettings routing;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getUserPrincipal() == null) {
      chain.doFilter(req, res);
      return;
    }
    HttpSession session = req.getSession(false);
    if (!stillSignedIn(session)) {
      end(req, res, session);
      return;
    }
    if (mustEnrolFirst(req, session)) {
      res.sendRedirect(req.getContextPath() + ENROL_PAGE);
      return;
    }
    Object tenant = session.getAttribute(SessionKeys.TENANT_ID);
    if (!(tenant instanceof Long id)) {
      chain.doFilter(req, res);
      return;
    }
    Tenancy.bind(id);
    // Static resources read no conversations: no query for them.
    boolean agent =
        !req.getRequestURI().contains("/jakarta.faces.resource/")
            && !req.isUserInRole("OWNER")
            && !req.isUserInRole("ADMIN");
    try {
      if (agent && session.getAttribute(SessionKeys.USER_ID) instanceof Long user) {
        // Restricted to their teams' conversations when the business says so.
        routing.bindVisibility(user, false);
      }
      chain.doFilter(req, res);
    } finally {
      try {
        if (agent) {
          routing.unbindVisibility();
        }
      } finally {
        Tenancy.clear();
      }
    }
  }

  /**
   * A member of a business that requires a second factor, signed in without one, may open only the
   * set-up page (and its resources) until one is set up.
   */
  private static boolean mustEnrolFirst(HttpServletRequest req, HttpSession session) {
    if (session.getAttribute(SecondFactorStep.MUST_ENROL) == null) {
      return false;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    return path.startsWith("/app/") && !path.equals(ENROL_PAGE);
  }

  private boolean stillSignedIn(HttpSession session) {
    if (session == null) {
      return false;
    }
    return session.getAttribute(SessionKeys.USER_ID) instanceof Long user
        && session.getAttribute(SessionKeys.SESSION_GENERATION) instanceof Integer generation
        && signIns.stillSignedIn(user, generation);
  }

  private static void end(HttpServletRequest req, HttpServletResponse res, HttpSession session)
      throws IOException, ServletException {
    req.logout();
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalid) {
        // Nothing left to end.
      }
    }
    String login = req.getContextPath() + "/login.xhtml?ended=true";
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      res.setContentType("text/xml");
      res.setCharacterEncoding("UTF-8");
      res.getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + login
                  + "\"/></partial-response>");
      return;
    }
    res.sendRedirect(login);
  }
}
