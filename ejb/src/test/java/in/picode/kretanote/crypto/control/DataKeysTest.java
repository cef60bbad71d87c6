package in.picode.kretanote.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.crypto.entity.TenantDataKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class DataKeysTest {

  private static final long TENANT = 7;
  private static final long OTHER_TENANT = 8;
  private static final String PURPOSE = "meta-access-token";
  private static final byte[] TOKEN = "EAAG-secret-access-token".getBytes(UTF_8);
  private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

  private final EnvelopeCipher cipher = new EnvelopeCipher();
  private final String k1 = Keks.entry("k1");
  private final String k2 = Keks.entry("k2");
  private final DataKeys underK1 = new DataKeys(Keks.only(k1), cipher);

  /** The database, for these tests: a tenant's keys by version. */
  private final Map<Integer, TenantDataKey> rows = new HashMap<>();

  private IntFunction<Optional<TenantDataKey>> store() {
    return version -> Optional.ofNullable(rows.get(version));
  }

  private TenantDataKey stored(TenantDataKey key) {
    rows.put(key.getKeyVersion(), key);
    return key;
  }

  @Test
  void aGeneratedKeyIsWrappedByTheCurrentKek() {
    TenantDataKey key = underK1.generate(TENANT, 1, NOW);

    assertThat(key.getKekId()).contains("k1");
    assertThat(key.getWrappedKey()).hasValueSatisfying(w -> assertThat(w).hasSize(60));
    assertThat(key.isDestroyed()).isFalse();
  }

  @Test
  void roundTripThroughTheStoredKey() {
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));

    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    assertThat(underK1.decrypt(TENANT, PURPOSE, ciphertext, store())).isEqualTo(TOKEN);
  }

  @Test
  void changingAnyByteFailsClosed() {
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, tampered, store()))
          .as("byte %d changed", i)
          .isInstanceOfAny(TamperedCiphertextException.class, UnknownKeyException.class);
    }
  }

  @Test
  void anotherTenantsValueFailsWithTheBoundToAnotherTenantMessage() {
    TenantDataKey othersKey = underK1.generate(OTHER_TENANT, 1, NOW);
    byte[] othersValue = underK1.encrypt(othersKey, PURPOSE, TOKEN);
    stored(underK1.generate(TENANT, 1, NOW));

    assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, othersValue, store()))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessage(
            "value cannot be decrypted for tenant 7 / purpose meta-access-token"
                + " (tampered, or bound to another tenant or purpose)");
  }

  @Test
  void anotherPurposeFails() {
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    assertThatThrownBy(() -> underK1.decrypt(TENANT, "webhook-secret", ciphertext, store()))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("purpose webhook-secret");
  }

  @Test
  void anUnknownKeyVersionFails() {
    TenantDataKey key = underK1.generate(TENANT, 3, NOW);
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, ciphertext, store()))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessage(
            "value cannot be decrypted for tenant 7 / purpose meta-access-token:"
                + " the tenant has no data key v3");
  }

  @Test
  void aDestroyedKeyFailsAsDestroyed() {
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    key.destroy(NOW.plusSeconds(60));

    assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, ciphertext, store()))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("data key v1 of tenant 7 was destroyed at 2025-07-01T10:01:00Z");
    assertThatThrownBy(() -> underK1.encrypt(key, PURPOSE, TOKEN))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("destroyed");
  }

  @Test
  void aKeyWrappedByAnUnconfiguredKekFailsNamingTheKek() {
    DataKeys underK2 = new DataKeys(Keks.only(k2), cipher);
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);

    assertThatThrownBy(() -> underK2.decrypt(TENANT, PURPOSE, ciphertext, store()))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("wrapped by key-encryption key k1, which this server is not");
  }

  @Test
  void aWrappedKeyCopiedIntoAnotherTenantsRowDoesNotUnwrap() {
    TenantDataKey victims = underK1.generate(OTHER_TENANT, 1, NOW);
    byte[] victimsValue = underK1.encrypt(victims, PURPOSE, TOKEN);
    // An attacker with write access to the table copies the victim's wrapped key into their row.
    stored(new TenantDataKey(TENANT, 1, "k1", victims.getWrappedKey().orElseThrow(), NOW));

    assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, victimsValue, store()))
        .isInstanceOf(TamperedCiphertextException.class)
        .hasMessageContaining("data key v1 of tenant 7 cannot be unwrapped");
  }

  @Test
  void rotationRewrapsUnderTheNewKekAndOnlyTheNewKekIsNeededAfterwards() {
    TenantDataKey key = stored(underK1.generate(TENANT, 1, NOW));
    byte[] ciphertext = underK1.encrypt(key, PURPOSE, TOKEN);
    DataKeys duringRotation = new DataKeys(KeyEncryptionKeys.parse(k2, k1), cipher);

    assertThat(duringRotation.rewrap(key)).isTrue();

    DataKeys afterRotation = new DataKeys(Keks.only(k2), cipher);
    assertThat(key.getKekId()).contains("k2");
    assertThat(afterRotation.decrypt(TENANT, PURPOSE, ciphertext, store())).isEqualTo(TOKEN);
    assertThatThrownBy(() -> underK1.decrypt(TENANT, PURPOSE, ciphertext, store()))
        .as("the old KEK alone no longer opens it")
        .isInstanceOf(UnknownKeyException.class);
  }

  @Test
  void rewrappingAKeyAlreadyUnderTheCurrentKekChangesNothing() {
    TenantDataKey key = underK1.generate(TENANT, 1, NOW);
    byte[] before = key.getWrappedKey().orElseThrow();

    assertThat(underK1.rewrap(key)).isFalse();
    assertThat(key.getWrappedKey()).hasValue(before);
  }

  @Test
  void rewrappingWithoutTheOldKekFailsAndLeavesTheKeyAsItWas() {
    TenantDataKey key = underK1.generate(TENANT, 1, NOW);
    byte[] before = key.getWrappedKey().orElseThrow();
    DataKeys onlyK2 = new DataKeys(Keks.only(k2), cipher);

    assertThatThrownBy(() -> onlyK2.rewrap(key)).isInstanceOf(UnknownKeyException.class);
    assertThat(key.getKekId()).contains("k1");
    assertThat(key.getWrappedKey()).hasValue(before);
  }

  @Test
  void aDestroyedKeyIsNotRewrapped() {
    TenantDataKey key = underK1.generate(TENANT, 1, NOW);
    key.destroy(NOW);
    DataKeys duringRotation = new DataKeys(KeyEncryptionKeys.parse(k2, k1), cipher);

    assertThatThrownBy(() -> duringRotation.rewrap(key))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("cannot be rewrapped");
  }

  @Test
  void theNewestKeyEncryptsAndATenantWithoutKeysHasNone() {
    TenantDataKey v1 = underK1.generate(TENANT, 1, NOW);
    TenantDataKey v2 = underK1.generate(TENANT, 2, NOW);

    assertThat(DataKeys.current(TENANT, List.of(v1, v2))).containsSame(v2);
    assertThat(DataKeys.current(TENANT, List.of())).isEmpty();
  }

  @Test
  void nothingIsEncryptedForATenantWhoseKeysWereDestroyed() {
    TenantDataKey v1 = underK1.generate(TENANT, 1, NOW);
    v1.destroy(NOW);

    assertThatThrownBy(() -> DataKeys.current(TENANT, List.of(v1)))
        .isInstanceOf(UnknownKeyException.class)
        .hasMessageContaining("nothing more can be encrypted for it");
  }
}
