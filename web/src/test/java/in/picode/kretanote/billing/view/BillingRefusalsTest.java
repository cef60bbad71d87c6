package in.picode.kretanote.billing.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.billing.entity.Plan;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A plan the operator enters wrongly is refused in the reader's language. */
class BillingRefusalsTest {

  @Test
  void aPlanWithWrongPricesOrCodeIsRefusedInTheReadersLanguage() {
    assertThatThrownBy(
            () -> new PlanVersion.Prices("EUR", -1, 0, 1, 0, 5, 1000, 0, "Inbox, routing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The monthly price must be between 0 and 1000000000 minor units.")
        .satisfies(
            e ->
                assertThat(Wordings.of(Wording.of(e), Locale.forLanguageTag("es")))
                    .isEqualTo(
                        "El precio mensual debe estar entre 0 y 1000000000 unidades menores."));
    assertThatThrownBy(() -> new PlanVersion.Prices("XYZ", 0, 0, 1, 0, 5, 1000, 0, ""))
        .satisfies(
            e ->
                assertThat(Wordings.of(Wording.of(e), Locale.forLanguageTag("ar")))
                    .isEqualTo("XYZ ليست عملة ISO 4217."));
    assertThatThrownBy(() -> new Plan("Pro Plan", "Pro", Instant.now()))
        .satisfies(
            e ->
                assertThat(Wordings.of(Wording.of(e), Locale.forLanguageTag("pt-BR")))
                    .startsWith("Um código de plano tem de 1 a 40 letras minúsculas"));
  }
}
