package in.picode.kretanote.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DevServerTest {

  @Test
  void portsDefaultAndParse() {
    assertThat(DevServer.port(Map.of(), "KRETANOTE_HTTP_PORT", 8080)).isEqualTo(8080);
    assertThat(DevServer.port(Map.of("KRETANOTE_HTTP_PORT", " 9090 "), "KRETANOTE_HTTP_PORT", 8080))
        .isEqualTo(9090);
  }

  @Test
  void malformedPortIsReportedWithItsKey() {
    assertThatThrownBy(
            () -> DevServer.port(Map.of("KRETANOTE_HTTP_PORT", "80a"), "KRETANOTE_HTTP_PORT", 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("KRETANOTE_HTTP_PORT must be a number, got '80a'");
    assertThatThrownBy(
            () ->
                DevServer.port(Map.of("KRETANOTE_ADMIN_PORT", "70000"), "KRETANOTE_ADMIN_PORT", 1))
        .hasMessageStartingWith("KRETANOTE_ADMIN_PORT must be a port");
  }
}
