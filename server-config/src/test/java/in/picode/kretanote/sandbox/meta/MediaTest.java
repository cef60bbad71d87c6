package in.picode.kretanote.sandbox.meta;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Graph.Answer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaTest {

  static final String WABA = "102290129340398";
  static final String PNID = "106540352242922";

  MetaSimulator sim;
  Graph graph;
  String token;

  @BeforeEach
  void start() throws Exception {
    sim = MetaSimulator.builder().appSecret("s").start();
    graph = new Graph(sim.graphUrl());
    token = sim.connectNumber(WABA, PNID, "15550001111", "Kreta Bakery");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  static byte[] multipart(String boundary, byte[] file, String mime, boolean withProduct) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "";
    if (withProduct) {
      head +=
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n";
    }
    head +=
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
            + mime
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
            + "Content-Type: "
            + mime
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  String upload(byte[] file) {
    Answer a =
        graph.postBytes(
            "/" + PNID + "/media",
            token,
            "multipart/form-data; boundary=XyZ123",
            multipart("XyZ123", file, "image/jpeg", true));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().getString("id");
  }

  @Test
  void uploadedMediaCanBeRetrievedAndDownloadedWithTheBearerToken() {
    byte[] jpeg =
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0x42};
    String id = upload(jpeg);

    Answer info = graph.get("/" + id, token);
    assertThat(info.json().getString("mime_type")).isEqualTo("image/jpeg");
    assertThat(info.json().getInt("file_size")).isEqualTo(jpeg.length);
    assertThat(info.json().getString("sha256")).isEqualTo(SimState.sha256Hex(jpeg));
    assertThat(info.json().getString("messaging_product")).isEqualTo("whatsapp");
    String url = info.json().getString("url");
    assertThat(url).startsWith(sim.baseUrl() + "/media-download/" + id);

    Answer download = graph.getUrl(url, token);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw()).isEqualTo(jpeg);
    assertThat(download.contentType()).isEqualTo("image/jpeg");

    assertThat(graph.getUrl(url, null).status()).as("no bearer").isEqualTo(401);
  }

  @Test
  void inboundMediaAddedByATestIsServedAndTheUrlExpires() {
    byte[] voice = "OggS-fake-voice".getBytes(StandardCharsets.US_ASCII);
    String id = sim.addMedia(voice, "audio/ogg; codecs=opus");

    String url = graph.get("/" + id, token).json().getString("url");
    assertThat(graph.getUrl(url, token).raw()).isEqualTo(voice);

    sim.advanceClock(Duration.ofMinutes(6));
    assertThat(graph.getUrl(url, token).status()).isEqualTo(404);
    assertThat(graph.get("/" + id, token).json().getString("url"))
        .as("a fresh URL")
        .isNotEqualTo(url);

    sim.advanceClock(Duration.ofDays(8));
    assertThat(graph.get("/" + id, token).errorCode())
        .as("inbound media ids expire")
        .isEqualTo(100);
  }

  @Test
  void anUploadWithoutMessagingProductIsRefused() {
    Answer a =
        graph.postBytes(
            "/" + PNID + "/media",
            token,
            "multipart/form-data; boundary=b",
            multipart("b", new byte[] {1, 2, 3}, "image/jpeg", false));

    assertThat(a.errorCode()).isEqualTo(100);
  }

  @Test
  void uploadedMediaCanBeSentByIdAndDeleted() {
    String id = upload(new byte[] {1, 2, 3});
    String image =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\",\"type\":\"image\",\"image\":{\"id\":\""
            + id
            + "\",\"caption\":\"Brot\"}}";

    assertThat(graph.post("/" + PNID + "/messages", token, image).status()).isEqualTo(200);
    assertThat(graph.delete("/" + id, token).json().getBoolean("success")).isTrue();
    assertThat(graph.post("/" + PNID + "/messages", token, image).errorCode()).isEqualTo(131009);
  }
}
