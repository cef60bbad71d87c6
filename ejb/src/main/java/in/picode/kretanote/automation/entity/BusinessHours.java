package in.picode.kretanote.automation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A business's opening hours and its away and greeting messages: one row per tenant (a unique key).
 * The week and holidays are kept in the canonical text of {@code automation.control.WeeklyHours},
 * checked before every save.
 */
@Entity
@Table(name = "business_hours")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = BusinessHours.OF_TENANT, query = "select b from BusinessHours b")
public class BusinessHours {

  public static final String OF_TENANT = "BusinessHours.ofTenant";
  public static final int TEXT_MAX = 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false, length = 2000)
  private String week;

  @Column(nullable = false, length = 4000)
  private String holidays;

  @Column(name = "away_enabled", nullable = false)
  private boolean awayEnabled;

  @Column(name = "away_text", length = TEXT_MAX)
  private String awayText;

  @Column(name = "greeting_enabled", nullable = false)
  private boolean greetingEnabled;

  @Column(name = "greeting_text", length = TEXT_MAX)
  private String greetingText;

  @Column(name = "repeat_minutes", nullable = false)
  private int repeatMinutes;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  public BusinessHours() {}

  /** Replaces everything at once; the caller checked every value. */
  public void change(
      String timeZone,
      String week,
      String holidays,
      boolean awayEnabled,
      String awayText,
      boolean greetingEnabled,
      String greetingText,
      int repeatMinutes,
      Instant now) {
    this.timeZone = timeZone;
    this.week = week;
    this.holidays = holidays;
    this.awayEnabled = awayEnabled;
    this.awayText = awayText;
    this.greetingEnabled = greetingEnabled;
    this.greetingText = greetingText;
    this.repeatMinutes = repeatMinutes;
    this.updatedAt = now;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getWeek() {
    return week;
  }

  public String getHolidays() {
    return holidays;
  }

  public boolean isAwayEnabled() {
    return awayEnabled;
  }

  public String getAwayText() {
    return awayText;
  }

  public boolean isGreetingEnabled() {
    return greetingEnabled;
  }

  public String getGreetingText() {
    return greetingText;
  }

  public int getRepeatMinutes() {
    return repeatMinutes;
  }
}
