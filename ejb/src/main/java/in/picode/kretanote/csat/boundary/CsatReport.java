package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Ratings of the current tenant over UTC days (both ends included), answered in the range: average
 * and count per group: the agent or the team the conversation had when it was resolved (a column of
 * {@code csat_survey} joined to its name).
 */
@Stateless
@TenantScoped
public class CsatReport {

  public static final int MAX_DAYS = 366;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** What ratings are grouped by: the rated column and how its name is found. */
  public enum Grouping {
    AGENT(
        "s.assignee_id",
        "LEFT JOIN user_account g ON g.tenant_id = s.tenant_id AND g.id = s.assignee_id",
        "g.display_name"),
    TEAM(
        "s.team_id",
        "LEFT JOIN team g ON g.tenant_id = s.tenant_id AND g.id = s.team_id",
        "g.name");

    final String column;
    final String join;
    final String name;

    Grouping(String column, String join, String name) {
      this.column = column;
      this.join = join;
      this.name = name;
    }
  }

  /** One group's ratings; {@code name} null for nobody (unassigned). */
  public record Row(String name, long ratings, double average) {}

  public List<Row> perAgent(LocalDate from, LocalDate to) {
    return grouped(Grouping.AGENT, from, to);
  }

  public List<Row> perTeam(LocalDate from, LocalDate to) {
    return grouped(Grouping.TEAM, from, to);
  }

  public List<Row> grouped(Grouping g, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new IllegalArgumentException("Pick a range of at most " + MAX_DAYS + " days");
    }
    Query q =
        em.createNativeQuery(
                "SELECT "
                    + g.name
                    + ", COUNT(*), AVG(s.rating) FROM csat_survey s "
                    + g.join
                    + " WHERE s.tenant_id = ? AND s.state = 'ANSWERED'"
                    + " AND s.answered_at >= ? AND s.answered_at < ?"
                    + " GROUP BY "
                    + g.column
                    + ", "
                    + g.name
                    + " ORDER BY 1")
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .setParameter(1, Tenancy.require())
            .setParameter(2, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
            .setParameter(
                3, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    List<Row> rows = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new Row(
              (String) r[0],
              ((Number) r[1]).longValue(),
              r[2] == null ? 0 : Math.round(((Number) r[2]).doubleValue() * 100) / 100.0));
    }
    return rows;
  }
}
