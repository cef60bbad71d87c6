package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.AccountPreferences;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Model;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's preferences page: the language pages and emails are written in (or the
 * browser's) and the time zone every page shows times in.
 */
@Model
public class PreferencesBean {

  static final String BUNDLE = "in.picode.kretanote.platform.view.AppTexts";

  @Inject AccountPreferences preferences;
  @Inject UserZone userZone;
  @Inject UserLanguage userLanguage;
  @Inject CurrentUser currentUser;

  private String zone;
  private String language;

  @PostConstruct
  void init() {
    zone = userZone.zone().getId();
    String chosen = userLanguage.getChosen();
    language = chosen == null ? "" : chosen;
  }

  /** Saves both or neither; then shows the page again, already in the chosen language. */
  public String save() {
    if (language != null && !language.isBlank() && Languages.offered(language).isEmpty()) {
      PageMessages.error(Texts.of(BUNDLE, "prefs.language.unknown"));
      return null;
    }
    try {
      userZone.changed(preferences.changeTimeZone(currentUser.getUserId(), zone));
      Optional<String> stored = preferences.changeLanguage(currentUser.getUserId(), language);
      userLanguage.changed(stored.orElse(null));
    } catch (AccountChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getViewRoot().setLocale(userLanguage.getLocale());
    PageMessages.info(Texts.of(BUNDLE, "prefs.saved", userZone.zone().getId()));
    faces.getExternalContext().getFlash().setKeepMessages(true);
    return "/app/preferences?faces-redirect=true";
  }

  public List<String> getLanguages() {
    return Languages.tags();
  }

  /** A language's name in itself, so each reader finds their own. */
  public String languageName(String tag) {
    return Languages.name(tag);
  }

  public List<String> getZones() {
    return List.copyOf(AccountPreferences.zones());
  }

  public Instant getNow() {
    return Instant.now();
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
