package in.picode.kretanote.crypto.control;

import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.CURRENT_PROPERTY;
import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.PREVIOUS_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEncryptionKeysTest {

  @Test
  void currentAndPreviousKeysAreFoundByIdWithSurroundingWhitespaceIgnored() {
    KeyEncryptionKeys keys =
        KeyEncryptionKeys.parse(
            " " + Keks.entry("kek-2025-07") + "\n",
            Keks.entry("kek-2025-01") + " , " + Keks.entry("kek_2024.12"));

    assertThat(keys.current().id()).isEqualTo("kek-2025-07");
    assertThat(keys.previousIds()).containsExactly("kek-2025-01", "kek_2024.12");
    assertThat(keys.find("kek-2025-01")).isPresent();
    assertThat(keys.find("KEK-2025-01")).as("ids are case-sensitive").isEmpty();
    assertThat(keys.find("kek-1999")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void noPreviousKeysWhenThatPropertyIsUnsetOrBlank(String previous) {
    assertThat(KeyEncryptionKeys.parse(Keks.entry("k1"), previous).previousIds()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void aMissingCurrentKeyNamesThePropertyAndTheEnvironmentVariable(String current) {
    assertThatThrownBy(() -> KeyEncryptionKeys.parse(current, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(CURRENT_PROPERTY + " is not set")
        .hasMessageContaining("KRETANOTE_CRYPTO_KEK");
  }

  @Test
  void badBase64NamesThePropertyButNeitherTheValueNorTheBadCharacter() {
    String value = "k1:" + Keks.base64(32).substring(0, 20) + "-*!" + "AAAAAAAAAAAAAAAAAAAAAA";

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(value, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(CURRENT_PROPERTY)
        .hasMessageContaining("not valid base64")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("-").doesNotContain("2d"))
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), value));
  }

  @Test
  void aKeyOf31BytesIsRejectedWithItsLengthButNotItsValue() {
    String value = "k1:" + Keks.base64(31);

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(value, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(CURRENT_PROPERTY)
        .hasMessageContaining("31 bytes")
        .hasMessageContaining("exactly 32")
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), value));
  }

  @Test
  void aKeyOf33BytesIsRejected() {
    assertThatThrownBy(() -> KeyEncryptionKeys.parse("k1:" + Keks.base64(33), null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining("33 bytes");
  }

  @Test
  void aValueWithoutKeyIdIsRejectedWithoutEchoingIt() {
    String value = Keks.base64(32);

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(value, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(CURRENT_PROPERTY)
        .hasMessageContaining("no key id")
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-starts-with-dash",
        "has space",
        "has/slash",
        "ümlaut",
        "a1234567890123456789012345678901234567890"
      })
  void invalidKeyIdsAreRejected(String id) {
    String value = id + ":" + Keks.base64(32);

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(value, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining("invalid key id")
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), value));
  }

  @Test
  void aKeyIdOf40CharactersFitsTheColumn() {
    String id = "a".repeat(40);

    assertThat(KeyEncryptionKeys.parse(id + ":" + Keks.base64(32), null).current().id())
        .isEqualTo(id);
  }

  @Test
  void errorsInPreviousKeysNameTheEntry() {
    String previous = Keks.entry("k1") + ",k0:" + Keks.base64(16);

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(Keks.entry("k2"), previous))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(PREVIOUS_PROPERTY + " entry 2 (key id k0)")
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), previous));
  }

  @Test
  void anEmptyEntryInPreviousKeysIsRejected() {
    assertThatThrownBy(() -> KeyEncryptionKeys.parse(Keks.entry("k2"), Keks.entry("k1") + ",,"))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(PREVIOUS_PROPERTY + " entry 2 is empty");
  }

  @Test
  void moreThanOneCurrentKeyIsRejected() {
    String current = Keks.entry("k2") + "," + Keks.entry("k1");

    assertThatThrownBy(() -> KeyEncryptionKeys.parse(current, null))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining("older keys belong in " + PREVIOUS_PROPERTY)
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), current));
  }

  @Test
  void aDuplicateKeyIdIsRejected() {
    assertThatThrownBy(() -> KeyEncryptionKeys.parse(Keks.entry("k1"), Keks.entry("k1")))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining("key id k1 is configured more than once");
  }

  @Test
  void theSameKeyMaterialUnderTwoIdsIsRejected() {
    String material = Keks.base64(32);

    assertThatThrownBy(
            () -> KeyEncryptionKeys.parse("k2:" + material, Keks.entry("k0") + ",k1:" + material))
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining("k2 and k1 have the same key material")
        .satisfies(e -> assertLeaksNothingOf(e.getMessage(), material));
  }

  @Test
  void toStringShowsIdsOnly() {
    String current = Keks.entry("k2");
    String previous = Keks.entry("k1");
    KeyEncryptionKeys keys = KeyEncryptionKeys.parse(current, previous);

    assertThat(keys).hasToString("KeyEncryptionKeys[current=k2, previous=[k1]]");
    assertThat(keys.current()).hasToString("KeyEncryptionKey[k2]");
  }

  /** No run of 6 characters of the configured key material appears in the message. */
  private static void assertLeaksNothingOf(String message, String value) {
    String secret = value.contains(":") ? value.substring(value.indexOf(':') + 1) : value;
    for (String part : secret.split("[,:]")) {
      for (int i = 0; i + 6 <= part.length(); i++) {
        assertThat(message).doesNotContain(part.substring(i, i + 6));
      }
    }
  }
}
