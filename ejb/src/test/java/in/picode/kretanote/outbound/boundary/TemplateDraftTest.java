package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.contact.entity.Category;
import jakarta.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateDraftTest {

  static TemplateDraft body(String text, String... examples) {
    return new TemplateDraft(null, text, List.of(examples), null, List.of());
  }

  @Test
  void aFullDraftBecomesMetasComponentsWithTheExamples() {
    JsonArray c =
        new TemplateDraft(
                " Your order ",
                "Hi {{1}}, order {{2}} has shipped.",
                List.of("Ana", " A-17 ", ""),
                "Reply STOP to opt out",
                List.of(
                    new TemplateDraft.Button("Track", "https://example.com/t"),
                    new TemplateDraft.Button("Thanks", " ")))
            .components();
    assertThat(c.toString())
        .isEqualTo(
            "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Your"
                + " order\"},{\"type\":\"BODY\",\"text\":\"Hi {{1}}, order {{2}} has shipped.\","
                + "\"example\":{\"body_text\":[[\"Ana\",\"A-17\"]]}},{\"type\":\"FOOTER\",\"text\":\"Reply"
                + " STOP to opt out\"},"
                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\","
                + "\"url\":\"https://example.com/t\"},{\"type\":\"QUICK_REPLY\",\"text\":\"Thanks\"}]}]");
  }

  @Test
  void aPlainBodyNeedsNoExamples() {
    assertThat(body("We are open today.").components().toString())
        .isEqualTo("[{\"type\":\"BODY\",\"text\":\"We are open today.\"}]");
  }

  @Test
  void placeholdersAreCountedAgainstTheExamples() {
    assertThatThrownBy(() -> body("Hi {{1}} and {{2}}", "Ana").components())
        .hasMessage(
            "The body uses 2 placeholders: give one example value for each, one a line (1 given).");
    assertThatThrownBy(() -> body("Hi", "Ana").components())
        .hasMessage("The body has no placeholders, so give no example values.");
    assertThat(body("{{1}} {{1}} {{2}}", "a", "b").components().toString())
        .contains("[[\"a\",\"b\"]]");
  }

  @Test
  void placeholdersAreNumberedFromOneWithoutGapsOrNames() {
    assertThatThrownBy(() -> body("Hi {{2}}", "x").components())
        .hasMessageContaining("without gaps");
    assertThatThrownBy(() -> body("Hi {{1}} {{name}}", "x", "y").components())
        .hasMessageContaining("not {{name}}");
    assertThatThrownBy(() -> body("Hi {{name}} {{Name}}", "x", "y").components())
        .hasMessageContaining("not {{Name}}");
    assertThatThrownBy(() -> body("Hi {{0}}", "x").components()).hasMessageContaining("not {{0}}");
  }

  @Test
  void metasLimitsAreCheckedBeforeMetaSeesTheTemplate() {
    assertThatThrownBy(() -> body("  ").components()).hasMessage("The body text is needed.");
    assertThatThrownBy(() -> body("x".repeat(1025)).components())
        .hasMessageContaining("at most 1024");
    assertThatThrownBy(
            () -> new TemplateDraft("h".repeat(61), "b", List.of(), null, List.of()).components())
        .hasMessageContaining("header has at most 60");
    assertThatThrownBy(
            () -> new TemplateDraft("Hi {{1}}", "b", List.of(), null, List.of()).components())
        .hasMessageContaining("header cannot have placeholders");
    assertThatThrownBy(
            () -> new TemplateDraft(null, "b", List.of(), "f".repeat(61), List.of()).components())
        .hasMessageContaining("footer has at most 60");
  }

  @Test
  void buttonsAreCheckedToo() {
    TemplateDraft.Button ok = new TemplateDraft.Button("Yes", null);
    assertThatThrownBy(
            () ->
                new TemplateDraft(null, "b", List.of(), null, java.util.Collections.nCopies(11, ok))
                    .components())
        .hasMessageContaining("At most 10 buttons (11 given).")
        .hasMessageContaining("At most 10 quick replies (11 given).");
    assertThatThrownBy(
            () ->
                new TemplateDraft(
                        null,
                        "b",
                        List.of(),
                        null,
                        List.of(new TemplateDraft.Button("x".repeat(26), null)))
                    .components())
        .hasMessageContaining("1 to 25 characters");
    for (String url : List.of("http://example.com", "javascript:alert(1)", "https://a b")) {
      assertThatThrownBy(
              () ->
                  new TemplateDraft(
                          null, "b", List.of(), null, List.of(new TemplateDraft.Button("Go", url)))
                      .components())
          .as(url)
          .hasMessageContaining("starts with https://");
    }
  }

  @Test
  void anEmptyFormNamesEveryProblemAtOnceByField() {
    TemplateDraft empty =
        new TemplateDraft(
            "x".repeat(61),
            "",
            List.of(),
            "y".repeat(61),
            List.of(new TemplateDraft.Button("Go", "http://plain")));
    assertThat(Templates.problems("", "", null, empty))
        .containsOnlyKeys("name", "language", "category", "header", "body", "footer", "buttons")
        .containsEntry("body", "The body text is needed.")
        .containsEntry("header", "The header has at most 60 characters.");
    assertThat(Templates.problems("order_update", "en_US", Category.UTILITY, body("Hi"))).isEmpty();
  }
}
