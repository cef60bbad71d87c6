package in.picode.kretanote.billing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.billing.boundary.Money;
import org.junit.jupiter.api.Test;

class MoneyAndTaxTest {

  @Test
  void formatsMinorUnitsByCurrency() {
    assertThat(Money.format(2333, "EUR")).isEqualTo("EUR 23.33");
    assertThat(Money.format(-967, "EUR")).isEqualTo("-EUR 9.67");
    assertThat(Money.format(500, "JPY")).isEqualTo("JPY 500");
    assertThat(Money.format(1234, "BHD")).isEqualTo("BHD 1.234");
  }

  @Test
  void taxIsRoundedHalfUpInBasisPoints() {
    assertThat(Money.tax(2333, 1900)).isEqualTo(443); // 443.27
    assertThat(Money.tax(2900, 1900)).isEqualTo(551);
    assertThat(Money.tax(50, 1000)).isEqualTo(5);
    assertThat(Money.tax(-2900, 1900)).isEqualTo(-551);
    assertThat(Money.percent(1900)).isEqualTo("19 %");
    assertThat(Money.percent(550)).isEqualTo("5.5 %");
  }

  @Test
  void ratesByCountryFromConfiguration() {
    TaxRates rates = TaxRates.parse("DE=19, AT=20,FR=5.5", "0");
    assertThat(rates.basisPointsFor("DE")).isEqualTo(1900);
    assertThat(rates.basisPointsFor("FR")).isEqualTo(550);
    assertThat(rates.basisPointsFor("US")).isZero();
    assertThat(rates.basisPointsFor(null)).isZero();
  }

  @Test
  void badRatesAreRefusedAtStartup() {
    assertThatThrownBy(() -> TaxRates.parse("Germany=19", "0"))
        .hasMessageContaining("COUNTRY=PERCENT");
    assertThatThrownBy(() -> TaxRates.parse("DE=120", "0")).hasMessageContaining("between 0");
    assertThatThrownBy(() -> TaxRates.parse("DE=abc", "0")).hasMessageContaining("Not a tax rate");
  }
}
