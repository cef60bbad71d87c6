package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in user's own preferences: the time zone times are shown in and the language pages and
 * emails are written in. The user id always comes from the session, never from a page, so each user
 * reads and changes only their own row; operators have one too. A zone is an IANA region id such as
 * {@code Asia/Kolkata} or {@code UTC}; anything else is refused in words and changes nothing.
 */
@Stateless
public class AccountPreferences {

  public static final String UNKNOWN_ZONE = TenantWords.UNKNOWN_ZONE.with().english();
  public static final String UNKNOWN_LANGUAGE = TenantWords.UNKNOWN_LANGUAGE.with().english();

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public Optional<ZoneId> timeZone(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user == null ? Optional.empty() : user.getTimeZone();
  }

  /** The user's choice on the preferences page. */
  public ZoneId changeTimeZone(long userId, String zone) {
    ZoneId parsed =
        parse(zone)
            .orElseThrow(() -> AccountChangeRefusedException.page(TenantWords.UNKNOWN_ZONE.with()));
    UserAccount user = em.find(UserAccount.class, userId);
    if (user == null) {
      throw AccountChangeRefusedException.page(TenantWords.NOBODY_SIGNED_IN.with());
    }
    user.changeTimeZone(parsed);
    return parsed;
  }

  /** The language the user chose; empty while the browser's language decides. */
  public Optional<String> language(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    return user == null ? Optional.empty() : user.getLanguage().flatMap(Languages::offered);
  }

  /**
   * The user's choice on the preferences page: an offered tag, or blank to follow the browser.
   * Returns the stored tag (empty for the browser's).
   */
  public Optional<String> changeLanguage(long userId, String tag) {
    Optional<String> chosen = Languages.offered(tag);
    if (chosen.isEmpty() && tag != null && !tag.isBlank()) {
      throw AccountChangeRefusedException.page(TenantWords.UNKNOWN_LANGUAGE.with());
    }
    UserAccount user = em.find(UserAccount.class, userId);
    if (user == null) {
      throw AccountChangeRefusedException.page(TenantWords.NOBODY_SIGNED_IN.with());
    }
    user.changeLanguage(chosen.orElse(null));
    return chosen;
  }

  /**
   * The zone the browser reported at sign-in: stored only while the user has none, so a choice made
   * on the preferences page is never overwritten by another device. Unknown zones are ignored.
   */
  public Optional<ZoneId> detected(long userId, String zone) {
    UserAccount user = em.find(UserAccount.class, userId);
    Optional<ZoneId> parsed = parse(zone);
    if (user == null || parsed.isEmpty()) {
      return Optional.empty();
    }
    if (user.getTimeZone().isPresent()) {
      return user.getTimeZone();
    }
    user.changeTimeZone(parsed.get());
    return parsed;
  }

  /** The zones a user can choose: region ids (Asia/Kolkata) and UTC, sorted. */
  public static Set<String> zones() {
    Set<String> zones = new TreeSet<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
        zones.add(id);
      }
    }
    zones.add("UTC");
    return zones;
  }

  /**
   * Old names some browsers still report (Chromium's ICU says Asia/Calcutta for India), stored as
   * today's name so the preferences page shows the zone the user knows.
   */
  static final Map<String, String> RENAMED =
      Map.of(
          "Asia/Calcutta", "Asia/Kolkata",
          "Asia/Katmandu", "Asia/Kathmandu",
          "Asia/Saigon", "Asia/Ho_Chi_Minh",
          "Asia/Rangoon", "Asia/Yangon",
          "Europe/Kiev", "Europe/Kyiv",
          "America/Buenos_Aires", "America/Argentina/Buenos_Aires",
          "Atlantic/Faeroe", "Atlantic/Faroe",
          "Pacific/Truk", "Pacific/Chuuk");

  static Optional<ZoneId> parse(String zone) {
    if (zone == null || zone.isBlank() || zone.length() > UserAccount.TIME_ZONE_MAX) {
      return Optional.empty();
    }
    String id = RENAMED.getOrDefault(zone.strip(), zone.strip());
    if (!zones().contains(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
