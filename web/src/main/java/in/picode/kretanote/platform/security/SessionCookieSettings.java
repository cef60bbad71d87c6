package in.picode.kretanote.platform.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie {@code Secure} unless {@code kretanote.security.secure-cookie} is false.
 * Production answers browsers over HTTPS only (TLS on 8181, or a proxy in front of a plain listener
 * bound to loopback), so the cookie must never travel in clear text. Only the local sandbox of the
 * run command and plain-HTTP test rigs turn it off, and the server log says so at every start.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  static final String KEY = "kretanote.security.secure-cookie";

  private static final Logger LOG = System.getLogger(SessionCookieSettings.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(Boolean.TRUE);
    apply(event.getServletContext().getSessionCookieConfig(), secure);
    if (!secure) {
      LOG.log(
          Level.WARNING,
          "The session cookie is sent without Secure ({0}=false): plain HTTP for a local sandbox"
              + " or test only, never for real users.",
          KEY);
    }
  }

  static void apply(SessionCookieConfig cookie, boolean secure) {
    cookie.setSecure(secure);
    cookie.setHttpOnly(true);
  }
}
