package in.picode.kretanote.platform.view;

import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.AccountPreferences;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Model;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** The signed-in user's preferences page: the time zone every page shows times in. */
@Model
public class PreferencesBean {

  @Inject AccountPreferences preferences;
  @Inject UserZone userZone;
  @Inject CurrentUser currentUser;

  private String zone;

  @PostConstruct
  void init() {
    zone = userZone.zone().getId();
  }

  public void save() {
    try {
      userZone.changed(preferences.changeTimeZone(currentUser.getUserId(), zone));
      PageMessages.info("Saved: times are shown in " + userZone.zone().getId() + ".");
    } catch (AccountChangeRefusedException e) {
      PageMessages.error(e.getMessage());
    }
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
}
