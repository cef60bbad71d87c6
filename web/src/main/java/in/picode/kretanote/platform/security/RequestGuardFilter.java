package in.picode.kretanote.platform.security;

import in.picode.kretanote.platform.boundary.RequestLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps anonymous clients from exhausting the server through the pages, before JSF reads a byte:
 *
 * <ul>
 *   <li>Request limits on the forms that cost a password hash or a mail (sign-up, forgot password,
 *       join, sign-in and the pages that ask for a password): per client address and for the whole
 *       platform, in fixed windows of {@code kretanote.security.rate.window}, counted in the
 *       database ({@link RequestLimits}) so they hold across servers. Over the limit: 429 with
 *       {@code Retry-After} and a short page saying when to try again.
 *   <li>Request bodies: the Faces servlet accepts multipart uploads up to Meta's 100 MB, but only
 *       the upload views ({@code kretanote.security.upload-views}) need them; every other page
 *       refuses a multipart body or one over {@code kretanote.security.form-body.max-bytes} with
 *       413, and a body without a declared length with 411.
 * </ul>
 */
@WebFilter(filterName = "request-guard", urlPatterns = "*.xhtml")
public class RequestGuardFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The limited actions, by the page that posts them. */
  enum Action {
    SIGN_UP("sign-up"),
    FORGOT_PASSWORD("forgot-password"),
    JOIN("join"),
    SIGN_IN("sign-in");

    final String key;

    Action(String key) {
      this.key = key;
    }
  }

  static final Map<String, Action> PAGES =
      Map.of(
          "/signup.xhtml", Action.SIGN_UP,
          "/forgot.xhtml", Action.FORGOT_PASSWORD,
          "/join.xhtml", Action.JOIN,
          "/login.xhtml", Action.SIGN_IN,
          "/verify.xhtml", Action.SIGN_IN,
          "/cancel-deletion.xhtml", Action.SIGN_IN);

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/_.-]{1,100}");

  @Inject RequestLimits limits;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.window", defaultValue = "PT10M")
  Duration window;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.sign-up.per-address", defaultValue = "10")
  int signUpPerAddress;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.sign-up.global", defaultValue = "200")
  int signUpGlobal;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.forgot-password.per-address", defaultValue = "10")
  int forgotPerAddress;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.forgot-password.global", defaultValue = "500")
  int forgotGlobal;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.join.per-address", defaultValue = "20")
  int joinPerAddress;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.join.global", defaultValue = "300")
  int joinGlobal;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.sign-in.per-address", defaultValue = "100")
  int signInPerAddress;

  @Inject
  @ConfigProperty(name = "kretanote.security.rate.sign-in.global", defaultValue = "5000")
  int signInGlobal;

  @Inject
  @ConfigProperty(
      name = "kretanote.security.upload-views",
      defaultValue =
          "/app/conversation.xhtml,/app/inbox.xhtml,/app/contacts-import.xhtml,/app/templates.xhtml")
  String uploadViews;

  @Inject
  @ConfigProperty(name = "kretanote.security.form-body.max-bytes", defaultValue = "1048576")
  long formBodyMax;

  private volatile Set<String> uploads;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    String path = req.getServletPath();
    if (!uploadViews().contains(path)) {
      String type = req.getContentType();
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
        refuse(req, res, 413, "This page does not accept file uploads.");
        return;
      }
      long length = req.getContentLengthLong();
      if (length > formBodyMax) {
        refuse(req, res, 413, "The form you sent is too large.");
        return;
      }
      if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
        refuse(req, res, 411, "Send the form with a Content-Length.");
        return;
      }
    }
    Action action = PAGES.get(path);
    if (action != null) {
      RequestLimits.Verdict verdict = admit(action, ClientAddresses.current().of(req));
      if (!verdict.allowed()) {
        res.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        refuse(
            req,
            res,
            429,
            "Too many attempts. Please wait "
                + inWords(verdict.retryAfterSeconds())
                + " and try again.");
        return;
      }
    }
    chain.doFilter(req, res);
  }

  /** The address's own limit first, so a client already refused does not use up everyone's. */
  private RequestLimits.Verdict admit(Action action, String address) {
    RequestLimits.Verdict own =
        limits.hit(action.key + ":a:" + address, perAddress(action), window);
    if (!own.allowed()) {
      return own;
    }
    return limits.hit(action.key + ":all", global(action), window);
  }

  private int perAddress(Action a) {
    return switch (a) {
      case SIGN_UP -> signUpPerAddress;
      case FORGOT_PASSWORD -> forgotPerAddress;
      case JOIN -> joinPerAddress;
      case SIGN_IN -> signInPerAddress;
    };
  }

  private int global(Action a) {
    return switch (a) {
      case SIGN_UP -> signUpGlobal;
      case FORGOT_PASSWORD -> forgotGlobal;
      case JOIN -> joinGlobal;
      case SIGN_IN -> signInGlobal;
    };
  }

  private Set<String> uploadViews() {
    Set<String> u = uploads;
    if (u == null) {
      u =
          Arrays.stream(uploadViews.split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      uploads = u;
    }
    return u;
  }

  static String inWords(long seconds) {
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  /** A small page of its own: the body was not read, so JSF cannot render the form again. */
  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String text) throws IOException {
    res.setStatus(status);
    res.setHeader("Connection", "close");
    res.setContentType("text/html");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try (PrintWriter w = res.getWriter()) {
      w.write(
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>KretaNote</title>"
              + "</head><body><main><h1>KretaNote</h1><p id=\"refusal\">"
              + text
              + "</p><p><a href=\""
              + req.getContextPath()
              + (SAFE_PATH.matcher(req.getServletPath()).matches() ? req.getServletPath() : "/")
              + "\">Back to the form</a></p></main></body></html>");
    }
  }
}
