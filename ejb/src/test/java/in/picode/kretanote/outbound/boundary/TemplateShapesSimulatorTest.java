package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.control.GraphSettings;
import in.picode.kretanote.outbound.boundary.TemplateDraft.Button;
import in.picode.kretanote.outbound.boundary.TemplateDraft.ButtonType;
import in.picode.kretanote.outbound.boundary.TemplateDraft.HeaderFormat;
import in.picode.kretanote.outbound.boundary.TemplateDraft.Otp;
import in.picode.kretanote.outbound.boundary.TemplateDraft.Sample;
import in.picode.kretanote.outbound.control.MetaPayloads;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.meta.SimState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The template shapes of issue 20 through the Graph client against the simulator: a sample through
 * the Resumable Upload API, templates created with a media header, named parameters, link and code
 * buttons and as authentication templates, each sent with its values; and the shapes Meta refuses.
 */
class TemplateShapesSimulatorTest {

  static final String APP_ID = "100000000000079";
  static MetaSimulator sim;
  static GraphApi graph;
  AccessToken token;
  String waba;
  String pnid;

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
                Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void number() {
    waba = "1" + System.nanoTime() % 1_000_000_000_000L;
    pnid = "2" + System.nanoTime() % 1_000_000_000_000L;
    token = graph.exchangeCode(sim.issueSignupCode(waba, pnid, "+1 555 0100 420", "Acme"));
    graph.register(token, pnid, "123456");
  }

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  JsonObject template(String name, String category, TemplateDraft draft) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("language", "en")
            .add("category", category)
            .add("parameter_format", draft.named() ? "NAMED" : "POSITIONAL")
            .add("components", draft.components())
            .build();
    graph.createTemplate(token, waba, body);
    sim.setTemplateStatus(waba, name, "en", "APPROVED", null);
    return body;
  }

  JsonArray stored(String name) {
    return sim.templates(waba).stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow()
        .components();
  }

  JsonObject send(OutgoingContent.Template content, JsonArray components) {
    graph.sendMessage(token, pnid, MetaPayloads.build("4915112345678", content, null, components));
    List<SimState.SentMessage> sent = sim.sentMessages(pnid);
    return sent.get(sent.size() - 1).request().getJsonObject("template");
  }

  @Test
  void anImageHeaderWithANamedParameterIsCreatedFromAnUploadedSampleAndSentWithItsImage() {
    String handle = graph.uploadTemplateSample(token, PNG, "image/png", "offer.png");
    assertThat(handle).startsWith("4::");
    TemplateDraft draft =
        new TemplateDraft(
                null,
                "Hi {{first_name}}, your *offer* is ready",
                List.of("Ana"),
                "Kreta Bakery",
                List.of(
                    new Button(
                        ButtonType.URL,
                        "Open",
                        "https://shop.example/o/{{1}}",
                        "https://shop.example/o/A1")),
                HeaderFormat.IMAGE,
                new Sample("image/png", PNG.length, null),
                null)
            .withHandle(handle);
    template("offer_image", "MARKETING", draft);
    JsonArray components = stored("offer_image");
    assertThat(components.toString()).contains("\"header_handle\":[\"" + handle + "\"]");
    String media = sim.addMedia(PNG, "image/png");
    JsonObject sent =
        send(
            new OutgoingContent.Template(
                "offer_image",
                "en",
                List.of(),
                List.of("Ben"),
                Map.of(0, List.of("B2")),
                new OutgoingContent.HeaderMedia(OutgoingContent.MediaKind.IMAGE, media, null)),
            components);
    assertThat(sent.toString())
        .contains("{\"type\":\"image\",\"image\":{\"id\":\"" + media + "\"}}")
        .contains("\"parameter_name\":\"first_name\",\"text\":\"Ben\"")
        .contains("\"sub_type\":\"url\",\"index\":\"0\"");
  }

  @Test
  void aSendWhoseHeaderMediaIsOfTheWrongKindIsRefusedByMeta() {
    String handle = graph.uploadTemplateSample(token, PNG, "image/png", "offer.png");
    TemplateDraft draft =
        new TemplateDraft(
                null,
                "Hello",
                List.of(),
                null,
                List.of(),
                HeaderFormat.IMAGE,
                new Sample("image/png", PNG.length, null),
                null)
            .withHandle(handle);
    template("hello_image", "MARKETING", draft);
    OutgoingContent.Template video =
        new OutgoingContent.Template(
            "hello_image",
            "en",
            List.of(),
            List.of(),
            Map.of(),
            new OutgoingContent.HeaderMedia(
                OutgoingContent.MediaKind.VIDEO, null, "https://cdn.example/v.mp4"));
    assertThatThrownBy(() -> send(video, stored("hello_image")))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).contains(132012));
  }

  @Test
  void copyCodeAndQuickReplyButtonsAndAnAuthenticationTemplate() {
    TemplateDraft coupon =
        new TemplateDraft(
            null,
            "Your code {{1}} saves 20%",
            List.of("SAVE20"),
            null,
            List.of(
                new Button(ButtonType.COPY_CODE, null, null, "SAVE20"),
                new Button("Not now", null)));
    template("coupon", "MARKETING", coupon);
    JsonObject sent =
        send(
            new OutgoingContent.Template(
                "coupon", "en", List.of(), List.of("BEN20"), Map.of(0, List.of("BEN20"))),
            stored("coupon"));
    assertThat(sent.toString()).contains("{\"type\":\"coupon_code\",\"coupon_code\":\"BEN20\"}");

    TemplateDraft login =
        new TemplateDraft(
            null,
            null,
            List.of(),
            null,
            List.of(),
            null,
            null,
            new Otp("COPY_CODE", true, 10, null, null));
    template("login_code", "AUTHENTICATION", login);
    JsonArray auth = stored("login_code");
    // Meta keeps the code button as a URL button and the body as its fixed text.
    assertThat(auth.toString()).contains("is your verification code").contains("\"type\":\"URL\"");
    JsonObject code =
        send(
            new OutgoingContent.Template(
                "login_code", "en", List.of(), List.of("482913"), Map.of()),
            auth);
    assertThat(code.toString())
        .contains("{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"482913\"}]}")
        .contains(
            "\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"482913\"}]");
  }

  @Test
  void metaRefusesBadShapesWithEveryProblemAndKeepsNothing() {
    String handle = graph.uploadTemplateSample(token, PNG, "image/png", "p.png");
    JsonArray components =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("type", "HEADER")
                    .add("format", "VIDEO")
                    .add(
                        "example",
                        Json.createObjectBuilder()
                            .add("header_handle", Json.createArrayBuilder().add(handle))))
            .add(Json.createObjectBuilder().add("type", "BODY").add("text", "Hi {{first_name}}"))
            .add(
                Json.createObjectBuilder()
                    .add("type", "BUTTONS")
                    .add(
                        "buttons",
                        Json.createArrayBuilder(
                                Collections.nCopies(
                                    11,
                                    Json.createObjectBuilder()
                                        .add("type", "QUICK_REPLY")
                                        .add("text", "Yes")
                                        .build()))
                            .add(
                                Json.createObjectBuilder()
                                    .add("type", "URL")
                                    .add("text", "Go")
                                    .add("url", "https://x.example/{{1}}"))))
            .build();
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", "bad_shapes")
            .add("language", "en")
            .add("category", "MARKETING")
            .add("parameter_format", "NAMED")
            .add("components", components)
            .build();
    assertThatThrownBy(() -> graph.createTemplate(token, waba, body))
        .isInstanceOfSatisfying(
            GraphException.class,
            e ->
                assertThat(e.details().orElse(""))
                    .contains("is not a VIDEO")
                    .contains("{{first_name}} has no example")
                    .contains("At most 10 QUICK_REPLY buttons (11)")
                    .contains("A URL button with a variable requires an example"));
    assertThat(sim.templates(waba)).isEmpty();
  }

  @Test
  void theUploadSessionRefusesWrongTypesAndSizes() {
    assertThatThrownBy(() -> graph.uploadTemplateSample(token, PNG, "image/gif", "a.gif"))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.details().orElse("")).contains("file_type"));
    assertThatThrownBy(
            () ->
                graph.uploadTemplateSample(token, new byte[(5 << 20) + 1], "image/png", "big.png"))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.details().orElse("")).contains("file_length"));
  }
}
