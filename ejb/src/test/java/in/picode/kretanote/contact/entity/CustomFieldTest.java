package in.picode.kretanote.contact.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.contact.entity.CustomField.Type;
import org.junit.jupiter.api.Test;

class CustomFieldTest {

  @Test
  void valuesAreStoredInACanonicalFormPerType() {
    assertThat(CustomField.canonical(Type.NUMBER, "Spend", " 1.50 ")).isEqualTo("1.5");
    assertThat(CustomField.canonical(Type.NUMBER, "Spend", "100")).isEqualTo("100");
    assertThat(CustomField.canonical(Type.DATE, "Birthday", "2026-02-28")).isEqualTo("2026-02-28");
    assertThat(CustomField.canonical(Type.BOOLEAN, "VIP", "Yes")).isEqualTo("true");
    assertThat(CustomField.canonical(Type.BOOLEAN, "VIP", "0")).isEqualTo("false");
    assertThat(CustomField.canonical(Type.TEXT, "Note", "  hi ")).isEqualTo("hi");
    assertThat(CustomField.canonical(Type.TEXT, "Note", "   ")).isNull();
  }

  @Test
  void invalidValuesAreRefusedWithTheFieldsName() {
    assertThatThrownBy(() -> CustomField.canonical(Type.NUMBER, "Spend", "12,5 EUR"))
        .hasMessage("Spend must be a number, not \"12,5 EUR\"");
    assertThatThrownBy(() -> CustomField.canonical(Type.DATE, "Birthday", "2026-02-30"))
        .hasMessageContaining("Birthday must be a date");
    assertThatThrownBy(() -> CustomField.canonical(Type.BOOLEAN, "VIP", "maybe"))
        .hasMessageContaining("VIP must be yes or no");
    assertThatThrownBy(() -> CustomField.canonical(Type.TEXT, "Note", "x".repeat(501)))
        .hasMessageContaining("at most 500");
  }
}
