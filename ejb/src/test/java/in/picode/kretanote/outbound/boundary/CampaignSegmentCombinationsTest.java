package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.outbound.boundary.CampaignSegment.Activity;
import in.picode.kretanote.outbound.boundary.CampaignSegment.Condition;
import in.picode.kretanote.outbound.boundary.CampaignSegment.Op;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignSegmentCombinationsTest {

  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void everyCriterionIsBoundInTheOrderOfItsPlaceholders() {
    CampaignSegment s =
        new CampaignSegment(
            List.of("a", "b"),
            List.of("c"),
            List.of("x"),
            List.of(5L),
            List.of(
                new Condition(9, "NUMBER", Op.GREATER, "10"),
                new Condition(8, "TEXT", Op.CONTAINS, "50%_off!"),
                new Condition(7, "DATE", Op.IS_EMPTY, null)),
            true,
            new Activity(false, 30));
    String sql = s.count();
    List<Object> p = s.parameters(3, 0, NOW);
    assertThat(sql.chars().filter(ch -> ch == '?').count()).isEqualTo(p.size());
    assertThat(p)
        .containsExactly(
            3L,
            0L,
            "a",
            "b",
            "c",
            "x",
            5L,
            9L,
            new BigDecimal("10"),
            8L,
            "%50!%!_off!!%",
            7L,
            Timestamp.from(NOW.minusSeconds(30L * 86400)));
    assertThat(sql)
        .contains("t.tag IN (?, ?)")
        .contains("NOT EXISTS (SELECT 1 FROM contact_tag")
        .contains("conversation_label l")
        .contains("CAST(f.value AS DECIMAL(38, 10)) > ?")
        .contains("LIKE ? ESCAPE '!'")
        .contains("AND NOT EXISTS (SELECT 1 FROM contact_field_value")
        .contains("AND NOT EXISTS (SELECT 1 FROM conversation a")
        .doesNotContain("50%");
  }

  @Test
  void userTextNeverReachesTheSql() {
    String evil = "x') OR 1=1 -- ";
    CampaignSegment s =
        new CampaignSegment(
            List.of(evil),
            List.of(),
            List.of(evil),
            List.of(),
            List.of(new Condition(1, "TEXT", Op.EQUALS, evil)),
            false,
            null);
    assertThat(s.nextIds()).doesNotContain("OR 1=1");
    assertThat(s.parameters(1, 0, NOW)).contains(evil);
  }

  @Test
  void malformedShapesAreNamed() {
    CampaignSegment s =
        new CampaignSegment(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Condition(1, "TEXT", Op.GREATER, "5"),
                new Condition(2, "NUMBER", Op.CONTAINS, "5"),
                new Condition(3, "TEXT", Op.EQUALS, " "),
                new Condition(4, "TEXT", null, "x")),
            false,
            new Activity(true, 0));
    assertThat(s.problems())
        .containsExactly(
            "Condition 1: greater/less than works on number and date fields only",
            "Condition 2: contains works on text fields only",
            "Condition 3: give a value to compare with",
            "Condition 4: pick a comparison",
            "Last activity: give 1 to 3650 days");
  }

  @Test
  void jsonRoundTripsAndTheLegacyFormStaysTheSame() {
    CampaignSegment s =
        new CampaignSegment(
            List.of("a"),
            List.of(),
            List.of("x"),
            List.of(4L),
            List.of(new Condition(9, "DATE", Op.LESS, "2026-01-31")),
            true,
            new Activity(true, 7));
    assertThat(CampaignSegment.fromJson(s.toJson())).isEqualTo(s);
    assertThat(new CampaignSegment("vip", false).describe()).isEqualTo("tag \u201cvip\u201d");
  }
}
