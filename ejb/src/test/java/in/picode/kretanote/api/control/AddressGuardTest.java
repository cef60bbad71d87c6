package in.picode.kretanote.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  final AddressGuard production = new AddressGuard(false, Set.of());

  @Test
  void localAndPrivateAddressesAreRefusedOutsideTheSandbox() throws Exception {
    for (String ip :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
          "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1"
        }) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(ip))).as(ip).isFalse();
    }
    assertThat(AddressGuard.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    assertThat(AddressGuard.isPublic(InetAddress.getByName("2606:2800:220:1::1"))).isTrue();
    URI local = production.parse("https://127.0.0.1:8443/hook");
    assertThatThrownBy(() -> production.pin(local))
        .hasMessageContaining("private or local address");
    URI localhost = production.parse("https://localhost/hook");
    assertThatThrownBy(() -> production.pin(localhost))
        .hasMessageContaining("private or local address");
  }

  @Test
  void onlyHttpsAbsoluteUrlsWithoutCredentialsOutsideTheSandbox() throws Exception {
    assertThatThrownBy(() -> production.parse("http://example.com/hook"))
        .hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> production.parse("ftp://example.com/hook"))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> production.parse("/relative")).hasMessageContaining("https://");
    assertThatThrownBy(() -> production.parse("https://user:pw@example.com/"))
        .hasMessageContaining("user name");
    assertThat(production.parse("https://example.com/hook").getHost()).isEqualTo("example.com");
  }

  @Test
  void theSandboxAndNamedReceiversMayBeLocal() throws Exception {
    AddressGuard sandbox = new AddressGuard(true, Set.of());
    assertThat(sandbox.pin(sandbox.parse("http://127.0.0.1:9000/x")).isLoopbackAddress()).isTrue();
    AddressGuard named = new AddressGuard(false, Set.of("127.0.0.1:9000"));
    assertThat(named.pin(named.parse("http://127.0.0.1:9000/x")).isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> named.pin(named.parse("https://127.0.0.1:9001/x")))
        .isInstanceOf(AddressGuard.RefusedException.class);
  }
}
