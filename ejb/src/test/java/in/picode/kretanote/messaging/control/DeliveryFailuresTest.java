package in.picode.kretanote.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryFailuresTest {

  @Test
  void knownCodesAreExplainedInPlainWords() {
    assertThat(DeliveryFailures.explain(131047, "Re-engagement message"))
        .startsWith("More than 24 hours passed")
        .endsWith("(Meta code 131047)");
    assertThat(DeliveryFailures.explain(131026, "Message undeliverable"))
        .contains("not be on WhatsApp");
  }

  @Test
  void unknownCodesKeepMetasTitleAndCode() {
    assertThat(DeliveryFailures.explain(999999, "Something new"))
        .isEqualTo("Not delivered: Something new (Meta code 999999).");
    assertThat(DeliveryFailures.explain(null, null)).isEqualTo("Not delivered (no reason given).");
  }
}
