package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.platform.security.SessionKeys;
import in.picode.kretanote.tenant.boundary.AccountPreferences;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;

/**
 * The language every page is answered in, decided in one place (both templates' {@code f:view
 * locale}, {@code lang} and {@code dir}): the signed-in user's preference; else the language picked
 * with a public page's switch ({@code ?lang=es}, kept for the session); else the browser's
 * (Accept-Language) best match among the offered languages; else English. The preference is read
 * once per session and keyed by the user id, like {@link UserZone}.
 */
@Named
@SessionScoped
public class UserLanguage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AccountPreferences preferences;
  @Inject transient HttpServletRequest request;

  private Long loadedFor;
  private String chosen;
  private String picked;

  /** The locale of the page being answered. */
  public Locale getLocale() {
    return Languages.locale(getTag());
  }

  /** The BCP 47 tag of the page's language ({@code <html lang>}). */
  public String getTag() {
    String param = request().getParameter("lang");
    if (param != null) {
      Languages.offered(param).ifPresent(tag -> picked = tag);
    }
    Long user = userId();
    if (user != null) {
      if (!user.equals(loadedFor)) {
        chosen = preferences().language(user).orElse(null);
        loadedFor = user;
      }
      if (chosen != null) {
        return chosen;
      }
    }
    if (picked != null) {
      return picked;
    }
    return Languages.best(Collections.list(request().getLocales()));
  }

  /** {@code rtl} for Arabic, else {@code ltr}. */
  public String getDir() {
    return Languages.rightToLeft(getLocale()) ? "rtl" : "ltr";
  }

  /** The user's stored choice, or null while the browser's language decides. */
  public String getChosen() {
    Long user = userId();
    if (user != null && !user.equals(loadedFor)) {
      getTag();
    }
    return user == null ? null : chosen;
  }

  /** After the preferences page saved a choice (null: follow the browser). */
  void changed(String tag) {
    chosen = tag;
    loadedFor = userId();
  }

  /** The offered languages as links for a public page's switch, each named in itself. */
  public java.util.List<Choice> getChoices() {
    String current = getTag();
    return Languages.tags().stream()
        .map(t -> new Choice(t, Languages.name(t), t.equals(current), href(t)))
        .toList();
  }

  /** One language of the switch. */
  public record Choice(String tag, String name, boolean current, String href)
      implements Serializable {}

  /** This page's address with {@code lang=tag}, keeping its other parameters (a reset token). */
  private String href(String tag) {
    StringBuilder query = new StringBuilder();
    String existing = request().getQueryString();
    if (existing != null) {
      for (String pair : existing.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("lang=")) {
          query.append(pair).append('&');
        }
      }
    }
    query.append("lang=").append(tag);
    return request().getRequestURI() + "?" + query;
  }

  private AccountPreferences preferences() {
    if (preferences == null) {
      preferences = CDI.current().select(AccountPreferences.class).get();
    }
    return preferences;
  }

  private HttpServletRequest request() {
    if (request == null) {
      request = CDI.current().select(HttpServletRequest.class).get();
    }
    return request;
  }

  private Long userId() {
    HttpSession session = request().getSession(false);
    Object id = session == null ? null : session.getAttribute(SessionKeys.USER_ID);
    return id instanceof Long l ? l : null;
  }
}
