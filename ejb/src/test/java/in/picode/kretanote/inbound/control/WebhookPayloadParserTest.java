package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import in.picode.kretanote.inbound.control.ContactKey.Kind;
import in.picode.kretanote.inbound.control.MessageContent.InteractiveReply;
import in.picode.kretanote.messaging.control.StatusOrder;
import in.picode.kretanote.messaging.entity.DeliveryStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookPayloadParserTest {

  private static final ContactKey ANA = new ContactKey(Kind.USER_ID, "DE.1234567890");

  @Test
  void readsTheExampleOfTheDesignNotes() {
    MessagesChange change = only(Fixtures.parse("facts-example.json"));

    assertThat(change.wabaId()).isEqualTo("<WABA id>");
    assertThat(change.phoneNumberId()).isEqualTo("<PNID>");
    assertThat(change.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.wamid()).isEqualTo("wamid.XXX");
              assertThat(m.sender()).isEqualTo(ANA);
              assertThat(m.content()).isEqualTo(new MessageContent.Text("Hallo \uD83D\uDC4B"));
              assertThat(m.context().flatMap(MessageContext::messageId)).contains("wamid.PREV");
            });
    assertThat(change.statuses())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo(DeliveryStatus.DELIVERED);
              assertThat(s.timestamp()).isEqualTo(Instant.ofEpochSecond(1_764_000_005L));
              assertThat(s.pricing().flatMap(StatusUpdate.Pricing::category)).contains("utility");
              assertThat(s.pricing().flatMap(StatusUpdate.Pricing::billable)).isEmpty();
              assertThat(s.errors()).extracting(e -> e.code().getAsInt()).containsExactly(131047);
            });
  }

  @Test
  void readsABodyOfSeveralMegabytes() throws MalformedWebhookException {
    StringBuilder body =
        new StringBuilder(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
                + "[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"2\"},"
                + "\"messages\":[");
    String text = "Lorem ipsum \\u00e9 \uD83D\uDC4B ".repeat(20);
    int count = 6_000;
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"from\":\"4915112345678\",\"id\":\"wamid.BULK")
          .append(i)
          .append("\",\"timestamp\":\"1764000000\",\"type\":\"text\",\"text\":{\"body\":\"")
          .append(text)
          .append("\"}}");
    }
    body.append("]}}]}]}");
    byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ParsedWebhook parsed = new WebhookPayloadParser().parse(bytes);

    assertThat(bytes.length).isGreaterThan(3_000_000);
    assertThat(parsed.isComplete()).isTrue();
    assertThat(parsed.messageChanges().get(0).messages()).hasSize(count);
  }

  @Nested
  class EveryMessageType {

    private final MessagesChange change = only(Fixtures.parse("all-message-types.json"));
    private final Map<String, InboundMessage> byId =
        change.messages().stream()
            .collect(Collectors.toMap(InboundMessage::wamid, Function.identity()));

    @Test
    void keepsEveryMessageInOrderWithItsType() {
      assertThat(change.wabaId()).isEqualTo("102290129340398");
      assertThat(change.phoneNumberId()).isEqualTo("106540352242922");
      assertThat(change.displayPhoneNumber()).contains("15550001111");
      assertThat(change.messages())
          .extracting(InboundMessage::rawType)
          .containsExactly(
              "text",
              "image",
              "audio",
              "video",
              "document",
              "sticker",
              "location",
              "contacts",
              "interactive",
              "interactive",
              "interactive",
              "button",
              "reaction",
              "reaction",
              "order",
              "system",
              "request_welcome",
              "unsupported",
              "hologram");
      assertThat(change.messages())
          .extracting(InboundMessage::type)
          .doesNotContainNull()
          .containsOnlyOnce(MessageType.UNKNOWN);
    }

    @Test
    void resolvesEverySenderToTheSameContactWhetherMetaGivesUserIdOrPhone() {
      assertThat(change.contacts())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.key()).isEqualTo(ANA);
                assertThat(c.waId()).contains("4915112345678");
                assertThat(c.profileName()).contains("Ana Lima");
                assertThat(c.username()).isEmpty();
              });
      assertThat(change.messages()).extracting(InboundMessage::sender).containsOnly(ANA);
      assertThat(change.contact(ANA)).isPresent();
      assertThat(byId.get("wamid.IMAGE0001").from()).contains("4915112345678");
      assertThat(byId.get("wamid.IMAGE0001").fromUserId()).isEmpty();
    }

    @Test
    void readsTextWithItsQuotedMessage() {
      InboundMessage text =
          byId.get("wamid.HBgLNDkxNTExMjM0NTY3OBUCABIYFjNFQjBDMEY5RkQ4QjQxNUE0NkUxAA==");

      assertThat(text.timestamp()).isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
      assertThat(text.content())
          .isEqualTo(new MessageContent.Text("Hallo, ist der Tisch für heute Abend noch frei?"));
      assertThat(text.context())
          .hasValueSatisfying(
              c -> {
                assertThat(c.messageId()).contains("wamid.PREV0001");
                assertThat(c.from()).contains("15550001111");
                assertThat(c.forwarded()).isFalse();
              });
      assertThat(json(text.contentJson()).getString("body")).startsWith("Hallo");
    }

    @Test
    void readsMediaOfEveryKind() {
      assertThat(byId.get("wamid.IMAGE0001").content())
          .asInstanceOf(type(MessageContent.Media.class))
          .satisfies(
              m -> {
                assertThat(m.mediaId()).isEqualTo("1479537139650973");
                assertThat(m.mimeType()).contains("image/jpeg");
                assertThat(m.sha256()).contains("HgDMdEzHLH8KxGBSrQ7gG3eTFDZP7dOMmH8Iwg3w2Nk=");
                assertThat(m.caption()).contains("Die Speisekarte");
                assertThat(m.filename()).isEmpty();
              });
      assertThat(byId.get("wamid.AUDIO0001").content())
          .asInstanceOf(type(MessageContent.Media.class))
          .satisfies(m -> assertThat(m.mimeType()).contains("audio/ogg; codecs=opus"));
      assertThat(byId.get("wamid.VIDEO0001").content())
          .asInstanceOf(type(MessageContent.Media.class))
          .satisfies(m -> assertThat(m.mediaId()).isEqualTo("1203496877526612"));
      assertThat(byId.get("wamid.DOCUMENT0001").content())
          .asInstanceOf(type(MessageContent.Media.class))
          .satisfies(m -> assertThat(m.filename()).contains("Rechnung 2026-001.pdf"));
      assertThat(byId.get("wamid.STICKER0001").content())
          .asInstanceOf(type(MessageContent.Media.class))
          .satisfies(m -> assertThat(m.mimeType()).contains("image/webp"));
      assertThat(json(byId.get("wamid.AUDIO0001").contentJson()).getBoolean("voice")).isTrue();
      assertThat(change.messages().stream().filter(m -> m.type().isMedia())).hasSize(5);
    }

    @Test
    void readsLocationAndContactCards() {
      assertThat(byId.get("wamid.LOCATION0001").content())
          .isEqualTo(
              new MessageContent.Location(
                  52.520008,
                  13.404954,
                  java.util.Optional.of("Alexanderplatz"),
                  java.util.Optional.of("Alexanderplatz, 10178 Berlin"),
                  java.util.Optional.of("https://example.com/alex")));
      assertThat(byId.get("wamid.CONTACTS0001").content())
          .isEqualTo(new MessageContent.ContactCards(2, List.of("Bruno Costa", "Clara Diaz")));
      assertThat(byId.get("wamid.CONTACTS0001").contentJson()).startsWith("[").contains("phones");
    }

    @Test
    void readsInteractiveRepliesAndTemplateButtons() {
      assertThat(byId.get("wamid.BUTTONREPLY0001").content())
          .isEqualTo(
              new InteractiveReply(
                  InteractiveReply.Kind.BUTTON_REPLY,
                  "confirm-yes",
                  "Ja, bitte",
                  java.util.Optional.empty(),
                  java.util.Optional.empty()));
      assertThat(byId.get("wamid.LISTREPLY0001").content())
          .asInstanceOf(type(InteractiveReply.class))
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(InteractiveReply.Kind.LIST_REPLY);
                assertThat(r.id()).isEqualTo("slot-1900");
                assertThat(r.title()).isEqualTo("19:00");
                assertThat(r.description()).contains("Terrasse, 4 Personen");
              });
      assertThat(byId.get("wamid.NFMREPLY0001").content())
          .asInstanceOf(type(InteractiveReply.class))
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(InteractiveReply.Kind.NFM_REPLY);
                assertThat(r.id()).isEqualTo("flow");
                assertThat(r.title()).isEqualTo("Sent");
                assertThat(r.responseJson().map(WebhookPayloadParserTest::json))
                    .hasValueSatisfying(
                        flow -> assertThat(flow.getString("flow_token")).isEqualTo("booking-42"));
              });
      assertThat(byId.get("wamid.BUTTON0001").content())
          .isEqualTo(
              new MessageContent.ButtonReply(
                  "Keine Werbung", java.util.Optional.of("STOP_PROMOTIONS")));
    }

    @Test
    void readsReactionsAndTheirRemoval() {
      assertThat(byId.get("wamid.REACTION0001").content())
          .isEqualTo(new MessageContent.Reaction("wamid.OUT0001", "\u2764\ufe0f"));
      assertThat(byId.get("wamid.REACTION0001").content())
          .asInstanceOf(type(MessageContent.Reaction.class))
          .satisfies(r -> assertThat(r.isRemoval()).isFalse());
      assertThat(byId.get("wamid.REACTION0002").content())
          .asInstanceOf(type(MessageContent.Reaction.class))
          .satisfies(r -> assertThat(r.isRemoval()).isTrue());
    }

    @Test
    void readsAnOrderWithNumbersAsNumbersOrStrings() {
      assertThat(byId.get("wamid.ORDER0001").content())
          .asInstanceOf(type(MessageContent.Order.class))
          .satisfies(
              o -> {
                assertThat(o.catalogId()).contains("555666777888999");
                assertThat(o.text()).contains("Bitte bis 18 Uhr");
                assertThat(o.items())
                    .extracting(MessageContent.Order.Item::productRetailerId)
                    .containsExactly("pizza-margherita", "tiramisu");
                assertThat(o.items())
                    .extracting(MessageContent.Order.Item::quantity)
                    .containsExactly(2, 1);
                assertThat(o.items().get(1).itemPrice()).contains(new BigDecimal("5.90"));
                assertThat(o.items().get(0).currency()).contains("EUR");
              });
    }

    @Test
    void readsSystemNoticesAndKeepsWhatItCannotType() {
      assertThat(byId.get("wamid.SYSTEM0001").content())
          .asInstanceOf(type(MessageContent.SystemNotice.class))
          .satisfies(
              s -> {
                assertThat(s.kind()).contains("user_changed_number");
                assertThat(s.newWaId()).contains("4915187654321");
                assertThat(s.body()).contains("changed from");
              });

      InboundMessage welcome = byId.get("wamid.WELCOME0001");
      assertThat(welcome.type()).isEqualTo(MessageType.REQUEST_WELCOME);
      assertThat(welcome.content()).isEqualTo(new MessageContent.Opaque());
      assertThat(json(welcome.contentJson()).getString("type")).isEqualTo("request_welcome");
    }

    @Test
    void keepsUnsupportedMessagesWithTheirError() {
      InboundMessage unsupported = byId.get("wamid.UNSUPPORTED0001");

      assertThat(unsupported.content())
          .isEqualTo(new MessageContent.Unsupported(java.util.Optional.of("poll")));
      assertThat(unsupported.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).hasValue(131051);
                assertThat(e.title()).contains("Message type unknown");
                assertThat(e.details()).contains("Message type is currently not supported.");
              });
    }

    @Test
    void keepsAnUnknownTypeWithEverythingMetaSent() {
      InboundMessage future = byId.get("wamid.FUTURE0001");

      assertThat(future.type()).isEqualTo(MessageType.UNKNOWN);
      assertThat(future.rawType()).isEqualTo("hologram");
      assertThat(future.content()).isEqualTo(new MessageContent.Opaque());
      JsonObject whole = json(future.contentJson());
      assertThat(whole.getJsonObject("hologram").getString("id")).isEqualTo("42");
      assertThat(whole.getJsonObject("referral").getString("source_type")).isEqualTo("ad");
    }

    @Test
    void rejectsNothing() {
      assertThat(Fixtures.parse("all-message-types.json").rejections()).isEmpty();
    }
  }

  @Nested
  class OnePostWithSeveralEntriesAndChanges {

    private final ParsedWebhook parsed = Fixtures.parse("batch.json");

    @Test
    void keepsEveryChangeInOrder() {
      assertThat(parsed.isComplete()).isTrue();
      assertThat(parsed.changes())
          .extracting(WebhookChange::wabaId, WebhookChange::field)
          .containsExactly(
              tuple("102290129340398", "messages"),
              tuple("102290129340398", "messages"),
              tuple("102290129340398", "message_template_status_update"),
              tuple("209384756102938", "messages"),
              tuple("209384756102938", "phone_number_quality_update"),
              tuple("209384756102938", "account_alerts"),
              tuple("209384756102938", "some_field_meta_adds_in_2027"));
    }

    @Test
    void keepsDuplicatesForTheCallerToDropByWamid() {
      MessagesChange first = parsed.messageChanges().get(0);

      assertThat(first.messages())
          .extracting(InboundMessage::wamid)
          .containsExactly("wamid.A1", "wamid.B1", "wamid.A1");
      assertThat(first.messages().get(1).sender())
          .isEqualTo(new ContactKey(Kind.WA_ID, "351912345678"));
      assertThat(first.messages().get(0).sender()).isEqualTo(ANA);
    }

    @Test
    void routesEachChangeByItsPhoneNumberId() {
      assertThat(parsed.messageChanges())
          .extracting(MessagesChange::phoneNumberId)
          .containsExactly("106540352242922", "106540352242922", "200111222333444");
      assertThat(parsed.messageChanges().get(2).messages())
          .singleElement()
          .satisfies(m -> assertThat(m.content()).isEqualTo(new MessageContent.Text("你好")));
    }

    @Test
    void readsStatusesWithPricingConversationAndErrors() {
      List<StatusUpdate> statuses = parsed.messageChanges().get(1).statuses();

      assertThat(statuses.get(0).pricing())
          .contains(
              new StatusUpdate.Pricing(
                  java.util.Optional.of("utility"),
                  java.util.Optional.of("regular"),
                  java.util.Optional.of("PMP"),
                  java.util.Optional.of(true)));
      assertThat(statuses.get(0).recipient()).contains(ANA);
      assertThat(statuses.get(1).conversation())
          .contains(
              new StatusUpdate.Conversation(
                  java.util.Optional.of("0f3a9c6e2b1d4c8a"),
                  java.util.Optional.of("utility"),
                  java.util.Optional.of(Instant.ofEpochSecond(1_764_086_400L))));

      StatusUpdate failed = parsed.messageChanges().get(2).statuses().get(0);
      assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(failed.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).hasValue(131047);
                assertThat(e.details().orElseThrow()).startsWith("Message failed to send");
              });
    }

    @Test
    void readsTemplateAndQualityUpdatesAndKeepsOtherFieldsRaw() {
      List<OtherChange> others = parsed.otherChanges();

      assertThat(others.get(0).templateStatus())
          .hasValueSatisfying(
              t -> {
                assertThat(t.event()).isEqualTo("APPROVED");
                assertThat(t.templateId()).contains("594425479261596");
                assertThat(t.templateName()).contains("booking_confirmation");
                assertThat(t.language()).contains("de");
              });
      assertThat(others.get(1).qualityUpdate())
          .contains(
              new OtherChange.QualityUpdate(
                  java.util.Optional.of("4930123456"),
                  java.util.Optional.of("DOWNGRADE"),
                  java.util.Optional.of("TIER_2K")));
      assertThat(others.get(2).templateStatus()).isEmpty();
      assertThat(others.get(2).qualityUpdate()).isEmpty();
      assertThat(json(others.get(2).valueJson()).getString("entity_type")).isEqualTo("WABA");
      assertThat(json(others.get(3).valueJson()).getJsonArray("anything")).hasSize(3);
    }
  }

  @Nested
  class EscapedCharactersAndEmoji {

    private final MessagesChange change = only(Fixtures.parse("escapes.json"));

    @Test
    void decodesEscapesAndSurrogatePairsWrittenEitherWay() {
      assertThat(change.messages().get(0).content())
          .isEqualTo(
              new MessageContent.Text(
                  "Café \"Olé\" C:\\temp\\\nzweite Zeile \uD83D\uDC4B und \uD83D\uDC4B"));
      assertThat(change.contacts().get(0).profileName())
          .contains("Renée \"Ren\" O\\Brien \uD83D\uDC4B");
      assertThat(change.messages().get(1).content())
          .isEqualTo(
              new MessageContent.Text(
                  "\t\u0000/\b\f\r — 日本語 \uD83C\uDDE9\uD83C\uDDEA"
                      + " \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"));
    }

    @Test
    void replacesALoneSurrogateThatUtf8CannotStore() {
      assertThat(change.messages().get(2).content())
          .isEqualTo(new MessageContent.Text("lonely \uFFFD high surrogate"));
    }

    @Test
    void storesJsonThatReadsBackToTheSameText() {
      InboundMessage first = change.messages().get(0);

      assertThat(json(first.contentJson()).getString("body"))
          .isEqualTo(((MessageContent.Text) first.content()).body());
    }
  }

  @Nested
  class UsersWithoutPhoneNumber {

    private final MessagesChange change = only(Fixtures.parse("username-only.json"));
    private final ContactKey dora = change.contacts().get(0).key();

    @Test
    void identifiesThemByUserId() {
      assertThat(dora.kind()).isEqualTo(Kind.USER_ID);
      assertThat(dora.value()).startsWith("PT.").hasSizeGreaterThan(128);
      assertThat(change.contacts().get(0).waId()).isEmpty();
      assertThat(change.contacts().get(0).username()).contains("@dora.bakes");
    }

    @Test
    void attributesTheirMessagesEvenWithoutFrom() {
      assertThat(change.messages()).extracting(InboundMessage::sender).containsOnly(dora);
      assertThat(change.messages())
          .extracting(InboundMessage::from)
          .containsOnly(java.util.Optional.empty());
    }

    @Test
    void readsStatusesAddressedToThem() {
      StatusUpdate status = change.statuses().get(0);

      assertThat(status.recipient()).contains(dora);
      assertThat(status.recipientId()).isEmpty();
      assertThat(status.pricing().flatMap(StatusUpdate.Pricing::billable)).contains(false);
      assertThat(status.pricing().flatMap(StatusUpdate.Pricing::type))
          .contains("free_customer_service");
    }
  }

  @Test
  void mapsStatusesAndKeepsUnknownOnesAsUnknown() {
    List<StatusUpdate> statuses = only(Fixtures.parse("statuses.json")).statuses();

    assertThat(statuses)
        .extracting(StatusUpdate::status, StatusUpdate::rawStatus)
        .containsExactly(
            tuple(DeliveryStatus.SENT, "sent"),
            tuple(DeliveryStatus.DELIVERED, "delivered"),
            tuple(DeliveryStatus.READ, "read"),
            tuple(DeliveryStatus.FAILED, "failed"),
            tuple(DeliveryStatus.UNKNOWN, "deleted"),
            tuple(DeliveryStatus.UNKNOWN, "warning"),
            tuple(DeliveryStatus.SENT, "sent"));
    assertThat(statuses.get(0).conversation().flatMap(StatusUpdate.Conversation::originType))
        .contains("marketing");
    assertThat(statuses.get(3).errors())
        .extracting(e -> e.code().getAsInt())
        .containsExactly(131026);
    assertThat(statuses.get(5).errors().get(0).message()).isEmpty();
    assertThat(statuses.get(6).pricing().flatMap(StatusUpdate.Pricing::type))
        .contains("free_entry_point");
  }

  @Test
  void readsATemplateRejection() {
    OtherChange change = Fixtures.parse("template-status-update.json").otherChanges().get(0);

    assertThat(change.templateStatus())
        .contains(
            new OtherChange.TemplateStatus(
                "REJECTED",
                java.util.Optional.of("1234567890123456"),
                java.util.Optional.of("summer_sale"),
                java.util.Optional.of("pt_BR"),
                java.util.Optional.of("INVALID_FORMAT")));
    assertThat(json(change.valueJson()).getJsonObject("other_info").getString("title"))
        .isEqualTo("Template rejected");
  }

  @Test
  void readsAQualityUpdate() {
    OtherChange change = Fixtures.parse("quality-update.json").otherChanges().get(0);

    assertThat(change.wabaId()).isEqualTo("102290129340398");
    assertThat(change.qualityUpdate())
        .hasValueSatisfying(
            q -> {
              assertThat(q.event()).contains("FLAGGED");
              assertThat(q.currentLimit()).contains("TIER_10K");
              assertThat(q.displayPhoneNumber()).contains("15550001111");
            });
  }

  @Nested
  class PartlyBrokenPayload {

    private final ParsedWebhook parsed = Fixtures.parse("partly-broken.json");

    @Test
    void keepsTheGoodParts() {
      assertThat(parsed.messageChanges())
          .flatExtracting(MessagesChange::messages)
          .extracting(InboundMessage::wamid)
          .containsExactly("wamid.GOOD1", "wamid.GOOD2");
      assertThat(parsed.messageChanges())
          .flatExtracting(MessagesChange::statuses)
          .extracting(StatusUpdate::wamid)
          .containsExactly("wamid.OUT9", "wamid.OUT12");
      assertThat(parsed.messageChanges().get(0).contacts())
          .extracting(InboundContact::key)
          .containsExactly(new ContactKey(Kind.WA_ID, "4915112345678"));
    }

    @Test
    void reportsEachBadPartWithItsPathAndReason() {
      assertThat(parsed.rejections())
          .extracting(Rejection::toString)
          .containsExactly(
              "entry[0].changes[0].value.contacts[1]: missing both \"user_id\" and \"wa_id\"",
              "entry[0].changes[0].value.messages[1]: missing \"id\"",
              "entry[0].changes[0].value.messages[2]: \"timestamp\" must be Unix time in seconds",
              "entry[0].changes[0].value.messages[3]: must be an object, found a string",
              "entry[0].changes[0].value.messages[4]: \"text.body\" must be a string, found a"
                  + " number",
              "entry[0].changes[0].value.messages[5]: \"location.latitude\" is out of range [-90,"
                  + " 90]",
              "entry[0].changes[0].value.statuses[1]: missing \"status\"",
              "entry[0].changes[0].value.statuses[2]: \"errors[0].code\" is out of range [0,"
                  + " 2147483647]",
              "entry[0].changes[1]: missing \"metadata.phone_number_id\"",
              "entry[0].changes[2]: must be an object, found a string",
              "entry[1]: missing \"id\"",
              "entry[2].changes[0].value.messages: must be an array, found an object");
    }

    @Test
    void keepsTheRawJsonOfWhatItRejected() {
      Rejection noId = parsed.rejections().get(1);
      Rejection unroutable = parsed.rejections().get(8);

      assertThat(json(noId.rawJson().orElseThrow()).getJsonObject("text").getString("body"))
          .isEqualTo("no id");
      assertThat(unroutable.rawJson().orElseThrow()).contains("wamid.UNROUTABLE");
      assertThat(parsed.rejections().get(3).rawJson()).contains("\"not an object\"");
    }
  }

  private static MessagesChange only(ParsedWebhook parsed) {
    assertThat(parsed.rejections()).isEmpty();
    assertThat(parsed.changes()).hasSize(1);
    return parsed.messageChanges().get(0);
  }

  static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  @Test
  void statusesOfTheBatchFixtureEndAsRead() {
    List<StatusUpdate> statuses = Fixtures.parse("batch.json").messageChanges().get(1).statuses();
    DeliveryStatus state = null;
    for (StatusUpdate status : statuses) {
      state = StatusOrder.advance(state, status.status());
    }

    assertThat(statuses)
        .extracting(StatusUpdate::status)
        .containsExactly(DeliveryStatus.READ, DeliveryStatus.DELIVERED);
    assertThat(state).isEqualTo(DeliveryStatus.READ);
  }
}
