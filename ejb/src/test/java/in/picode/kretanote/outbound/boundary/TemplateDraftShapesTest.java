package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.outbound.boundary.TemplateDraft.Button;
import in.picode.kretanote.outbound.boundary.TemplateDraft.ButtonType;
import in.picode.kretanote.outbound.boundary.TemplateDraft.HeaderFormat;
import in.picode.kretanote.outbound.boundary.TemplateDraft.Otp;
import in.picode.kretanote.outbound.boundary.TemplateDraft.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Media headers, named parameters, link/code buttons and authentication templates, Meta's way. */
class TemplateDraftShapesTest {

  static TemplateDraft image(Sample sample, String body, List<String> examples) {
    return new TemplateDraft(
        null, body, examples, null, List.of(), HeaderFormat.IMAGE, sample, null);
  }

  @Test
  void anImageHeaderCarriesTheHandleOfItsSampleAndNamedParametersTheirExamples() {
    TemplateDraft draft =
        image(
                new Sample("image/png", 2048, null),
                "Hi {{first_name}}, *{{order}}* shipped",
                List.of("Ana", "A-17"))
            .withHandle("4::aW1n");
    assertThat(draft.problems()).isEmpty();
    assertThat(draft.named()).isTrue();
    assertThat(draft.components().toString())
        .isEqualTo(
            "[{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"4::aW1n\"]}},"
                + "{\"type\":\"BODY\",\"text\":\"Hi {{first_name}}, *{{order}}* shipped\","
                + "\"example\":{\"body_text_named_params\":["
                + "{\"param_name\":\"first_name\",\"example\":\"Ana\"},"
                + "{\"param_name\":\"order\",\"example\":\"A-17\"}]}}]");
  }

  @Test
  void aMediaHeaderIsNotBuiltBeforeItsSampleIsUploaded() {
    TemplateDraft draft = image(new Sample("image/jpeg", 10, null), "Hello", List.of());
    assertThat(draft.problems()).isEmpty();
    assertThatThrownBy(draft::components).hasMessageContaining("not been uploaded");
  }

  @Test
  void everyProblemOfABadDraftIsSaidAtOnce() {
    List<Button> buttons = new ArrayList<>(Collections.nCopies(11, new Button("Yes", null)));
    buttons.add(new Button(ButtonType.URL, "Track", "https://example.com/t/{{1}}", null));
    TemplateDraft draft =
        new TemplateDraft(
            null,
            "Hi {{first_name}}, your code {{code}}",
            List.of("Ana"),
            null,
            buttons,
            HeaderFormat.IMAGE,
            new Sample("application/pdf", 6L << 20, null),
            null);
    Map<String, String> problems = draft.problems();
    assertThat(problems.get("header"))
        .contains("image/jpeg, image/png, not application/pdf")
        .contains("6.0 MB, a image header's at most 5.0 MB");
    assertThat(problems.get("body"))
        .contains("2 placeholders (first_name, code)")
        .contains("1 given");
    assertThat(problems.get("buttons"))
        .contains("At most 10 buttons (12 given).")
        .contains("At most 10 quick replies (11 given).")
        .contains("Button 12: Meta requires an example of the full link");
  }

  @Test
  void aMediaHeaderNeedsASampleOfItsKind() {
    assertThat(image(null, "b", List.of()).problems().get("header"))
        .contains("Meta requires a sample image");
    TemplateDraft video =
        new TemplateDraft(
            null,
            "b",
            List.of(),
            null,
            List.of(),
            HeaderFormat.VIDEO,
            new Sample("video/mp4", 17L << 20, null),
            null);
    assertThat(video.problems().get("header")).contains("at most 16.0 MB");
    TemplateDraft document =
        new TemplateDraft(
            null,
            "b",
            List.of(),
            null,
            List.of(),
            HeaderFormat.DOCUMENT,
            new Sample("image/png", 10, null),
            null);
    assertThat(document.problems().get("header")).contains("application/pdf, not image/png");
  }

  @Test
  void linkAndCodeButtonsCarryTheirExamples() {
    TemplateDraft draft =
        new TemplateDraft(
            null,
            "Your offer",
            List.of(),
            null,
            List.of(
                new Button(
                    ButtonType.URL,
                    "Track",
                    "https://example.com/t/{{1}}",
                    "https://example.com/t/A-17"),
                new Button(ButtonType.COPY_CODE, null, null, "SAVE20"),
                new Button("Stop", null)));
    assertThat(draft.components().toString())
        .contains(
            "{\"type\":\"URL\",\"text\":\"Track\",\"url\":\"https://example.com/t/{{1}}\","
                + "\"example\":[\"https://example.com/t/A-17\"]}")
        .contains("{\"type\":\"COPY_CODE\",\"example\":\"SAVE20\"}")
        .contains("{\"type\":\"QUICK_REPLY\",\"text\":\"Stop\"}");
  }

  @Test
  void buttonLimitsByKind() {
    Button link = new Button(ButtonType.URL, "Go", "https://example.com", null);
    Button code = new Button(ButtonType.COPY_CODE, null, null, "A".repeat(16));
    Button quick = new Button("Yes", null);
    Map<String, String> problems =
        new TemplateDraft(
                null, "b", List.of(), null, List.of(quick, link, link, link, code, code, quick))
            .problems();
    assertThat(problems.get("buttons"))
        .contains("At most 2 link buttons (3 given).")
        .contains("At most one copy-code button.")
        .contains("Quick replies go together")
        .contains("example code of 1 to 15 characters");
    assertThat(
            new TemplateDraft(
                    null,
                    "b",
                    List.of(),
                    null,
                    List.of(
                        new Button(
                            ButtonType.URL, "Go", "https://x.com/{{1}}/a", "https://x.com/1/a")))
                .problems()
                .get("buttons"))
        .contains("at its end");
  }

  @Test
  void anAuthenticationTemplateIsMetasTextWithACodeButton() {
    TemplateDraft copy =
        new TemplateDraft(
            null,
            null,
            List.of(),
            null,
            List.of(),
            null,
            null,
            new Otp("COPY_CODE", true, 10, null, null));
    assertThat(copy.problems()).isEmpty();
    assertThat(copy.components().toString())
        .isEqualTo(
            "[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
                + "{\"type\":\"FOOTER\",\"code_expiration_minutes\":10},"
                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\"}]}]");
    assertThat(copy.stored().toString())
        .contains("*{{1}}* is your verification code. For your security, do not share this code.")
        .contains("This code expires in 10 minutes.");
    TemplateDraft oneTap =
        new TemplateDraft(
            null,
            null,
            List.of(),
            null,
            List.of(),
            null,
            null,
            new Otp("ONE_TAP", false, null, "com.example.app", "K8a/AINcGX7"));
    assertThat(oneTap.components().toString())
        .contains(
            "\"otp_type\":\"ONE_TAP\",\"supported_apps\":[{\"package_name\":\"com.example.app\",\"signature_hash\":\"K8a/AINcGX7\"}]");
    Map<String, String> bad =
        new TemplateDraft(
                "Hi",
                "My own text",
                List.of(),
                null,
                List.of(),
                null,
                null,
                new Otp("ONE_TAP", true, 91, "app", null))
            .problems();
    assertThat(bad.get("body")).contains("no header").contains("leave the body empty");
    assertThat(bad.get("otp"))
        .contains("1 to 90 minutes")
        .contains("package name")
        .contains("signature hash");
  }

  @Test
  void theCategoryAndTheCodeButtonGoTogether() {
    TemplateDraft otp =
        new TemplateDraft(
            null,
            null,
            List.of(),
            null,
            List.of(),
            null,
            null,
            new Otp("COPY_CODE", false, null, null, null));
    assertThat(
            Templates.problems(
                "login_code", "en", in.picode.kretanote.contact.entity.Category.MARKETING, otp))
        .containsKey("category");
    assertThat(
            Templates.problems(
                "login_code",
                "en",
                in.picode.kretanote.contact.entity.Category.AUTHENTICATION,
                new TemplateDraft(null, "Your code", List.of(), null, List.of())))
        .containsKey("category");
    assertThat(
            Templates.problems(
                "login_code",
                "en",
                in.picode.kretanote.contact.entity.Category.AUTHENTICATION,
                otp))
        .isEmpty();
  }

  @Test
  void thePreviewFillsTheExamplesTypedSoFar() {
    TemplatePreview p =
        TemplatePreview.of(
            image(
                new Sample("image/png", 10, null),
                "Hi {{first_name}}, see {{place}}",
                List.of("Ana")));
    assertThat(p.media()).isEqualTo("IMAGE");
    assertThat(p.body()).isEqualTo("Hi Ana, see {{place}}");
  }
}
