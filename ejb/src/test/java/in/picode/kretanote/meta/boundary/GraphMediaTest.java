package in.picode.kretanote.meta.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.meta.control.GraphSettings;
import in.picode.kretanote.sandbox.meta.Fault;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Media through the Graph client against the simulator: metadata, download, limits, errors. */
class GraphMediaTest {

  static final String APP_ID = "100000000000078";
  static MetaSimulator sim;
  static GraphApi graph;
  AccessToken token;

  @BeforeAll
  static void start() throws Exception {
    sim = MetaSimulator.builder().appId(APP_ID).appSecret("unit-secret").start();
    graph =
        new GraphApi(
            new GraphSettings(
                sim.baseUrl(),
                "v23.0",
                APP_ID,
                "unit-secret",
                Duration.ofSeconds(2),
                Duration.ofMillis(1500)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void token() {
    sim.clearFaults();
    String waba = "1" + System.nanoTime() % 1_000_000_000_000L;
    String pnid = "2" + System.nanoTime() % 1_000_000_000_000L;
    token = graph.exchangeCode(sim.issueSignupCode(waba, pnid, "+1 555 0100 201", "Acme"));
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void metadataThenTheFile() {
    byte[] photo = bytes(200_000);
    String id = sim.addMedia(photo, "image/jpeg");
    MediaInfo info = graph.mediaInfo(token, id);
    assertThat(info.mimeType()).contains("image/jpeg");
    assertThat(info.fileSize()).hasValue(photo.length);
    assertThat(info.sha256()).isPresent();
    assertThat(info.toString()).doesNotContain(info.url().toString()).contains("redacted");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    assertThat(graph.downloadMedia(token, info, 1_000_000, sink)).isEqualTo(photo.length);
    assertThat(sink.toByteArray()).isEqualTo(photo);
  }

  @Test
  void finding06_aLinkOnAnotherHostOrARedirectNeverGetsTheToken() {
    String id = sim.addMedia(bytes(1_000), "image/jpeg");
    try {
      sim.setMediaLinks("localhost", false);
      MediaInfo elsewhere = graph.mediaInfo(token, id);
      assertThatThrownBy(
              () -> graph.downloadMedia(token, elsewhere, 10_000, new ByteArrayOutputStream()))
          .isInstanceOf(MediaLinkRefusedException.class)
          .hasMessageContaining("not on one of Meta's media hosts");
      sim.setMediaLinks(null, true);
      MediaInfo redirected = graph.mediaInfo(token, id);
      assertThatThrownBy(
              () -> graph.downloadMedia(token, redirected, 10_000, new ByteArrayOutputStream()))
          .isInstanceOf(MediaLinkRefusedException.class)
          .hasMessageContaining("redirect");
      assertThat(sim.calls().stream().filter(c -> c.path().contains("/media-moved/")))
          .as("the redirect target was never asked")
          .isEmpty();
    } finally {
      sim.setMediaLinks(null, false);
    }
  }

  @Test
  void aFileOverTheLimitStops() {
    String id = sim.addMedia(bytes(50_000), "application/pdf");
    MediaInfo info = graph.mediaInfo(token, id);
    assertThatThrownBy(() -> graph.downloadMedia(token, info, 49_999, new ByteArrayOutputStream()))
        .isInstanceOf(MediaTooLargeException.class);
  }

  @Test
  void anUnknownMediaIdIsPermanentAndAnExpiredLinkIsNot() {
    assertThatThrownBy(() -> graph.mediaInfo(token, "123456789012345"))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT));
    String id = sim.addMedia(bytes(10), "image/jpeg");
    MediaInfo info = graph.mediaInfo(token, id);
    sim.inject(Fault.httpStatus(404).onPath("/media-download/" + id));
    assertThatThrownBy(() -> graph.downloadMedia(token, info, 100, new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.getMessage())
                  .doesNotContain(info.url().toString())
                  .doesNotContain("sig=");
            });
    sim.inject(Fault.httpStatus(503).onPath("/media-download/" + id));
    assertThatThrownBy(() -> graph.downloadMedia(token, info, 100, new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass().isRetryable()).isTrue());
  }

  @Test
  void withoutAValidTokenNothingIsServed() {
    String id = sim.addMedia(bytes(10), "image/jpeg");
    MediaInfo info = graph.mediaInfo(token, id);
    AccessToken wrong = AccessToken.of("EAAG" + "x".repeat(40));
    assertThatThrownBy(() -> graph.downloadMedia(wrong, info, 100, new ByteArrayOutputStream()))
        .isInstanceOf(GraphException.class)
        .hasMessageNotContaining(wrong.value());
  }
}
