package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.inbound.control.ContactKey.Kind;
import org.junit.jupiter.api.Test;

class ContactKeyTest {

  @Test
  void prefersTheUserIdOverThePhoneNumber() {
    assertThat(ContactKey.of("DE.1234567890", "4915112345678"))
        .contains(new ContactKey(Kind.USER_ID, "DE.1234567890"));
  }

  @Test
  void fallsBackToThePhoneNumber() {
    assertThat(ContactKey.of(null, "4915112345678"))
        .contains(new ContactKey(Kind.WA_ID, "4915112345678"));
    assertThat(ContactKey.of(" ", "4915112345678"))
        .contains(new ContactKey(Kind.WA_ID, "4915112345678"));
  }

  @Test
  void isEmptyWithoutEither() {
    assertThat(ContactKey.of(null, null)).isEmpty();
    assertThat(ContactKey.of("", " ")).isEmpty();
  }

  @Test
  void refusesAKeyLongerThanTheColumn() {
    String longest = "DE." + "a".repeat(ContactKey.MAX_LENGTH - 3);

    assertThat(ContactKey.of(longest, null)).map(ContactKey::value).contains(longest);
    assertThatThrownBy(() -> ContactKey.of(longest + "a", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
