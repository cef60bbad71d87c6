package in.picode.kretanote.messaging.control;

import in.picode.kretanote.messaging.boundary.Inbox.Cursor;
import in.picode.kretanote.messaging.boundary.Inbox.Owner;
import in.picode.kretanote.messaging.boundary.Inbox.State;
import in.picode.kretanote.platform.control.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of one inbox page. Native SQL because the page needs an index hint and a correlated
 * "latest message" lookup that JPQL cannot express; it filters by tenant itself, first.
 *
 * <p>Pages by keyset on (last_activity_at, id), written in the expanded form the planner turns into
 * a range scan of the chosen index (FACTS.md: the row-value form never did), never OFFSET. A
 * snoozed conversation is OPEN with {@code snoozed_until} in the future: once the time passes the
 * same row is simply open again, so no timer has to wake it. A quiet conversation (a campaign's,
 * not answered yet) is in no list: {@code quiet} follows the tenant in every inbox index.
 */
public final class InboxQuery {

  public record Sql(String sql, List<Object> params) {}

  private InboxQuery() {}

  public static Sql page(
      long tenantId,
      long userId,
      Owner owner,
      State state,
      Long labelId,
      String search,
      Cursor after,
      Instant now,
      int max) {
    return page(tenantId, userId, owner, state, labelId, search, null, after, now, max);
  }

  /**
   * As above; {@code within}, when not null, are the conversations a search matched (see {@link
   * #searchMatches}), and replaces the search's own subqueries.
   */
  public static Sql page(
      long tenantId,
      long userId,
      Owner owner,
      State state,
      Long labelId,
      String search,
      List<Long> within,
      Cursor after,
      Instant now,
      int max) {
    return page(
        tenantId, userId, owner, state, labelId, null, search, within, Teams.ANY, after, now, max);
  }

  /**
   * Which teams' conversations a page lists: {@code only} those of these teams (null: any), and
   * what a restricted agent may see ({@code scope}, null: everything).
   */
  public record Teams(List<Long> only, Visibility.Scope scope) {
    public static final Teams ANY = new Teams(null, null);
  }

  /** As above, only the conversations on the number {@code connectionId} when not null. */
  public static Sql page(
      long tenantId,
      long userId,
      Owner owner,
      State state,
      Long labelId,
      Long connectionId,
      String search,
      List<Long> within,
      Teams teams,
      Cursor after,
      Instant now,
      int max) {
    List<Object> p = new ArrayList<>();
    // A search's few matching ids are read by primary key and sorted; a list is read in order
    // from the index that leads with its filters (one team's list from the team index).
    String index =
        within != null
            ? "PRIMARY"
            : owner == Owner.ALL
                ? (teams.only() != null && teams.only().size() == 1 && state != State.ANY
                    ? "conversation_team_ix"
                    : state == State.ANY ? "conversation_activity_ix" : "conversation_inbox_ix")
                : "conversation_assignee_ix";
    StringBuilder sql =
        new StringBuilder(
            "SELECT c.id, c.status, c.unread_count, c.last_activity_at, c.window_expires_at,"
                + " c.snoozed_until, c.assignee_id, u.display_name, ct.display_name, ct.wa_id,"
                + " (SELECT CONCAT(m.direction, ':', m.type, ':', COALESCE(LEFT(m.text, 140), ''))"
                + " FROM message m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id"
                + " ORDER BY m.created_at DESC, m.id DESC LIMIT 1)"
                + " FROM conversation c FORCE INDEX ("
                + index
                + ") JOIN contact ct ON ct.tenant_id = c.tenant_id AND ct.id = c.contact_id"
                + " LEFT JOIN user_account u ON u.tenant_id = c.tenant_id AND u.id = c.assignee_id"
                + " WHERE c.tenant_id = ? AND c.quiet = FALSE");
    p.add(tenantId);
    switch (owner) {
      case MINE -> {
        sql.append(" AND c.assignee_id = ?");
        p.add(userId);
      }
      case UNASSIGNED -> sql.append(" AND c.assignee_id IS NULL");
      case ALL -> {}
    }
    switch (state) {
      case OPEN -> {
        sql.append(" AND c.status = 'OPEN' AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?)");
        p.add(now);
      }
      case SNOOZED -> {
        sql.append(" AND c.status = 'OPEN' AND c.snoozed_until > ?");
        p.add(now);
      }
      case CLOSED -> sql.append(" AND c.status = 'CLOSED'");
      case ANY -> {}
    }
    teams(teams, sql, p);
    if (labelId != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM conversation_label cl WHERE cl.tenant_id = c.tenant_id"
              + " AND cl.conversation_id = c.id AND cl.label_id = ?)");
      p.add(labelId);
    }
    if (connectionId != null) {
      sql.append(" AND c.connection_id = ?");
      p.add(connectionId);
    }
    String q = search == null ? "" : search.strip();
    if (within != null) {
      sql.append(" AND c.id IN (");
      for (int i = 0; i < within.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
        p.add(within.get(i));
      }
      sql.append(within.isEmpty() ? "NULL)" : ")");
    } else if (!q.isEmpty()) {
      sql.append(" AND (c.contact_id IN (SELECT s.id FROM contact s WHERE s.tenant_id = ? AND (");
      p.add(tenantId);
      contactMatch(q, sql, p);
      sql.append("))");
      List<String> words = words(q);
      if (!words.isEmpty()) {
        // Reached only when the words are common (more matches than the search cap): walking the
        // conversations in inbox order and testing each one's few messages finds a page quickly,
        // where the full-text index would first collect every match in the table. (InnoDB
        // evaluates MATCH only through the full-text index, so this test is a substring match.)
        // A scalar subquery with LIMIT, not EXISTS, which MariaDB would turn into a semi-join
        // that scans the whole message table.
        sql.append(
            " OR (SELECT 1 FROM message f FORCE INDEX (message_conversation_page_ix)"
                + " WHERE f.tenant_id = c.tenant_id AND f.conversation_id = c.id");
        for (String word : words) {
          sql.append(" AND f.text LIKE ? ESCAPE '\\\\'");
          p.add("%" + likeEscape(word) + "%");
        }
        sql.append(" LIMIT 1) IS NOT NULL");
      }
      sql.append(")");
    }
    if (after != null) {
      sql.append(" AND (c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))");
      p.add(after.lastActivityAt());
      p.add(after.lastActivityAt());
      p.add(after.id());
    }
    sql.append(" ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?");
    p.add(Math.min(Math.max(max, 1), 100));
    return new Sql(sql.toString(), List.copyOf(p));
  }

  /**
   * How many of the tenant's conversations changed after {@code since}, of those a restricted agent
   * may see ({@code scope}, null: all), for the inbox's "anything new?" poll.
   */
  public static Sql changedSince(long tenantId, Instant since, Visibility.Scope scope) {
    List<Object> p = new ArrayList<>(List.of(tenantId, java.sql.Timestamp.from(since)));
    StringBuilder sql =
        new StringBuilder(
            "SELECT COUNT(*) FROM conversation c FORCE INDEX (conversation_activity_ix)"
                + " WHERE c.tenant_id = ? AND c.quiet = FALSE AND c.last_activity_at > ?");
    teams(new Teams(null, scope), sql, p);
    return new Sql(sql.toString(), List.copyOf(p));
  }

  private static void teams(Teams teams, StringBuilder sql, List<Object> p) {
    if (teams.only() != null) {
      sql.append(" AND c.team_id IN (");
      in(teams.only(), sql, p);
    }
    if (teams.scope() != null) {
      sql.append(" AND (c.assignee_id = ? OR c.team_id IN (");
      p.add(teams.scope().userId());
      in(List.copyOf(teams.scope().teamIds()), sql, p);
      sql.append(")");
    }
  }

  private static void in(List<Long> ids, StringBuilder sql, List<Object> p) {
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      p.add(ids.get(i));
    }
    sql.append(ids.isEmpty() ? "NULL)" : ")");
  }

  /**
   * The first step of a search: the ids of up to {@code cap + 1} conversations whose contact's name
   * or number starts with the text, or one of whose messages contains every word. When it finds at
   * most {@code cap}, the page reads just those conversations (fast whatever the table size); when
   * it finds more, the page falls back to the search's subqueries, which are exact but slow for
   * words that occur in a large share of all messages.
   */
  public static Sql searchMatches(long tenantId, String search, int cap) {
    List<Object> p = new ArrayList<>();
    String q = search.strip();
    StringBuilder sql =
        new StringBuilder(
            "(SELECT DISTINCT c.id FROM conversation c JOIN contact s ON s.tenant_id = c.tenant_id"
                + " AND s.id = c.contact_id WHERE c.tenant_id = ? AND (");
    p.add(tenantId);
    contactMatch(q, sql, p);
    sql.append(") LIMIT ?)");
    p.add(cap + 1);
    String words = fullText(q);
    if (!words.isEmpty()) {
      sql.append(
          " UNION (SELECT DISTINCT f.conversation_id FROM message f WHERE MATCH (f.text)"
              + " AGAINST (? IN BOOLEAN MODE) AND f.tenant_id = ? LIMIT ?)");
      p.add(words);
      p.add(tenantId);
      p.add(cap + 1);
    }
    return new Sql(sql.toString(), List.copyOf(p));
  }

  /**
   * A contact matches when its name starts with the text (the column's collation ignores case, and
   * a prefix can use the name index) or, for a number, its WhatsApp id starts with the digits.
   */
  private static void contactMatch(String q, StringBuilder sql, List<Object> p) {
    sql.append("s.display_name LIKE ? ESCAPE '\\\\'");
    p.add(likeEscape(q) + "%");
    String digits = q.replaceAll("[\\s()+./-]", "");
    if (digits.matches("[0-9]+")) {
      sql.append(" OR s.wa_id LIKE ?");
      p.add(digits + "%");
    }
  }

  /**
   * A boolean-mode full-text query in which every word of the user's text is required and may be a
   * prefix; the operators of the syntax are removed from what the user typed, so a search is never
   * a syntax error. Words shorter than three letters are not indexed and are left out.
   */
  public static String fullText(String search) {
    StringBuilder q = new StringBuilder();
    for (String word : words(search)) {
      if (q.length() > 0) {
        q.append(' ');
      }
      q.append('+').append(word).append('*');
    }
    return q.toString();
  }

  /** The searchable words: letters and digits, at least three, lower case. */
  static List<String> words(String search) {
    List<String> words = new ArrayList<>();
    for (String word : search.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 3) {
        words.add(word);
      }
    }
    return words;
  }

  static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
