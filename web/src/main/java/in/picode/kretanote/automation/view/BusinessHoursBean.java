package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.boundary.AutomationRefusedException;
import in.picode.kretanote.automation.boundary.BusinessHoursSettings;
import in.picode.kretanote.platform.view.Lists;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.routing.boundary.Teams;
import in.picode.kretanote.routing.entity.Team;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings → Business hours: the week (several intervals a day), the time zone, holidays, and the
 * away and greeting messages; with a team chosen in "Hours for", that team's own week, zone and
 * holidays. A save with mistakes shows all of them and keeps what was saved.
 */
@Named
@ViewScoped
public class BusinessHoursBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BusinessHoursSettings settings;
  @Inject transient Teams teams;

  /** One day of the week on the form. */
  public static class Day implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DayOfWeek day;
    private String hours;

    Day(DayOfWeek day, String hours) {
      this.day = day;
      this.hours = hours;
    }

    public String getName() {
      Locale locale = Texts.locale();
      String name = day.getDisplayName(TextStyle.FULL, locale);
      return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public String getId() {
      return day.name().toLowerCase(Locale.ROOT);
    }

    public String getHours() {
      return hours;
    }

    public void setHours(String hours) {
      this.hours = hours;
    }
  }

  private final List<Day> days = new ArrayList<>();
  private String timeZone;
  private String holidays;
  private boolean awayEnabled;
  private String awayText;
  private boolean greetingEnabled;
  private String greetingText;
  private int repeatMinutes;

  /** Whose hours the form shows: null for the business, else a team. */
  private Long teamId;

  private boolean teamHasOwn;

  @PostConstruct
  void load() {
    if (teamId != null) {
      BusinessHoursSettings.TeamForm t = settings.teamForm(teamId);
      days.clear();
      t.days().forEach((d, h) -> days.add(new Day(d, Lists.localized(h))));
      timeZone = t.timeZone();
      holidays = Lists.localized(t.holidays());
      teamHasOwn = t.own();
      return;
    }
    teamHasOwn = false;
    BusinessHoursSettings.Form f = settings.form();
    days.clear();
    f.days().forEach((d, h) -> days.add(new Day(d, Lists.localized(h))));
    timeZone = f.timeZone();
    holidays = Lists.localized(f.holidays());
    awayEnabled = f.awayEnabled();
    awayText = f.awayText();
    greetingEnabled = f.greetingEnabled();
    greetingText = f.greetingText();
    repeatMinutes = f.repeatMinutes();
  }

  /** The scope changed: show the business's or the chosen team's hours. */
  public void show() {
    if (teamId != null && teams.find(teamId).isEmpty()) {
      teamId = null;
    }
    load();
  }

  public void save() {
    Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
    days.forEach(d -> week.put(d.day, d.hours));
    if (teamId != null) {
      try {
        settings.saveForTeam(teamId, timeZone, week, holidays);
        PageMessages.info(AutomationLabels.text("hours.teamSaved"));
        load();
      } catch (AutomationRefusedException e) {
        Wordings.all(e).forEach(PageMessages::error);
      }
      return;
    }
    try {
      settings.save(
          new BusinessHoursSettings.Form(
              timeZone,
              week,
              holidays,
              awayEnabled,
              awayText,
              greetingEnabled,
              greetingText,
              repeatMinutes));
      PageMessages.info(AutomationLabels.text("hours.saved"));
      load();
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
  }

  /** The chosen team follows the business's hours again. */
  public void useBusinessHours() {
    if (teamId != null && settings.removeTeamHours(teamId)) {
      PageMessages.info(AutomationLabels.text("hours.teamRemoved"));
    }
    load();
  }

  public List<Team> getTeams() {
    return teams.all().stream().map(Teams.TeamView::team).toList();
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public boolean isTeamHasOwn() {
    return teamHasOwn;
  }

  /** Time zones whose name contains what was typed (at most 30). */
  public List<String> completeZone(String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.toLowerCase(Locale.ROOT).contains(q))
        .sorted()
        .limit(30)
        .toList();
  }

  public List<Day> getDays() {
    return days;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getHolidays() {
    return holidays;
  }

  public void setHolidays(String holidays) {
    this.holidays = holidays;
  }

  public boolean isAwayEnabled() {
    return awayEnabled;
  }

  public void setAwayEnabled(boolean awayEnabled) {
    this.awayEnabled = awayEnabled;
  }

  public String getAwayText() {
    return awayText;
  }

  public void setAwayText(String awayText) {
    this.awayText = awayText;
  }

  public boolean isGreetingEnabled() {
    return greetingEnabled;
  }

  public void setGreetingEnabled(boolean greetingEnabled) {
    this.greetingEnabled = greetingEnabled;
  }

  public String getGreetingText() {
    return greetingText;
  }

  public void setGreetingText(String greetingText) {
    this.greetingText = greetingText;
  }

  public int getRepeatMinutes() {
    return repeatMinutes;
  }

  public void setRepeatMinutes(int repeatMinutes) {
    this.repeatMinutes = repeatMinutes;
  }
}
