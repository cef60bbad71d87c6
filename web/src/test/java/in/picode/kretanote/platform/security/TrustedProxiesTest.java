package in.picode.kretanote.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  static final TrustedProxies NGINX = TrustedProxies.parse("10.0.0.5, 192.168.0.0/16, fd00::/8");

  @Test
  void finding01_withoutTrustedProxiesThePeerIsTheClientWhateverItClaims() {
    TrustedProxies none = TrustedProxies.parse("");
    assertThat(none.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(none.forwardedHttps("203.0.113.9", List.of("https"))).isFalse();
  }

  @Test
  void finding01_aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
    assertThat(NGINX.clientAddress("203.0.113.9", List.of("10.0.0.5", "198.51.100.1")))
        .isEqualTo("203.0.113.9");
    assertThat(NGINX.forwardedHttps("203.0.113.9", List.of("https"))).isFalse();
  }

  @Test
  void finding01_behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    // The client wrote "1.1.1.1, 2.2.2.2" itself; nginx appended the real peer.
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("1.1.1.1, 2.2.2.2, 198.51.100.1")))
        .isEqualTo("198.51.100.1");
    // Two trusted proxies in a row, and the header split over two lines.
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("1.1.1.1, 198.51.100.1", "192.168.4.4")))
        .isEqualTo("198.51.100.1");
    // Only trusted hops: the left-most of them.
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("192.168.1.1"))).isEqualTo("192.168.1.1");
    // No header at all: the proxy itself.
    assertThat(NGINX.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
  }

  @Test
  void finding01_ipv6PeersHopsAndNetworks() {
    assertThat(NGINX.trusts("fd12:3456::1")).isTrue();
    assertThat(NGINX.trusts("fe80::1")).isFalse();
    assertThat(NGINX.clientAddress("fd00::1", List.of("2001:db8::7")))
        .isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(NGINX.clientAddress("fd00::1", List.of("[2001:db8::7]:51000")))
        .isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(TrustedProxies.parse("::1").clientAddress("0:0:0:0:0:0:0:1", List.of("1.2.3.4")))
        .isEqualTo("1.2.3.4");
  }

  @Test
  void finding01_malformedHopsStopTheWalkAtTheLastTrustedAddress() {
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("1.2.3.4, unknown"))).isEqualTo("10.0.0.5");
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("10.0.0.5");
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("evil.example.com"))).isEqualTo("10.0.0.5");
    assertThat(NGINX.clientAddress("10.0.0.5", List.of(""))).isEqualTo("10.0.0.5");
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("1.2.3.4:8080"))).isEqualTo("1.2.3.4");
    assertThat(NGINX.clientAddress("10.0.0.5", List.of("1.2.3"))).isEqualTo("10.0.0.5");
  }

  @Test
  void cidrPrefixesCountBits() {
    TrustedProxies p = TrustedProxies.parse("172.16.0.0/12");
    assertThat(p.trusts("172.31.255.255")).isTrue();
    assertThat(p.trusts("172.32.0.1")).isFalse();
    assertThat(p.trusts("::ffff:172.16.0.1")).as("IPv4-mapped IPv6").isTrue();
    assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8")).isTrue();
    assertThat(p.trusts("2001:db8::1")).isFalse();
  }

  @Test
  void aConfigurationTyposIsRefusedRatherThanTrustingTooMuch() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .withMessageContaining("10.0.0.0/33");
    assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("nginx.local"));
    assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("10.0.0.0/x"));
  }

  @Test
  void finding03_forwardedProtoCountsOnlyFromATrustedPeer() {
    assertThat(NGINX.forwardedHttps("10.0.0.5", List.of("https"))).isTrue();
    assertThat(NGINX.forwardedHttps("10.0.0.5", List.of("http"))).isFalse();
    assertThat(NGINX.forwardedHttps("10.0.0.5", List.of("https, http"))).isFalse();
    assertThat(NGINX.forwardedHttps("10.0.0.5", List.of())).isFalse();
    assertThat(NGINX.forwardedHttps("198.51.100.1", List.of("https"))).isFalse();
  }
}
