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
 * A team's own opening hours (week, time zone, holidays), which replace the business's for the
 * team's conversations. One row per team; the text forms are those of {@code
 * automation.control.WeeklyHours}, checked before every save.
 */
@Entity
@Table(name = "team_hours")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = TeamHours.OF_TEAM, query = "select h from TeamHours h where h.teamId = :team")
public class TeamHours {

  public static final String OF_TEAM = "TeamHours.ofTeam";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "team_id", nullable = false, updatable = false)
  private long teamId;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false, length = 2000)
  private String week;

  @Column(nullable = false, length = 4000)
  private String holidays;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TeamHours() {}

  public TeamHours(long teamId) {
    this.teamId = teamId;
  }

  /** Replaces the hours at once; the caller checked them. */
  public void change(String timeZone, String week, String holidays, Instant now) {
    this.timeZone = timeZone;
    this.week = week;
    this.holidays = holidays;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getTeamId() {
    return teamId;
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
}
