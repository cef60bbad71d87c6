package in.picode.kretanote.sla.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Breach rates of the current tenant's conversations opened in a range of UTC days, per agent:
 * responses (answered late, or still unanswered past due) and resolutions (late, or open past due).
 * Grouped by a column of {@code sla_clock}, so "per team" is one more grouping once {@code team_id}
 * is filled.
 */
@Stateless
@TenantScoped
public class SlaReport {

  public static final int MAX_DAYS = 366;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;

  /** One agent's figures; {@code name} null for unassigned conversations. */
  public record Row(
      String name,
      long responses,
      long responsesBreached,
      long resolutions,
      long resolutionsBreached) {

    public int responseBreachPercent() {
      return percent(responsesBreached, responses);
    }

    public int resolutionBreachPercent() {
      return percent(resolutionsBreached, resolutions);
    }

    private static int percent(long part, long whole) {
      return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
  }

  public List<Row> perAgent(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new IllegalArgumentException("Pick a range of at most " + MAX_DAYS + " days");
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    Query q =
        em.createNativeQuery(
                "SELECT u.display_name,"
                    + " SUM(c.responses + (c.response_due IS NOT NULL AND c.response_due < ?)),"
                    + " SUM(c.responses_breached + (c.response_due IS NOT NULL AND c.response_due < ?)),"
                    + " SUM(c.resolution_due IS NOT NULL AND (c.resolved_at IS NOT NULL"
                    + " OR c.resolution_due < ?)),"
                    + " SUM(c.resolution_breached OR (c.resolved_at IS NULL"
                    + " AND c.resolution_due < ?))"
                    + " FROM sla_clock c LEFT JOIN user_account u ON u.tenant_id = c.tenant_id"
                    + " AND u.id = c.assignee_id"
                    + " WHERE c.tenant_id = ? AND c.opened_at >= ? AND c.opened_at < ?"
                    + " GROUP BY c.assignee_id, u.display_name ORDER BY 1")
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .setParameter(1, now)
            .setParameter(2, now)
            .setParameter(3, now)
            .setParameter(4, now)
            .setParameter(5, Tenancy.require())
            .setParameter(6, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
            .setParameter(
                7, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    List<Row> rows = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(new Row((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4])));
    }
    return rows;
  }

  private static long n(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
