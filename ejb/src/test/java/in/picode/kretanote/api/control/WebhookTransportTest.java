package in.picode.kretanote.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookTransportTest {

  static InputStream answer(String raw) {
    return new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void readsTheStatusAndAnExcerptOfTheBody() throws IOException {
    WebhookTransport.Answer a =
        WebhookTransport.read(
            answer("HTTP/1.1 500 Server Error\r\nContent-Length: 6\r\n\r\nbrokenTRAILING"));
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.excerpt()).isEqualTo("broken");
    WebhookTransport.Answer big =
        WebhookTransport.read(answer("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(2000)));
    assertThat(big.excerpt()).hasSize(500);
  }

  @Test
  void aRedirectIsReportedNotFollowedAndGarbageIsRefused() throws IOException {
    assertThat(
            WebhookTransport.read(
                    answer("HTTP/1.1 302 Found\r\nLocation: http://10.0.0.1/\r\n\r\n"))
                .status())
        .isEqualTo(302);
    assertThatThrownBy(() -> WebhookTransport.read(answer("SSH-2.0-OpenSSH\r\n")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> WebhookTransport.read(answer("")))
        .hasMessageContaining("without an answer");
  }
}
