package in.picode.kretanote.csat.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsatRepliesTest {

  @Test
  void aListReplyNamesItsSurveyAndRating() {
    assertThat(
            CsatReplies.parse(
                "interactive",
                "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"csat-42-4\",\"title\":\"4\"}}"))
        .contains(new CsatReplies.Choice(Optional.of(42L), 4));
  }

  @Test
  void aButtonReplyWorksTheSameWay() {
    assertThat(
            CsatReplies.parse(
                "interactive",
                "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"csat-7-1\",\"title\":\"1\"}}"))
        .contains(new CsatReplies.Choice(Optional.of(7L), 1));
  }

  @Test
  void aTemplateQuickReplyIsReadFromItsLeadingDigit() {
    assertThat(CsatReplies.parse("button", "{\"payload\":\"x\",\"text\":\"5 - Great\"}"))
        .contains(new CsatReplies.Choice(Optional.empty(), 5));
    assertThat(CsatReplies.parse("button", "{\"payload\":\"x\",\"text\":\"10 points\"}")).isEmpty();
    assertThat(CsatReplies.parse("button", "{\"payload\":\"x\",\"text\":\"Stop\"}")).isEmpty();
  }

  @Test
  void otherAnswersAndBadInputAreNoRating() {
    assertThat(
            CsatReplies.parse(
                "interactive",
                "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"size-L\",\"title\":\"L\"}}"))
        .isEmpty();
    assertThat(
            CsatReplies.parse(
                "interactive",
                "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"csat-1-6\",\"title\":\"6\"}}"))
        .isEmpty();
    assertThat(CsatReplies.parse("interactive", "{\"type\":\"nfm_reply\"}")).isEmpty();
    assertThat(CsatReplies.parse("interactive", "not json")).isEmpty();
    assertThat(CsatReplies.parse("interactive", "[1]")).isEmpty();
    assertThat(CsatReplies.parse("interactive", null)).isEmpty();
    assertThat(CsatReplies.parse("interactive", "{\"a\":\"" + "x".repeat(20_000) + "\"}"))
        .isEmpty();
    assertThat(CsatReplies.parse("text", "{\"body\":\"5\"}")).isEmpty();
  }

  @Test
  void theSurveyHasFiveRowsWithinMetasLimits() {
    assertThat(CsatReplies.rows(99))
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.title()).hasSizeLessThanOrEqualTo(24);
              assertThat(r.description()).hasSizeLessThanOrEqualTo(72);
              assertThat(
                      CsatReplies.parse(
                          "interactive",
                          "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"" + r.id() + "\"}}"))
                  .map(CsatReplies.Choice::rating)
                  .contains(Integer.parseInt(r.title()));
            });
  }
}
