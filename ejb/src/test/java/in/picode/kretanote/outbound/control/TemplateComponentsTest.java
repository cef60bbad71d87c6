package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateComponentsTest {

  @Test
  void theWebhooksTextsReplaceTheStoredOnesAndMediaHeadersAndQuickRepliesStay() {
    String stored =
        "[{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"h\"]}},"
            + "{\"type\":\"BODY\",\"text\":\"Old {{1}}\"},{\"type\":\"FOOTER\",\"text\":\"Old\"},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Stop\"},"
            + "{\"type\":\"URL\",\"text\":\"Old link\",\"url\":\"https://old\"}]}]";
    String merged =
        TemplateComponents.merged(
            stored,
            "New {{1}}",
            "Ignored for an image header",
            "New",
            List.of(new TemplateComponents.Button("URL", "Track", "https://new/{{1}}", null)));
    assertThat(merged)
        .contains("\"format\":\"IMAGE\"")
        .doesNotContain("Ignored for an image header")
        .contains("New {{1}}")
        .contains("\"text\":\"New\"")
        .contains("QUICK_REPLY")
        .contains("https://new/{{1}}")
        .doesNotContain("https://old")
        .doesNotContain("Old {{1}}");
  }

  @Test
  void aTemplateWithoutAFooterGetsOne() {
    assertThat(
            TemplateComponents.merged(
                "[{\"type\":\"BODY\",\"text\":\"a\"}]", "b", null, "f", List.of()))
        .isEqualTo("[{\"type\":\"BODY\",\"text\":\"b\"},{\"type\":\"FOOTER\",\"text\":\"f\"}]");
  }
}
