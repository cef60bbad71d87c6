package in.picode.kretanote.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCipherTest {

  private static final long TENANT = 42;
  private static final String PURPOSE = "meta-access-token";
  private static final byte[] TOKEN = "EAAG-secret-access-token".getBytes(UTF_8);

  private final EnvelopeCipher cipher = new EnvelopeCipher();
  private final byte[] dataKey = cipher.newDataKey();

  @Test
  void roundTrip() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 3, PURPOSE, TOKEN);

    assertThat(cipher.decrypt(dataKey, TENANT, 3, PURPOSE, ciphertext)).isEqualTo(TOKEN);
  }

  @Test
  void anEmptyValueRoundTrips() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, new byte[0]);

    assertThat(ciphertext).hasSize(EnvelopeCipher.OVERHEAD);
    assertThat(cipher.decrypt(dataKey, TENANT, 1, PURPOSE, ciphertext)).isEmpty();
  }

  @Test
  void theValueStartsWithFormatVersionKeyVersionAndNonceAndHides33BytesOfOverhead() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 7, PURPOSE, TOKEN);

    assertThat(ciphertext).hasSize(TOKEN.length + 33);
    assertThat(ciphertext[0]).isEqualTo((byte) 1);
    assertThat(ByteBuffer.wrap(ciphertext, 1, 4).getInt()).isEqualTo(7);
    assertThat(EnvelopeCipher.keyVersionOf(ciphertext)).isEqualTo(7);
    assertThat(new String(ciphertext, UTF_8)).doesNotContain("secret");
  }

  @Test
  void changingAnyByteFailsClosed() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);

    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 1, PURPOSE, tampered))
          .as("byte %d changed", i)
          .isInstanceOf(TamperedCiphertextException.class);
    }
  }

  @Test
  void aChangedTagSaysTamperedOrBoundToAnotherTenant() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);
    ciphertext[ciphertext.length - 1] ^= (byte) 0x80;

    assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 1, PURPOSE, ciphertext))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessage(
            "value cannot be decrypted for tenant 42 / purpose meta-access-token"
                + " (tampered, or bound to another tenant or purpose)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 32})
  void aTruncatedValueFailsClosed(int length) {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);
    byte[] truncated = Arrays.copyOf(ciphertext, length);

    assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 1, PURPOSE, truncated))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("shorter than the 33 bytes");
  }

  @Test
  void aValueCutByOneByteFailsClosed() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);
    byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 1);

    assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 1, PURPOSE, truncated))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void anUnknownFormatVersionFailsClosed() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);
    ciphertext[0] = 2;

    assertThatThrownBy(() -> EnvelopeCipher.keyVersionOf(ciphertext))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("unknown format version 2");
  }

  @Test
  void anotherTenantsValueCannotBeDecryptedEvenWithTheSameKey() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);

    assertThatThrownBy(() -> cipher.decrypt(dataKey, 43, 1, PURPOSE, ciphertext))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("for tenant 43 / purpose meta-access-token")
        .hasMessageContaining("bound to another tenant");
  }

  @Test
  void aValueCannotBeDecryptedForAnotherPurpose() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);

    assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 1, "meta-app-secret", ciphertext))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("purpose meta-app-secret");
  }

  @Test
  void aValueCannotBeDecryptedWithAnotherDataKey() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);

    assertThatThrownBy(() -> cipher.decrypt(cipher.newDataKey(), TENANT, 1, PURPOSE, ciphertext))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void aValueNamingAnotherKeyVersionIsRefused() {
    byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);

    assertThatThrownBy(() -> cipher.decrypt(dataKey, TENANT, 2, PURPOSE, ciphertext))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("names data key v1, not v2");
  }

  @Test
  void noncesDoNotRepeatOver20000Encryptions() {
    Set<String> nonces = new HashSet<>();
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] ciphertext = cipher.encrypt(dataKey, TENANT, 1, PURPOSE, TOKEN);
      nonces.add(HexFormat.of().formatHex(ciphertext, 5, 17));
      values.add(HexFormat.of().formatHex(ciphertext));
    }

    assertThat(nonces).hasSize(20_000);
    assertThat(values).hasSize(20_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Meta-Access-Token", "-token", "token with space", "tökén"})
  void aPurposeOutsideTheAllowedCharactersIsAProgrammingError(String purpose) {
    assertThatThrownBy(() -> cipher.encrypt(dataKey, TENANT, 1, purpose, TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(purpose.isEmpty() ? "\u0000" : purpose);
  }

  @Test
  void aPurposeMayNameARecord() {
    byte[] ciphertext =
        cipher.encrypt(dataKey, TENANT, 1, "meta-access-token:connection-17", TOKEN);

    assertThat(cipher.decrypt(dataKey, TENANT, 1, "meta-access-token:connection-17", ciphertext))
        .isEqualTo(TOKEN);
    assertThatThrownBy(
            () -> cipher.decrypt(dataKey, TENANT, 1, "meta-access-token:connection-18", ciphertext))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void aDataKeyMustBe256Bits() {
    assertThatThrownBy(() -> cipher.encrypt(new byte[16], TENANT, 1, PURPOSE, TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void wrapAndUnwrapRoundTripIn60Bytes() {
    KeyEncryptionKey kek = Keks.only(Keks.entry("k1")).current();

    byte[] wrapped = cipher.wrap(kek, TENANT, 1, dataKey);

    assertThat(wrapped).hasSize(60);
    assertThat(cipher.unwrap(kek, TENANT, 1, wrapped)).isEqualTo(dataKey);
  }

  @Test
  void aWrappedKeyMovedToAnotherTenantOrVersionDoesNotUnwrap() {
    KeyEncryptionKey kek = Keks.only(Keks.entry("k1")).current();
    byte[] wrapped = cipher.wrap(kek, TENANT, 1, dataKey);

    assertThatThrownBy(() -> cipher.unwrap(kek, 43, 1, wrapped))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining(
            "data key v1 of tenant 43 cannot be unwrapped with key-encryption key k1");
    assertThatThrownBy(() -> cipher.unwrap(kek, TENANT, 2, wrapped))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void aWrappedKeyDoesNotUnwrapUnderOtherKeyMaterialWithTheSameId() {
    KeyEncryptionKey kek = Keks.only(Keks.entry("k1")).current();
    KeyEncryptionKey impostor = Keks.only(Keks.entry("k1")).current();
    byte[] wrapped = cipher.wrap(kek, TENANT, 1, dataKey);

    assertThatThrownBy(() -> cipher.unwrap(impostor, TENANT, 1, wrapped))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("key material configured under that id changed");
  }

  @Test
  void aWrappedKeyIsBoundToItsKekId() {
    String material = Keks.base64(32);
    KeyEncryptionKey k1 = Keks.only("k1:" + material).current();
    KeyEncryptionKey relabelled = Keks.only("k2:" + material).current();
    byte[] wrapped = cipher.wrap(k1, TENANT, 1, dataKey);

    assertThatThrownBy(() -> cipher.unwrap(relabelled, TENANT, 1, wrapped))
        .isInstanceOf(TamperedCiphertextException.class);
  }

  @Test
  void changingAnyByteOfAWrappedKeyFailsClosed() {
    KeyEncryptionKey kek = Keks.only(Keks.entry("k1")).current();
    byte[] wrapped = cipher.wrap(kek, TENANT, 1, dataKey);

    for (int i = 0; i < wrapped.length; i++) {
      byte[] tampered = wrapped.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.unwrap(kek, TENANT, 1, tampered))
          .as("byte %d changed", i)
          .isInstanceOf(TamperedCiphertextException.class);
    }
    assertThatThrownBy(() -> cipher.unwrap(kek, TENANT, 1, Arrays.copyOf(wrapped, 59)))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("59 bytes, not 60");
  }
}
