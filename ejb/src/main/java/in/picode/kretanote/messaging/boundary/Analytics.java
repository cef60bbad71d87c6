package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's figures over a date range (UTC days, both ends included). Native SQL grouped
 * in the database, with the tenant filter written out in every statement.
 *
 * <ul>
 *   <li>Conversations per day: conversations with at least one message that day.
 *   <li>Delivery funnel of outbound messages: sent (Meta accepted it), delivered, read, replied
 *       (the customer wrote in the same conversation within 24 hours after it).
 *   <li>First response: per assignee, from a conversation's first customer message in the range to
 *       the first outbound message after it. Resolution: opened to closed, for conversations closed
 *       in the range.
 *   <li>Meta cost: billable messages per pricing category as Meta reported them; the amount is
 *       estimated with the configured rate per category (Meta's rates depend on the country).
 * </ul>
 */
@Stateless
@TenantScoped
public class Analytics {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject
  @ConfigProperty(
      name = "kretanote.analytics.meta-rates",
      defaultValue = "marketing=0.0250,utility=0.0040,authentication=0.0040,service=0")
  String rates;

  @Inject
  @ConfigProperty(name = "kretanote.analytics.currency", defaultValue = "USD")
  String currency;

  public record Day(LocalDate day, long inbound, long outbound, long conversations) {}

  public record Funnel(long sent, long delivered, long read, long replied, long failed) {}

  public record AgentTimes(
      String agent,
      long conversations,
      Long avgFirstResponseSeconds,
      long resolved,
      Long avgResolutionSeconds) {}

  public record Cost(String category, long billable, BigDecimal estimated) {}

  public static final int MAX_DAYS = 366;

  public String currency() {
    return currency;
  }

  public List<Day> perDay(LocalDate from, LocalDate to) {
    check(from, to);
    Map<LocalDate, long[]> days = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.put(d, new long[3]);
    }
    for (Object[] r :
        rows(
            "SELECT DATE(created_at), SUM(direction = 'INBOUND'), SUM(direction = 'OUTBOUND'),"
                + " COUNT(DISTINCT conversation_id) FROM message"
                + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?"
                + " AND type NOT IN ('reaction', 'edit', 'revoke') GROUP BY DATE(created_at)",
            Tenancy.require(),
            start(from),
            end(to))) {
      long[] v = days.get(date(r[0]));
      if (v != null) {
        v[0] = n(r[1]);
        v[1] = n(r[2]);
        v[2] = n(r[3]);
      }
    }
    List<Day> out = new ArrayList<>();
    days.forEach((d, v) -> out.add(new Day(d, v[0], v[1], v[2])));
    return out;
  }

  public Funnel funnel(LocalDate from, LocalDate to) {
    check(from, to);
    Object[] r =
        rows(
                "SELECT SUM(o.status IN ('SENT', 'DELIVERED', 'READ')),"
                    + " SUM(o.status IN ('DELIVERED', 'READ')), SUM(o.status = 'READ'),"
                    + " SUM(o.status <> 'FAILED' AND EXISTS (SELECT 1 FROM message i"
                    + " WHERE i.tenant_id = o.tenant_id AND i.conversation_id = o.conversation_id"
                    + " AND i.direction = 'INBOUND' AND i.created_at > o.created_at"
                    + " AND i.created_at <= o.created_at + INTERVAL 24 HOUR)),"
                    + " SUM(o.status = 'FAILED')"
                    + " FROM message o WHERE o.tenant_id = ? AND o.direction = 'OUTBOUND'"
                    + " AND o.created_at >= ? AND o.created_at < ?",
                Tenancy.require(),
                start(from),
                end(to))
            .get(0);
    return new Funnel(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]));
  }

  public List<AgentTimes> agentTimes(LocalDate from, LocalDate to) {
    check(from, to);
    long tenant = Tenancy.require();
    Map<String, AgentTimes> byAgent = new LinkedHashMap<>();
    for (Object[] r :
        rows(
            "SELECT COALESCE(u.display_name, 'Unassigned'), COUNT(*), AVG(TIMESTAMPDIFF(SECOND,"
                + " x.first_in, (SELECT MIN(o.created_at) FROM message o WHERE o.tenant_id = ?"
                + " AND o.conversation_id = x.cid AND o.direction = 'OUTBOUND'"
                + " AND o.created_at >= x.first_in)))"
                + " FROM (SELECT c.id cid, c.assignee_id, MIN(m.created_at) first_in"
                + " FROM conversation c JOIN message m ON m.tenant_id = c.tenant_id"
                + " AND m.conversation_id = c.id WHERE c.tenant_id = ? AND m.direction = 'INBOUND'"
                + " AND m.created_at >= ? AND m.created_at < ? GROUP BY c.id, c.assignee_id) x"
                + " LEFT JOIN user_account u ON u.tenant_id = ? AND u.id = x.assignee_id"
                + " GROUP BY COALESCE(u.display_name, 'Unassigned') ORDER BY 1",
            tenant,
            tenant,
            start(from),
            end(to),
            tenant)) {
      String agent = (String) r[0];
      byAgent.put(agent, new AgentTimes(agent, n(r[1]), avg(r[2]), 0, null));
    }
    for (Object[] r :
        rows(
            "SELECT COALESCE(u.display_name, 'Unassigned'), COUNT(*),"
                + " AVG(TIMESTAMPDIFF(SECOND, c.opened_at, c.closed_at))"
                + " FROM conversation c LEFT JOIN user_account u ON u.tenant_id = c.tenant_id"
                + " AND u.id = c.assignee_id WHERE c.tenant_id = ? AND c.status = 'CLOSED'"
                + " AND c.closed_at >= ? AND c.closed_at < ?"
                + " GROUP BY COALESCE(u.display_name, 'Unassigned') ORDER BY 1",
            tenant,
            start(from),
            end(to))) {
      String agent = (String) r[0];
      AgentTimes a = byAgent.getOrDefault(agent, new AgentTimes(agent, 0, null, 0, null));
      byAgent.put(
          agent,
          new AgentTimes(
              agent, a.conversations(), a.avgFirstResponseSeconds(), n(r[1]), avg(r[2])));
    }
    return List.copyOf(byAgent.values());
  }

  public List<Cost> cost(LocalDate from, LocalDate to) {
    check(from, to);
    Map<String, BigDecimal> rateCard = rateCard(rates);
    List<Cost> out = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT LOWER(pricing_category), COUNT(*) FROM message WHERE tenant_id = ?"
                + " AND direction = 'OUTBOUND' AND billable = TRUE AND pricing_category IS NOT NULL"
                + " AND created_at >= ? AND created_at < ? GROUP BY LOWER(pricing_category)"
                + " ORDER BY 1",
            Tenancy.require(),
            start(from),
            end(to))) {
      String category = (String) r[0];
      long count = n(r[1]);
      BigDecimal rate = rateCard.get(category);
      out.add(
          new Cost(
              category,
              count,
              rate == null
                  ? null
                  : rate.multiply(BigDecimal.valueOf(count)).setScale(2, RoundingMode.HALF_UP)));
    }
    return out;
  }

  /** {@code marketing=0.025,utility=0.004}: the rate per billable message by category. */
  static Map<String, BigDecimal> rateCard(String spec) {
    Map<String, BigDecimal> card = new LinkedHashMap<>();
    if (spec == null) {
      return card;
    }
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2) {
        try {
          card.put(kv[0].strip().toLowerCase(Locale.ROOT), new BigDecimal(kv[1].strip()));
        } catch (NumberFormatException e) {
          // an unparsable rate leaves that category without an estimate
        }
      }
    }
    return card;
  }

  private static void check(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new WordedArgumentException(ConversationWords.RANGE_ORDER.with());
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new WordedArgumentException(ConversationWords.RANGE_DAYS.with(MAX_DAYS));
    }
  }

  private static Timestamp start(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Timestamp end(LocalDate d) {
    return start(d.plusDays(1));
  }

  private static LocalDate date(Object o) {
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }

  private static long n(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static Long avg(Object o) {
    return o == null ? null : Math.round(((Number) o).doubleValue());
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... params) {
    Query q = em.createNativeQuery(sql).setHint(Inbox.ALLOW_NATIVE, "true");
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return q.getResultList();
  }
}
