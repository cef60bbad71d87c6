package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.outbound.boundary.ValueMapping.Recipient;
import in.picode.kretanote.outbound.boundary.ValueMapping.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueMappingTest {

  static final Recipient ANA =
      new Recipient("  Ana   Maria Lima ", "491701234567", Map.of(7L, "Lisbon"));

  @Test
  void eachSourceResolvesFromTheRecipient() {
    assertThat(new ValueMapping(Source.FIRST_NAME, null, null, "friend").resolve(ANA))
        .isEqualTo("Ana");
    assertThat(new ValueMapping(Source.NAME, null, null, "friend").resolve(ANA))
        .isEqualTo("Ana Maria Lima");
    assertThat(new ValueMapping(Source.PHONE, null, null, "-").resolve(ANA))
        .isEqualTo("+491701234567");
    assertThat(new ValueMapping(Source.CUSTOM_FIELD, null, 7L, "town").resolve(ANA))
        .isEqualTo("Lisbon");
    assertThat(ValueMapping.text("the sale").resolve(ANA)).isEqualTo("the sale");
  }

  @Test
  void anEmptyValueTakesTheFallback() {
    assertThat(new ValueMapping(Source.FIRST_NAME, null, null, "friend").resolve(Recipient.NOBODY))
        .isEqualTo("friend");
    assertThat(new ValueMapping(Source.CUSTOM_FIELD, null, 8L, "town").resolve(ANA))
        .isEqualTo("town");
    Recipient blank = new Recipient(" \t ", null, Map.of(7L, "   "));
    assertThat(new ValueMapping(Source.CUSTOM_FIELD, null, 7L, "town").resolve(blank))
        .isEqualTo("town");
  }

  @Test
  void aValueIsMadeFitForMetaLineBreaksTabsAndRunsOfSpacesGo() {
    Recipient messy = new Recipient("Ana\nLima\t\t  x", null, Map.of(1L, "y".repeat(2000)));
    assertThat(new ValueMapping(Source.NAME, null, null, "f").resolve(messy))
        .isEqualTo("Ana Lima x");
    assertThat(new ValueMapping(Source.CUSTOM_FIELD, null, 1L, "f").resolve(messy))
        .hasSize(ValueMapping.TEXT_MAX);
  }

  @Test
  void problemsNameThePlaceholder() {
    assertThat(ValueMapping.text(" ").problems(1))
        .containsExactly("Placeholder {{1}}: give the text");
    assertThat(new ValueMapping(Source.CUSTOM_FIELD, null, null, null).problems(2))
        .containsExactly(
            "Placeholder {{2}}: pick the custom field",
            "Placeholder {{2}}: give a fallback for contacts without this value");
    assertThat(new ValueMapping(null, null, null, null).problems(3)).hasSize(1);
    assertThat(new ValueMapping(Source.NAME, null, null, "friend").problems(1)).isEmpty();
  }

  @Test
  void jsonRoundTrips() {
    List<ValueMapping> m =
        List.of(
            ValueMapping.text("x \"quoted\""),
            new ValueMapping(Source.CUSTOM_FIELD, null, 42L, "fallback"));
    assertThat(ValueMapping.fromJson(ValueMapping.toJson(m))).isEqualTo(m);
  }
}
