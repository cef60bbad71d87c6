package in.picode.kretanote.api.view;

import in.picode.kretanote.api.boundary.ApiKeyRefusedException;
import in.picode.kretanote.api.boundary.ApiKeys;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.api.entity.ApiKey;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Settings → API keys (OWNER and ADMIN, by the /app/settings/* constraint): the business's keys
 * with their permissions, expiry and last use, a create form whose errors are all shown at once,
 * the new key's token shown once, and a revoke button per key.
 */
@Named
@ViewScoped
public class ApiKeysBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String BUNDLE = "in.picode.kretanote.api.view.ApiTexts";

  @Inject transient ApiKeys keys;
  @Inject transient CurrentUser user;

  private List<ApiKey> rows = List.of();
  private String name;
  private List<String> scopes = new ArrayList<>();
  private String expiry;
  private String token;

  public void load() {
    if (!FacesContext.getCurrentInstance().isPostback()) {
      rows = keys.list();
    }
  }

  public void create() {
    token = null;
    List<String[]> errors = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > ApiKey.NAME_MAX) {
      errors.add(new String[] {"name", text("error.name")});
    }
    if (scopes == null || scopes.isEmpty()) {
      errors.add(new String[] {"scopes", text("error.scopes")});
    }
    Instant expires = null;
    if (expiry != null && !expiry.isBlank()) {
      try {
        expires = LocalDate.parse(expiry.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!expires.isAfter(Instant.now())) {
          errors.add(new String[] {"expiry", text("error.expiry")});
        }
      } catch (DateTimeParseException e) {
        errors.add(new String[] {"expiry", text("error.expiry")});
      }
    }
    if (!errors.isEmpty()) {
      errors.forEach(e -> PageMessages.error("create", e[0], e[1]));
      FacesContext.getCurrentInstance().validationFailed();
      rows = keys.list();
      return;
    }
    Instant at = expires;
    String[] made = {null};
    if (PageMessages.attempt(
        ApiKeyRefusedException.class,
        () -> made[0] = keys.create(n, new LinkedHashSet<>(scopes), at, actor()).token())) {
      token = made[0];
      PageMessages.info(MessageFormat.format(text("created.info"), n));
      name = null;
      scopes = new ArrayList<>();
      expiry = null;
    }
    rows = keys.list();
  }

  public void revoke(long id) {
    token = null;
    String[] revoked = {null};
    if (PageMessages.attempt(
        ApiKeyRefusedException.class, () -> revoked[0] = keys.revoke(id, actor()).getName())) {
      PageMessages.info(MessageFormat.format(text("revoked.info"), revoked[0]));
    }
    rows = keys.list();
  }

  public String state(ApiKey k) {
    if (k.isRevoked()) {
      return text("list.revoked");
    }
    return k.usableAt(Instant.now()) ? text("list.active") : text("list.expired");
  }

  /** A text of the page's bundle, for places outside the bundle's reach (the title). */
  public String label(String key) {
    return text(key);
  }

  public List<Scope> getAllScopes() {
    return List.of(Scope.values());
  }

  public String scopeLabel(Scope s) {
    return text("scope." + s.wire());
  }

  private ApiKeys.Actor actor() {
    return new ApiKeys.Actor(user.getUserId(), user.getEmail(), user.getClientAddress());
  }

  static String text(String key) {
    Locale locale =
        FacesContext.getCurrentInstance() == null
            ? Locale.ENGLISH
            : FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
  }

  public List<ApiKey> getRows() {
    return rows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public String getExpiry() {
    return expiry;
  }

  public void setExpiry(String expiry) {
    this.expiry = expiry;
  }

  public String getToken() {
    return token;
  }
}
