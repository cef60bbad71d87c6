package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message objects Meta's send call takes, one per type, and the limits checked before. */
class MetaPayloadsTest {

  @Test
  void textReplyCarriesContext() {
    JsonObject p =
        MetaPayloads.build(
            "4915112345678", new OutgoingContent.Text("Hallo 👋", false), "wamid.PREV");
    assertThat(p.getString("messaging_product")).isEqualTo("whatsapp");
    assertThat(p.getString("to")).isEqualTo("4915112345678");
    assertThat(p.getString("type")).isEqualTo("text");
    assertThat(p.getJsonObject("text").getString("body")).isEqualTo("Hallo 👋");
    assertThat(p.getJsonObject("context").getString("message_id")).isEqualTo("wamid.PREV");
  }

  @Test
  void textLimitIs4096Characters() {
    assertThat(new OutgoingContent.Text("x".repeat(4096), false).body()).hasSize(4096);
    assertThatThrownBy(() -> new OutgoingContent.Text("x".repeat(4097), false))
        .hasMessageContaining("at most 4096");
    assertThatThrownBy(() -> new OutgoingContent.Text("  ", false)).hasMessageContaining("empty");
  }

  @Test
  void mediaByIdWithCaptionAndFilename() {
    JsonObject doc =
        MetaPayloads.build(
            "1",
            new OutgoingContent.Media(
                OutgoingContent.MediaKind.DOCUMENT, "777", "Invoice", "invoice.pdf"),
            null);
    assertThat(doc.getString("type")).isEqualTo("document");
    assertThat(doc.getJsonObject("document").getString("id")).isEqualTo("777");
    assertThat(doc.getJsonObject("document").getString("filename")).isEqualTo("invoice.pdf");
    assertThat(doc.getJsonObject("document").getString("caption")).isEqualTo("Invoice");
    assertThatThrownBy(
            () -> new OutgoingContent.Media(OutgoingContent.MediaKind.AUDIO, "1", "caption", null))
        .hasMessageContaining("no caption");
  }

  @Test
  void buttonsAndLists() {
    JsonObject b =
        MetaPayloads.build(
            "1",
            new OutgoingContent.Buttons(
                "Pick one",
                List.of(
                    new OutgoingContent.Button("yes", "Yes"),
                    new OutgoingContent.Button("no", "No")),
                null),
            null);
    assertThat(b.getJsonObject("interactive").getString("type")).isEqualTo("button");
    assertThat(
            b.getJsonObject("interactive")
                .getJsonObject("action")
                .getJsonArray("buttons")
                .getJsonObject(1)
                .getJsonObject("reply")
                .getString("id"))
        .isEqualTo("no");
    assertThatThrownBy(
            () ->
                new OutgoingContent.Buttons(
                    "x",
                    List.of(
                        new OutgoingContent.Button("1", "a"),
                        new OutgoingContent.Button("2", "b"),
                        new OutgoingContent.Button("3", "c"),
                        new OutgoingContent.Button("4", "d")),
                    null))
        .hasMessageContaining("1 to 3");
    assertThatThrownBy(
            () ->
                new OutgoingContent.Buttons(
                    "x", List.of(new OutgoingContent.Button("1", "x".repeat(21))), null))
        .hasMessageContaining("at most 20");

    JsonObject l =
        MetaPayloads.build(
            "1",
            new OutgoingContent.ListMessage(
                "Choose a slot",
                "Slots",
                List.of(
                    new OutgoingContent.Section(
                        null, List.of(new OutgoingContent.Row("mon", "Monday", "9-12")))),
                null),
            null);
    assertThat(l.getJsonObject("interactive").getString("type")).isEqualTo("list");
    assertThat(l.getJsonObject("interactive").getJsonObject("action").getString("button"))
        .isEqualTo("Slots");
  }

  @Test
  void reactionLocationTemplate() {
    JsonObject r =
        MetaPayloads.build("1", new OutgoingContent.Reaction("wamid.X", "👍"), "wamid.IGNORED");
    assertThat(r.getJsonObject("reaction").getString("message_id")).isEqualTo("wamid.X");
    assertThat(r.containsKey("context")).isFalse();

    JsonObject loc =
        MetaPayloads.build("1", new OutgoingContent.Location(52.52, 13.405, "Shop", null), null);
    assertThat(loc.getJsonObject("location").getJsonNumber("latitude").doubleValue())
        .isEqualTo(52.52);
    assertThatThrownBy(() -> new OutgoingContent.Location(91, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);

    JsonObject t =
        MetaPayloads.build(
            "1",
            new OutgoingContent.Template(
                "order_update",
                "en_US",
                List.of("A-17"),
                List.of("Ana", "A-17"),
                Map.of(1, List.of("A-17"))),
            null);
    JsonObject template = t.getJsonObject("template");
    assertThat(template.getJsonObject("language").getString("code")).isEqualTo("en_US");
    assertThat(template.getJsonArray("components")).hasSize(3);
    assertThat(template.getJsonArray("components").getJsonObject(2).getString("index"))
        .isEqualTo("1");
    assertThat(template.getJsonArray("components").getJsonObject(2).getString("sub_type"))
        .isEqualTo("url");
  }

  private static List<String> problems(Runnable build) {
    try {
      build.run();
    } catch (InvalidContentException e) {
      return e.problems().stream().map(ContentProblem::code).toList();
    }
    throw new AssertionError("no problem found");
  }

  @Test
  void everyProblemOfAMessageIsReportedAtOnce() {
    assertThat(
            problems(
                () ->
                    new OutgoingContent.Buttons(
                        " ",
                        List.of(
                            new OutgoingContent.Button(null, "a".repeat(21)),
                            new OutgoingContent.Button(null, "b"),
                            new OutgoingContent.Button(null, ""),
                            new OutgoingContent.Button(null, "d")),
                        "f".repeat(61))))
        .containsExactlyInAnyOrder(
            "bodyEmpty", "footerTooLong", "buttonsCount", "buttonTitleTooLong", "buttonTitleEmpty");
    assertThat(
            problems(
                () ->
                    new OutgoingContent.Buttons(
                        "Pick",
                        List.of(
                            new OutgoingContent.Button(null, "Yes"),
                            new OutgoingContent.Button(null, "Yes")),
                        null)))
        .containsExactly("buttonsSame");
    List<OutgoingContent.Row> eleven =
        java.util.stream.IntStream.rangeClosed(1, 11)
            .mapToObj(i -> new OutgoingContent.Row(null, "Row " + i, null))
            .toList();
    assertThat(
            problems(
                () ->
                    new OutgoingContent.ListMessage(
                        "Pick",
                        "b".repeat(21),
                        List.of(
                            new OutgoingContent.Section(
                                null,
                                List.of(
                                    new OutgoingContent.Row(
                                        null, "t".repeat(25), "d".repeat(73))))),
                        null)))
        .containsExactlyInAnyOrder("listButtonTooLong", "rowTitleTooLong", "rowDescriptionTooLong");
    assertThat(
            problems(
                () ->
                    new OutgoingContent.ListMessage(
                        "Pick", "Slots", List.of(new OutgoingContent.Section(null, eleven)), null)))
        .containsExactly("rowsCount");
    assertThat(
            problems(
                () ->
                    new OutgoingContent.ListMessage(
                        "Pick",
                        "Slots",
                        List.of(new OutgoingContent.Section(null, List.of())),
                        null)))
        .containsExactly("rowsCount");
    assertThat(problems(() -> new OutgoingContent.Location(91, -181, null, null)))
        .containsExactly("latitude", "longitude");
    assertThat(problems(() -> new OutgoingContent.ContactCard(" ", "12ab", "not-mail", null)))
        .containsExactly("contactNameEmpty", "contactPhoneInvalid", "contactEmailInvalid");
    assertThat(problems(() -> new OutgoingContent.ContactCard("Ana", null, null, null)))
        .containsExactly("contactNeedsReach");
  }

  @Test
  void everyProblemHasAnEnglishSentenceWithItsFigures() {
    assertThat(ContentProblem.of("buttonTitleTooLong", 2, 21, 20).english())
        .isEqualTo("Button 2's title has 21 characters, at most 20");
  }

  @Test
  void aContactCardIsMetasContactsArrayWithOneCard() {
    JsonObject c =
        MetaPayloads.build(
            "1",
            new OutgoingContent.ContactCard("Ana Lima", "+49 151 1234567", null, "Kreta"),
            null);
    assertThat(c.getString("type")).isEqualTo("contacts");
    JsonObject card = c.getJsonArray("contacts").getJsonObject(0);
    assertThat(card.getJsonObject("name").getString("formatted_name")).isEqualTo("Ana Lima");
    assertThat(card.getJsonObject("name").getString("first_name")).isEqualTo("Ana");
    assertThat(card.getJsonArray("phones").getJsonObject(0).getString("phone"))
        .isEqualTo("+49 151 1234567");
    assertThat(card.getJsonObject("org").getString("company")).isEqualTo("Kreta");
  }

  @Test
  void aContactWithoutPhoneNumberIsAddressedByItsUserIdInRecipient() {
    OutgoingContent hi = new OutgoingContent.Text("hi", false);
    JsonObject byId = MetaPayloads.build(null, "DE.1234567890", hi, null);
    assertThat(byId.getString("recipient")).isEqualTo("DE.1234567890");
    assertThat(byId.containsKey("to")).isFalse();
    JsonObject both = MetaPayloads.build("4915112345678", "DE.1234567890", hi, null);
    assertThat(both.getString("to")).isEqualTo("4915112345678");
    assertThat(both.containsKey("recipient")).isFalse();
    assertThatThrownBy(() -> MetaPayloads.build(null, null, hi, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
