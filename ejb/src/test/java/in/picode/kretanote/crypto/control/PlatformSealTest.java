package in.picode.kretanote.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformSealTest {

  final EnvelopeCipher cipher = new EnvelopeCipher();
  final byte[] secret = "operator totp secret".getBytes(UTF_8);

  @Test
  void aSealedValueOpensForItsPurposeOnlyAndNeverHoldsThePlaintext() {
    PlatformSeal seal = new PlatformSeal(Keks.only(Keks.entry("kek-a")), cipher);
    byte[] sealed = seal.seal("operator-totp-secret", secret);
    assertThat(new String(sealed, UTF_8)).doesNotContain("operator totp secret");
    assertThat(seal.open("operator-totp-secret", sealed)).isEqualTo(secret);
    assertThat(seal.underCurrent(sealed)).isTrue();
    assertThatThrownBy(() -> seal.open("totp-secret", sealed))
        .isInstanceOf(TamperedCiphertextException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> seal.open("operator-totp-secret", sealed))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void aRotationKeepsOldValuesReadableUntilTheOldKekIsRemoved() {
    String old = Keks.entry("kek-old");
    String next = Keks.entry("kek-new");
    byte[] sealed = new PlatformSeal(Keks.only(old), cipher).seal("operator-totp-secret", secret);
    PlatformSeal during = new PlatformSeal(KeyEncryptionKeys.parse(next, old), cipher);
    assertThat(during.open("operator-totp-secret", sealed)).isEqualTo(secret);
    assertThat(during.underCurrent(sealed)).isFalse();
    PlatformSeal after = new PlatformSeal(Keks.only(next), cipher);
    assertThatThrownBy(() -> after.open("operator-totp-secret", sealed))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("kek-old")
        .hasMessageNotContaining(old.substring(old.indexOf(':') + 1));
  }

  @Test
  void aTenantsValueIsNotAPlatformValue() {
    PlatformSeal seal = new PlatformSeal(Keks.only(Keks.entry("kek-a")), cipher);
    byte[] tenantValue = cipher.encrypt(cipher.newDataKey(), 7, 1, "totp-secret", secret);
    assertThatThrownBy(() -> seal.open("totp-secret", tenantValue))
        .isInstanceOf(TamperedCiphertextException.class);
  }
}
