package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  static JsonArray json(String s) {
    return Json.createReader(new StringReader(s)).readArray();
  }

  static final JsonArray OFFER =
      json(
          "[{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"4::x\"]}},"
              + "{\"type\":\"BODY\",\"text\":\"Hi {{first_name}}, {{first_name}} gets *{{deal}}*\","
              + "\"example\":{\"body_text_named_params\":[{\"param_name\":\"deal\",\"example\":\"20%\"},"
              + "{\"param_name\":\"first_name\",\"example\":\"Ana\"}]}},"
              + "{\"type\":\"FOOTER\",\"text\":\"Reply STOP to opt out\"},"
              + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Shop\",\"url\":\"https://s.example/{{1}}\"},"
              + "{\"type\":\"COPY_CODE\",\"example\":\"SAVE20\"},{\"type\":\"QUICK_REPLY\",\"text\":\"Stop\"}]}]");

  @Test
  void aSentTemplateReadsAsTheCustomerReceivedIt() {
    TemplateText.Rendered r = TemplateText.render(OFFER, List.of(), List.of("Ben", "30%"));
    assertThat(r.text())
        .isEqualTo(
            "[image]\nHi Ben, Ben gets *30%*\n\nReply STOP to opt out\n[ Shop ]\n[ Copy offer code ]\n[ Stop ]");
  }

  @Test
  void theExamplesFillThePreviewByName() {
    assertThat(TemplateText.example(OFFER).body()).isEqualTo("Hi Ana, Ana gets *20%*");
  }

  @Test
  void numberedPlaceholdersGoByNumberAndMissingOnesStay() {
    assertThat(TemplateText.fillText("{{2}} then {{1}} then {{3}}", List.of("a", "b")))
        .isEqualTo("b then a then {{3}}");
  }

  @Test
  void anAuthenticationTemplateShowsMetasText() {
    JsonArray auth =
        json(
            "[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
                + "{\"type\":\"FOOTER\",\"code_expiration_minutes\":5},"
                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\"}]}]");
    assertThat(TemplateText.render(auth, List.of(), List.of("482913")).text())
        .isEqualTo(
            "*482913* is your verification code. For your security, do not share this code.\n\n"
                + "This code expires in 5 minutes.\n[ Copy code ]");
  }

  @Test
  void theSendPayloadNamesValuesAndFillsMediaAndCodeButtons() {
    OutgoingContent.Template t =
        new OutgoingContent.Template(
            "offer",
            "en",
            List.of(),
            List.of("Ben", "30%"),
            Map.of(0, List.of("A-17"), 1, List.of("SAVE30")),
            new OutgoingContent.HeaderMedia(
                OutgoingContent.MediaKind.IMAGE, null, "https://cdn.example/p.png"));
    String payload = MetaPayloads.build("4915", t, null, OFFER).toString();
    assertThat(payload)
        .contains(
            "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example/p.png\"}}]}")
        .contains(
            "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ben\"},"
                + "{\"type\":\"text\",\"parameter_name\":\"deal\",\"text\":\"30%\"}]}")
        .contains(
            "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"A-17\"}]}")
        .contains(
            "{\"type\":\"button\",\"sub_type\":\"copy_code\",\"index\":\"1\",\"parameters\":[{\"type\":\"coupon_code\",\"coupon_code\":\"SAVE30\"}]}");
    assertThat(
            TemplateParameters.problems(OFFER, List.of(), t.body(), t.buttons(), t.headerMedia()))
        .isEmpty();
    assertThat(TemplateParameters.problems(OFFER, List.of(), t.body(), t.buttons(), null))
        .contains("The header needs an image (a media id or an https link)");
    assertThat(
            TemplateParameters.problems(
                OFFER,
                List.of(),
                t.body(),
                Map.of(0, List.of("A-17")),
                new OutgoingContent.HeaderMedia(OutgoingContent.MediaKind.VIDEO, "123", null)))
        .contains("The header is an image, not a video", "Button 2 needs 1 value, 0 given");
  }

  @Test
  void anAuthenticationCodeGoesToItsButtonToo() {
    JsonArray auth =
        json(
            "[{\"type\":\"BODY\",\"text\":\"*{{1}}* is your verification code.\"},"
                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Copy code\","
                + "\"url\":\"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}\"}]}]");
    OutgoingContent.Template t =
        new OutgoingContent.Template("login", "en", List.of(), List.of("482913"), Map.of());
    assertThat(TemplateParameters.problems(auth, List.of(), t.body(), t.buttons(), null)).isEmpty();
    assertThat(MetaPayloads.build("4915", t, null, auth).toString())
        .contains(
            "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"482913\"}]}");
  }
}
