package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.WeeklyHours;
import in.picode.kretanote.automation.entity.BusinessHours;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
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
 * The current business's opening hours and its away and greeting messages. A save checks everything
 * first (hours, time zone, holidays, texts, interval) and writes all of it or nothing. Without
 * saved hours the business counts as always open (no away message).
 */
@Stateless
@TenantScoped
public class BusinessHoursSettings {

  public static final int REPEAT_MAX = 525_600;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;

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
    for (DayOfWeek d : DayOfWeek.values()) {
      days.put(d, h.dayText(d));
    }
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
    return find()
        .map(b -> WeeklyHours.stored(b.getTimeZone(), b.getWeek(), b.getHolidays()).isOpen(at))
        .orElse(true);
  }

  /**
   * When {@code working} of open time has passed after {@code start} (service levels counted in
   * business hours); every hour counts until hours are saved.
   */
  public Instant afterOpenTime(Instant start, java.time.Duration working) {
    return find()
        .map(
            b ->
                WeeklyHours.stored(b.getTimeZone(), b.getWeek(), b.getHolidays())
                    .afterOpenTime(start, working))
        .orElse(start.plus(working));
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
