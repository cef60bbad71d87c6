package in.picode.kretanote.crypto.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TenantDataKeyTest {

  private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");
  private static final byte[] WRAPPED = filled(60, (byte) 0x5a);

  @Test
  void theWrappedKeyIsCopiedInAndOut() {
    byte[] wrapped = WRAPPED.clone();
    TenantDataKey key = new TenantDataKey(1, 1, "k1", wrapped, NOW);
    wrapped[0] = 0;
    key.getWrappedKey().orElseThrow()[1] = 0;

    assertThat(key.getWrappedKey()).hasValue(WRAPPED);
  }

  @Test
  void destroyWipesTheWrappedKeyOnceAndKeepsTheFirstTime() {
    TenantDataKey key = new TenantDataKey(1, 1, "k1", WRAPPED, NOW);

    key.destroy(NOW.plusSeconds(1));
    key.destroy(NOW.plusSeconds(2));

    assertThat(key.isDestroyed()).isTrue();
    assertThat(key.getWrappedKey()).isEmpty();
    assertThat(key.getDestroyedAt()).contains(NOW.plusSeconds(1));
    assertThat(key.getKekId()).as("kept to tell which KEK it was under").contains("k1");
  }

  @Test
  void aDestroyedKeyCannotBeRewrapped() {
    TenantDataKey key = new TenantDataKey(1, 1, "k1", WRAPPED, NOW);
    key.destroy(NOW);

    assertThatThrownBy(() -> key.rewrap("k2", WRAPPED)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invariantsAreCheckedOnConstruction() {
    assertThatThrownBy(() -> new TenantDataKey(0, 1, "k1", WRAPPED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantDataKey(1, 0, "k1", WRAPPED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantDataKey(1, 1, "k".repeat(41), WRAPPED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantDataKey(1, 1, "k1", new byte[129], NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantDataKey(1, 1, "k1", null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsNoKeyBytes() {
    TenantDataKey key = new TenantDataKey(3, 2, "k1", WRAPPED, NOW);

    assertThat(key).hasToString("TenantDataKey[tenant 3 v2, kek k1]");
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
