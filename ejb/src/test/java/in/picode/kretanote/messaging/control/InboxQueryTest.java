package in.picode.kretanote.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.boundary.Inbox.Cursor;
import in.picode.kretanote.messaging.boundary.Inbox.Owner;
import in.picode.kretanote.messaging.boundary.Inbox.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxQueryTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void pagesByKeysetInTheExpandedFormNeverByOffset() {
    Cursor after = new Cursor(Instant.parse("2026-11-24T10:00:00Z"), 42);
    InboxQuery.Sql sql = InboxQuery.page(7, 3, Owner.ALL, State.OPEN, null, null, after, NOW, 25);
    assertThat(sql.sql())
        .contains("WHERE c.tenant_id = ?")
        .contains("(c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))")
        .contains("ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?")
        .contains("FORCE INDEX (conversation_inbox_ix)")
        .doesNotContainIgnoringCase("offset");
    assertThat(sql.params())
        .startsWith(7L)
        .endsWith(after.lastActivityAt(), after.lastActivityAt(), 42L, 25);
  }

  @Test
  void ownerFiltersChooseTheAssigneeIndex() {
    InboxQuery.Sql mine =
        InboxQuery.page(7, 3, Owner.MINE, State.CLOSED, null, null, null, NOW, 10);
    assertThat(mine.sql()).contains("c.assignee_id = ?").contains("conversation_assignee_ix");
    assertThat(mine.params()).containsExactly(7L, 3L, 10);
    InboxQuery.Sql unassigned =
        InboxQuery.page(7, 3, Owner.UNASSIGNED, State.ANY, null, null, null, NOW, 10);
    assertThat(unassigned.sql()).contains("c.assignee_id IS NULL").doesNotContain("c.status =");
    assertThat(InboxQuery.page(7, 3, Owner.ALL, State.ANY, null, null, null, NOW, 10).sql())
        .contains("conversation_activity_ix");
  }

  @Test
  void snoozedIsOpenWithASnoozeInTheFuture() {
    InboxQuery.Sql open = InboxQuery.page(7, 3, Owner.ALL, State.OPEN, null, null, null, NOW, 10);
    assertThat(open.sql()).contains("(c.snoozed_until IS NULL OR c.snoozed_until <= ?)");
    InboxQuery.Sql snoozed =
        InboxQuery.page(7, 3, Owner.ALL, State.SNOOZED, null, null, null, NOW, 10);
    assertThat(snoozed.sql()).contains("c.snoozed_until > ?");
    assertThat(snoozed.params()).contains(NOW);
  }

  @Test
  void searchIsTenantScopedAndItsInputCannotBreakTheSyntax() {
    InboxQuery.Sql sql =
        InboxQuery.page(7, 3, Owner.ALL, State.OPEN, 5L, "50%_off +\"\"*(", null, NOW, 10);
    assertThat(sql.sql()).contains("s.tenant_id = ?").contains("f.tenant_id = c.tenant_id");
    assertThat(sql.params()).contains("50\\%\\_off +\"\"*(%").contains("%off%");
    assertThat(InboxQuery.fullText("Table for two, tonight!"))
        .isEqualTo("+table* +for* +two* +tonight*");
    assertThat(InboxQuery.fullText("a b")).isEmpty();
    assertThat(
            InboxQuery.page(7, 3, Owner.ALL, State.OPEN, null, "+49 151", null, NOW, 10).params())
        .contains("49151%");
  }

  @Test
  void pageSizeIsBounded() {
    assertThat(InboxQuery.page(7, 3, Owner.ALL, State.OPEN, null, null, null, NOW, 10_000).params())
        .endsWith(100);
    assertThat(InboxQuery.page(7, 3, Owner.ALL, State.OPEN, null, null, null, NOW, -1).params())
        .endsWith(1);
  }

  @Test
  void aSearchFirstCollectsAFewMatchingIdsThenPagesWithinThem() {
    InboxQuery.Sql matches = InboxQuery.searchMatches(7, "Ana refund", 1000);
    assertThat(matches.sql())
        .contains("c.tenant_id = ?")
        .contains("f.tenant_id = ?")
        .contains("UNION")
        .contains("LIMIT ?");
    assertThat(matches.params())
        .containsExactly(7L, "Ana refund%", 1001, "+ana* +refund*", 7L, 1001);
    InboxQuery.Sql within =
        InboxQuery.page(
            7,
            3,
            Owner.ALL,
            State.OPEN,
            null,
            "Ana refund",
            java.util.List.of(11L, 12L),
            null,
            NOW,
            10);
    assertThat(within.sql())
        .contains("AND c.id IN (?, ?)")
        .contains("FORCE INDEX (PRIMARY)")
        .doesNotContain("MATCH");
    assertThat(within.params()).contains(11L, 12L);
    assertThat(
            InboxQuery.page(
                    7, 3, Owner.ALL, State.OPEN, null, "x", java.util.List.of(), null, NOW, 10)
                .sql())
        .contains("c.id IN (NULL)");
  }
}
