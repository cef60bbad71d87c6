package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.WeeklyHours;
import in.picode.kretanote.automation.entity.BusinessHours;
import in.picode.kretanote.automation.entity.TeamHours;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.boundary.Teams;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current business's opening hours and its away and greeting messages, and a team's own hours
 * (week, time zone, holidays) that replace the business's for the team's conversations. A save
 * checks everything first (hours, time zone, holidays, texts, interval) and writes all of it or
 * nothing. Without saved hours the business (and a team without its own) counts as always open.
 */
@Stateless
@TenantScoped
public class BusinessHoursSettings {

  public static final int REPEAT_MAX = 525_600;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject Teams teams;

  /** What the settings form shows and sends; {@code days} holds each day's intervals as text. */
  public record Form(
      String timeZone,
      Map<DayOfWeek, String> days,
      String holidays,
      boolean awayEnabled,
      String awayText,
      boolean greetingEnabled,
      String greetingText,
      int repeatMinutes) {}

  public Optional<BusinessHours> find() {
    return em.createNamedQuery(BusinessHours.OF_TENANT, BusinessHours.class)
        .getResultStream()
        .findFirst();
  }

  /** The saved form, or a Monday-to-Friday 09:00–17:00 suggestion in UTC. */
  public Form form() {
    Optional<BusinessHours> saved = find();
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    if (saved.isEmpty()) {
      for (DayOfWeek d : DayOfWeek.values()) {
        days.put(d, d.getValue() <= 5 ? "09:00-17:00" : "");
      }
      return new Form("UTC", days, "", false, null, false, null, 1440);
    }
    BusinessHours b = saved.get();
    WeeklyHours h = WeeklyHours.stored(b.getTimeZone(), b.getWeek(), b.getHolidays());
    days.putAll(days(h));
    return new Form(
        b.getTimeZone(),
        days,
        h.holidayText().replace(",", ", "),
        b.isAwayEnabled(),
        b.getAwayText(),
        b.isGreetingEnabled(),
        b.getGreetingText(),
        b.getRepeatMinutes());
  }

  public void save(Form f) {
    WeeklyHours.Parsed parsed = WeeklyHours.parse(f.timeZone(), f.days(), f.holidays());
    List<Wording> problems = new ArrayList<>(parsed.wordings());
    String away = text(f.awayEnabled(), f.awayText(), true, problems);
    String greeting = text(f.greetingEnabled(), f.greetingText(), false, problems);
    if (f.repeatMinutes() < 1 || f.repeatMinutes() > REPEAT_MAX) {
      problems.add(AutomationWords.HOURS_REPEAT.with(REPEAT_MAX));
    }
    if (!problems.isEmpty()) {
      throw new AutomationRefusedException(problems);
    }
    WeeklyHours h = parsed.hours();
    BusinessHours b = find().orElseGet(BusinessHours::new);
    b.change(
        h.zone().getId(),
        h.weekText(),
        h.holidayText(),
        f.awayEnabled(),
        away,
        f.greetingEnabled(),
        greeting,
        f.repeatMinutes(),
        Instant.now(clock));
    if (em.contains(b)) {
      return;
    }
    em.persist(b);
  }

  /** Whether the business is open at {@code at}; always, until hours are saved. */
  public boolean open(Instant at) {
    return open(at, null);
  }

  /**
   * Whether a conversation of team {@code teamId} (null: none) is inside its hours at {@code at}:
   * the team's own hours, else the business's; always, until hours are saved.
   */
  public boolean open(Instant at, Long teamId) {
    return hoursFor(teamId).map(h -> h.isOpen(at)).orElse(true);
  }

  /**
   * When {@code working} of open time has passed after {@code start} (service levels counted in
   * business hours); every hour counts until hours are saved.
   */
  public Instant afterOpenTime(Instant start, java.time.Duration working) {
    return afterOpenTime(null, start, working);
  }

  /**
   * As {@link #afterOpenTime(Instant, java.time.Duration)}, in the hours of team {@code teamId}.
   */
  public Instant afterOpenTime(Long teamId, Instant start, java.time.Duration working) {
    return hoursFor(teamId).map(h -> h.afterOpenTime(start, working)).orElse(start.plus(working));
  }

  /** The hours that hold for a conversation of team {@code teamId} (null: none); empty: always. */
  public Optional<WeeklyHours> hoursFor(Long teamId) {
    Optional<TeamHours> own = teamId == null ? Optional.empty() : ofTeam(teamId);
    if (own.isPresent()) {
      TeamHours t = own.get();
      return Optional.of(WeeklyHours.stored(t.getTimeZone(), t.getWeek(), t.getHolidays()));
    }
    return find().map(b -> WeeklyHours.stored(b.getTimeZone(), b.getWeek(), b.getHolidays()));
  }

  /** The team's own hours, if it has them (another business's team has none here). */
  public Optional<TeamHours> ofTeam(long teamId) {
    return em.createNamedQuery(TeamHours.OF_TEAM, TeamHours.class)
        .setParameter("team", teamId)
        .getResultStream()
        .findFirst();
  }

  /** What a team's form shows: its own hours, or (not own) the business's to start from. */
  public record TeamForm(
      boolean own, String timeZone, Map<DayOfWeek, String> days, String holidays) {}

  public TeamForm teamForm(long teamId) {
    Optional<TeamHours> own = ofTeam(teamId);
    if (own.isPresent()) {
      TeamHours t = own.get();
      WeeklyHours h = WeeklyHours.stored(t.getTimeZone(), t.getWeek(), t.getHolidays());
      return new TeamForm(true, t.getTimeZone(), days(h), h.holidayText().replace(",", ", "));
    }
    Form f = form();
    return new TeamForm(false, f.timeZone(), f.days(), f.holidays());
  }

  /**
   * Saves team {@code teamId}'s own hours, checked as the business's (every problem at once); a
   * team of another business, or none, is refused with the other problems.
   */
  public TeamHours saveForTeam(
      long teamId, String timeZone, Map<DayOfWeek, String> days, String holidays) {
    WeeklyHours.Parsed parsed = WeeklyHours.parse(timeZone, days, holidays);
    List<Wording> problems = new ArrayList<>();
    if (teams.find(teamId).isEmpty()) {
      problems.add(AutomationWords.HOURS_TEAM_UNKNOWN.with());
    }
    problems.addAll(parsed.wordings());
    if (!problems.isEmpty()) {
      throw new AutomationRefusedException(problems);
    }
    WeeklyHours h = parsed.hours();
    TeamHours t = ofTeam(teamId).orElseGet(() -> new TeamHours(teamId));
    t.change(h.zone().getId(), h.weekText(), h.holidayText(), Instant.now(clock));
    if (t.getId() == null) {
      em.persist(t);
    }
    em.flush();
    return t;
  }

  /** The team follows the business's hours again; false when it had none of its own. */
  public boolean removeTeamHours(long teamId) {
    Optional<TeamHours> t = ofTeam(teamId);
    t.ifPresent(em::remove);
    return t.isPresent();
  }

  private static Map<DayOfWeek, String> days(WeeklyHours h) {
    Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      days.put(d, h.dayText(d));
    }
    return days;
  }

  private static String text(boolean enabled, String text, boolean away, List<Wording> problems) {
    String t = text == null || text.isBlank() ? null : text.strip();
    if (enabled && t == null) {
      problems.add(
          (away ? AutomationWords.HOURS_AWAY_MISSING : AutomationWords.HOURS_GREETING_MISSING)
              .with());
    }
    if (t != null && t.length() > BusinessHours.TEXT_MAX) {
      problems.add(
          (away ? AutomationWords.HOURS_AWAY_LONG : AutomationWords.HOURS_GREETING_LONG)
              .with(BusinessHours.TEXT_MAX));
    }
    return t;
  }
}
