package in.picode.kretanote.meta.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MediaHostsTest {

  static final String GRAPH = "https://graph.facebook.com";

  static boolean allowed(String url, boolean sandbox) {
    return MediaHosts.refusal(URI.create(url), GRAPH, sandbox).isEmpty();
  }

  @Test
  void finding06_metasMediaHostsOverHttpsGetTheToken() {
    assertThat(allowed("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", false))
        .isTrue();
    assertThat(allowed("https://scontent.xx.fbcdn.net/v/t61/abc.jpg", false)).isTrue();
    assertThat(allowed("https://mmg.whatsapp.net/d/f/abc.enc", false)).isTrue();
    assertThat(allowed("https://LOOKASIDE.FBSBX.COM./x", false)).isTrue();
    assertThat(allowed("https://graph.facebook.com/v23.0/123", false)).isTrue();
  }

  @Test
  void finding06_anyOtherHostIsRefused() {
    assertThat(allowed("https://evil.example/x", false)).isFalse();
    assertThat(allowed("https://fbcdn.net.evil.example/x", false)).isFalse();
    assertThat(allowed("https://evilfbcdn.net/x", false)).isFalse();
    assertThat(allowed("https://whatsapp.net/x", false)).isFalse();
    assertThat(allowed("https://lookaside.fbsbx.com.evil.example/x", false)).isFalse();
    assertThat(allowed("https://graph.facebook.com:8443/x", false))
        .as("another port is another origin")
        .isFalse();
    assertThat(allowed("https://user:pw@lookaside.fbsbx.com/x", false)).isFalse();
    assertThat(allowed("file:///etc/passwd", false)).isFalse();
    assertThat(allowed("ftp://lookaside.fbsbx.com/x", false)).isFalse();
  }

  @Test
  void finding06_plainHttpOnlyInTheSandbox() {
    assertThat(allowed("http://lookaside.fbsbx.com/x", false)).isFalse();
    assertThat(allowed("http://lookaside.fbsbx.com/x", true)).isTrue();
    assertThat(allowed("http://evil.example/x", true)).isFalse();
  }

  @Test
  void finding06_theConfiguredGraphOriginIsAllowedAsConfigured() {
    String simulator = "http://127.0.0.1:8099";
    assertThat(
            MediaHosts.refusal(
                URI.create("http://127.0.0.1:8099/media-download/1"), simulator, false))
        .isEmpty();
    assertThat(
            MediaHosts.refusal(
                URI.create("http://localhost:8099/media-download/1"), simulator, false))
        .isPresent();
    assertThat(
            MediaHosts.refusal(
                URI.create("http://127.0.0.1:8100/media-download/1"), simulator, false))
        .isPresent();
  }
}
