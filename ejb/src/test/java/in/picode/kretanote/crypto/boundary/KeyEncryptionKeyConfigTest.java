package in.picode.kretanote.crypto.boundary;

import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.CURRENT_PROPERTY;
import static in.picode.kretanote.crypto.control.KeyEncryptionKeys.PREVIOUS_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.crypto.control.KeyConfigurationException;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeyConfigTest {

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final KeyEncryptionKeyConfig kekConfig = new KeyEncryptionKeyConfig();

  @BeforeEach
  void config() {
    kekConfig.config = new MapConfig(values);
  }

  @Test
  void aChangedConfigurationIsPickedUpWithoutARestart() {
    String k1 = entry("k1");
    values.put(CURRENT_PROPERTY, k1);
    KeyEncryptionKeys before = kekConfig.keys();

    assertThat(kekConfig.keys()).as("unchanged values are not parsed again").isSameAs(before);

    values.put(CURRENT_PROPERTY, entry("k2"));
    values.put(PREVIOUS_PROPERTY, k1);

    assertThat(kekConfig.keys()).hasToString("KeyEncryptionKeys[current=k2, previous=[k1]]");
  }

  @Test
  void anInvalidConfigurationFailsEveryCallUntilItIsFixed() {
    String broken = "k1:" + Base64.getEncoder().encodeToString(new byte[31]);
    values.put(CURRENT_PROPERTY, broken);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(kekConfig::keys)
          .isInstanceOf(KeyConfigurationException.class)
          .hasMessageContaining(CURRENT_PROPERTY)
          .message()
          .doesNotContain(broken.substring(3));
    }

    values.put(CURRENT_PROPERTY, entry("k1"));

    assertThat(kekConfig.keys().current().id()).isEqualTo("k1");
  }

  @Test
  void noConfigurationFailsNamingTheProperty() {
    assertThatThrownBy(kekConfig::keys)
        .isInstanceOf(KeyConfigurationException.class)
        .hasMessageContaining(CURRENT_PROPERTY + " is not set");
  }

  private static String entry(String id) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return id + ":" + Base64.getEncoder().encodeToString(key);
  }

  /** Just enough of MicroProfile Config for the bean under test. */
  private record MapConfig(Map<String, String> values) implements Config {

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
