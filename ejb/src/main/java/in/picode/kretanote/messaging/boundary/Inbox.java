package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.control.InboxQuery;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.Visibility;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's inbox: pages of conversations by last activity, and the cheap question the
 * open inbox asks every few seconds, "did anything change since?". No exact totals: counting a
 * million rows per refresh is what makes inboxes slow (FACTS.md).
 */
@Stateless
@TenantScoped
public class Inbox {

  /** Whose conversations the inbox lists. */
  public enum Owner {
    MINE,
    UNASSIGNED,
    ALL
  }

  public enum State {
    OPEN,
    SNOOZED,
    CLOSED,
    ANY
  }

  /** Where a page starts: after the conversation last shown (null: from the top). */
  public record Cursor(Instant lastActivityAt, long id) {}

  static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";
  static final int SEARCH_CAP = 1000;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public List<InboxRow> page(
      long userId, Owner owner, State state, Long labelId, String search, Cursor after, int max) {
    return page(userId, owner, state, labelId, null, null, search, after, max);
  }

  /**
   * A page of the conversations on the number {@code connectionId} (null: any) of the teams {@code
   * teams} (null: any team or none). An agent restricted to their teams ({@link Visibility}) sees
   * only those and their own, whatever asked.
   */
  public List<InboxRow> page(
      long userId,
      Owner owner,
      State state,
      Long labelId,
      Long connectionId,
      List<Long> teams,
      String search,
      Cursor after,
      int max) {
    List<Long> within = search == null || search.isBlank() ? null : searchMatches(search);
    if (within != null && within.isEmpty()) {
      return List.of();
    }
    InboxQuery.Sql sql =
        InboxQuery.page(
            Tenancy.require(),
            userId,
            owner,
            state,
            labelId,
            connectionId,
            search,
            within,
            new InboxQuery.Teams(teams, Visibility.current().orElse(null)),
            after,
            Instant.now(clock),
            max);
    Instant now = Instant.now(clock);
    List<InboxRow> rows = new ArrayList<>();
    for (Object[] r : rows(sql)) {
      String[] last = r[10] == null ? new String[0] : r[10].toString().split(":", 3);
      Instant snoozedUntil = instant(r[5]);
      rows.add(
          new InboxRow(
              number(r[0]),
              (String) r[1],
              "OPEN".equals(r[1]) && snoozedUntil != null && snoozedUntil.isAfter(now),
              (int) number(r[2]),
              instant(r[3]),
              instant(r[4]),
              r[6] == null ? null : number(r[6]),
              (String) r[7],
              (String) r[8],
              (String) r[9],
              last.length > 0 ? last[0] : null,
              last.length > 1 ? last[1] : null,
              last.length > 2 ? last[2] : null,
              List.of()));
    }
    return withLabels(rows);
  }

  /** The conversations a search matches, or null when there are more than the cap. */
  private List<Long> searchMatches(String search) {
    InboxQuery.Sql sql = InboxQuery.searchMatches(Tenancy.require(), search, SEARCH_CAP);
    Query q = em.createNativeQuery(sql.sql()).setHint(ALLOW_NATIVE, "true");
    for (int i = 0; i < sql.params().size(); i++) {
      q.setParameter(i + 1, jdbc(sql.params().get(i)));
    }
    java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
    for (Object id : q.getResultList()) {
      ids.add(number(id instanceof Object[] row ? row[0] : id));
    }
    return ids.size() > SEARCH_CAP ? null : List.copyOf(ids);
  }

  private List<InboxRow> withLabels(List<InboxRow> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<String>> labels = new HashMap<>();
    StringBuilder in = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(Tenancy.require());
    for (InboxRow row : rows) {
      in.append(in.length() == 0 ? "?" : ", ?");
      params.add(row.id());
    }
    for (Object[] r :
        rows(
            new InboxQuery.Sql(
                "SELECT cl.conversation_id, l.name FROM conversation_label cl JOIN label l"
                    + " ON l.tenant_id = cl.tenant_id AND l.id = cl.label_id"
                    + " WHERE cl.tenant_id = ? AND cl.conversation_id IN ("
                    + in
                    + ") ORDER BY l.name",
                params))) {
      labels.computeIfAbsent(number(r[0]), k -> new ArrayList<>()).add((String) r[1]);
    }
    return rows.stream()
        .map(
            r ->
                new InboxRow(
                    r.id(),
                    r.status(),
                    r.snoozed(),
                    r.unread(),
                    r.lastActivityAt(),
                    r.windowExpiresAt(),
                    r.assigneeId(),
                    r.assignee(),
                    r.contactName(),
                    r.waId(),
                    r.lastDirection(),
                    r.lastType(),
                    r.lastText(),
                    List.copyOf(labels.getOrDefault(r.id(), List.of()))))
        .toList();
  }

  /**
   * How many conversations had activity after {@code since}, of those the current user may see (an
   * agent restricted to their teams counts only theirs): a range read of the (tenant, last
   * activity) index, what the inbox polls.
   */
  public long changedSince(Instant since) {
    InboxQuery.Sql sql =
        InboxQuery.changedSince(Tenancy.require(), since, Visibility.current().orElse(null));
    jakarta.persistence.Query q = em.createNativeQuery(sql.sql()).setHint(ALLOW_NATIVE, "true");
    for (int i = 0; i < sql.params().size(); i++) {
      q.setParameter(i + 1, sql.params().get(i));
    }
    return number(q.getSingleResult());
  }

  /** The latest activity of the tenant's conversations (the poll's starting point). */
  public Instant latestActivity() {
    Object t =
        em.createNativeQuery(
                "SELECT MAX(last_activity_at) FROM conversation WHERE tenant_id = ? AND quiet = FALSE")
            .setParameter(1, Tenancy.require())
            .setHint(ALLOW_NATIVE, "true")
            .getSingleResult();
    Instant at = instant(t);
    return at == null ? Instant.EPOCH : at;
  }

  /** The database's plan of an inbox page (for the benchmark and the plan test). */
  public List<String> explain(long userId, Owner owner, State state, String search, Cursor after) {
    InboxQuery.Sql sql =
        InboxQuery.page(
            Tenancy.require(), userId, owner, state, null, search, after, Instant.now(clock), 50);
    List<String> plan = new ArrayList<>();
    for (Object[] r : rows(new InboxQuery.Sql("EXPLAIN " + sql.sql(), sql.params()))) {
      StringBuilder line = new StringBuilder();
      for (Object o : r) {
        line.append(o).append(" | ");
      }
      plan.add(line.toString());
    }
    return plan;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(InboxQuery.Sql sql) {
    Query q = em.createNativeQuery(sql.sql()).setHint(ALLOW_NATIVE, "true");
    for (int i = 0; i < sql.params().size(); i++) {
      q.setParameter(i + 1, jdbc(sql.params().get(i)));
    }
    return q.getResultList();
  }

  static Object jdbc(Object param) {
    return param instanceof Instant i ? Timestamp.from(i) : param;
  }

  static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    if (o instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Not a time: " + o.getClass());
  }
}
