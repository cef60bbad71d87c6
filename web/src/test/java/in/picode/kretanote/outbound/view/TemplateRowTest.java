package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateRowTest {

  static MessageTemplate template(String components, String status, String reason) {
    MessageTemplate t =
        new MessageTemplate(
            1, "waba", "order_update", "en_US", Category.UTILITY, components, Instant.now());
    t.status(status, reason, Instant.now());
    return t;
  }

  @Test
  void theComponentsAreShownAsTheCustomerWillReadThem() {
    TemplateRow row =
        TemplateRow.of(
            template(
                "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Your"
                    + " order\"},{\"type\":\"BODY\",\"text\":\"Hi {{1}}, order {{2}} shipped.\"},"
                    + "{\"type\":\"FOOTER\",\"text\":\"Bistro\"},"
                    + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\","
                    + "\"url\":\"https://example.com/t\"},{\"type\":\"QUICK_REPLY\",\"text\":\"Thanks\"}]}]",
                "APPROVED", null));
    assertThat(row.header()).isEqualTo("Your order");
    assertThat(row.body()).isEqualTo("Hi {{1}}, order {{2}} shipped.");
    assertThat(row.footer()).isEqualTo("Bistro");
    assertThat(row.buttons()).isEqualTo("[Track → https://example.com/t] [Thanks]");
    assertThat(row.getStatusWords()).isEqualTo("Approved: ready to send.");
  }

  @Test
  void aMediaHeaderIsNamedAndBrokenJsonShowsNothing() {
    assertThat(
            TemplateRow.of(
                    template("[{\"type\":\"HEADER\",\"format\":\"IMAGE\"}]", "PENDING", null))
                .header())
        .isEqualTo("(image)");
    TemplateRow broken = TemplateRow.of(template("{not json", "PENDING", null));
    assertThat(broken.body()).isEmpty();
    assertThat(broken.getStatusWords()).isEqualTo("Waiting for Meta's review.");
  }

  @Test
  void metasReasonsAndStatusesAreSaidInWords() {
    assertThat(TemplateRow.of(template("[]", "REJECTED", "INVALID_FORMAT")).getStatusWords())
        .isEqualTo(
            "Rejected by Meta: its format is invalid (placeholders, example values, length or"
                + " characters).");
    assertThat(TemplateRow.of(template("[]", "REJECTED", "SOME_NEW_REASON")).getStatusWords())
        .isEqualTo("Rejected by Meta: some new reason.");
    assertThat(TemplateRow.of(template("[]", "REJECTED", "NONE")).getStatusWords())
        .isEqualTo("Rejected by Meta.");
    assertThat(TemplateRow.of(template("[]", "PAUSED", null)).getStatusWords())
        .startsWith("Paused by Meta");
    assertThat(TemplateRow.of(template("[]", "DISABLED", null)).getStatusWords())
        .startsWith("Disabled by Meta");
  }
}
