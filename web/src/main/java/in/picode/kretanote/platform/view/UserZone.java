package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.security.SessionKeys;
import in.picode.kretanote.tenant.boundary.AccountPreferences;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone the signed-in user reads times in, read once per session: the user's setting, or
 * UTC until the browser reported its zone (the template asks the browser once, through {@link
 * #detect}, while none is stored). Keyed by the user id so a session that changes hands never shows
 * the previous user's zone.
 */
@Named
@SessionScoped
public class UserZone implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final ZoneId DEFAULT = ZoneId.of("UTC");

  // Transient like the house's other session-held beans; looked up again after the session moved.
  @Inject transient AccountPreferences preferences;
  @Inject transient HttpServletRequest request;

  private Long loadedFor;
  private String zone;

  /** The zone to show times in: the user's, or UTC for nobody / not yet known. */
  public ZoneId zone() {
    Long user = userId();
    if (user == null) {
      return DEFAULT;
    }
    if (!user.equals(loadedFor)) {
      zone = preferences().timeZone(user).map(ZoneId::getId).orElse(null);
      loadedFor = user;
    }
    return zone == null ? DEFAULT : ZoneId.of(zone);
  }

  /** True while the signed-in user has no zone: the template then asks the browser for it. */
  public boolean isUnset() {
    return userId() != null && zone().equals(DEFAULT) && zone == null;
  }

  /** The browser's answer (request parameter {@code zone}); stored only while none is set. */
  public void detect() {
    Long user = userId();
    String reported =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("zone");
    if (user == null) {
      return;
    }
    Optional<ZoneId> stored = preferences().detected(user, reported);
    stored.ifPresent(z -> changed(z));
  }

  void changed(ZoneId chosen) {
    zone = chosen.getId();
    loadedFor = userId();
  }

  public String getId() {
    return zone().getId();
  }

  private AccountPreferences preferences() {
    if (preferences == null) {
      preferences = CDI.current().select(AccountPreferences.class).get();
    }
    return preferences;
  }

  private Long userId() {
    if (request == null) {
      request = CDI.current().select(HttpServletRequest.class).get();
    }
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(SessionKeys.USER_ID);
    return id instanceof Long l ? l : null;
  }
}
