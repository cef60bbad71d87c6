package in.picode.kretanote.outbound.boundary;

import static in.picode.kretanote.outbound.boundary.OutboundIT.key;
import static in.picode.kretanote.outbound.boundary.OutboundIT.longValue;
import static in.picode.kretanote.outbound.boundary.OutboundIT.string;
import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compose box's structured messages (issue 20, item 8) and sends to a contact known only by its
 * business-scoped user id (item 11), through {@link Sending} with the sender timer running: what
 * "Meta" accepted is read from the simulator's record of sends, what the agent sees from the
 * conversation's history, and a refused message must leave no message row behind.
 */
@ExtendWith(ArquillianExtension.class)
class RichMessagesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("outbound");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject Sending sending;
  @Inject RichSending richSending;
  @Inject SendOutcomes outcomes;
  @Inject Conversations conversations;
  @Inject InboundChanges inbound;

  SimulatorControl sim;
  SimulatedNumbers.Number line;
  long conversation;
  long customerMessage;

  @BeforeEach
  void setUp() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
    line = numbers.connect("Rich", "R", "+1 555 0420");
    String waId = "49152" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    customerWrites(line, Json.createObjectBuilder().add("from", waId), waId, null);
    conversation = conversationOf(line);
    customerMessage =
        longValue(
            "select id from message where tenant_id = ? and conversation_id = ? and direction = 'INBOUND'",
            line.tenant(),
            conversation);
  }

  @Test
  void replyButtonsReachMetaAsSentAndShowAsTheCustomerSeesThem() {
    long id =
        sent(
            () ->
                richSending.sendButtons(
                    conversation,
                    key(),
                    "Is Tuesday fine?",
                    List.of(choice("Yes"), choice("No, later")),
                    "Kreta Bakery"));

    JsonObject interactive = request(id).getJsonObject("interactive");
    assertThat(interactive.getString("type")).isEqualTo("button");
    assertThat(interactive.getJsonObject("body").getString("text")).isEqualTo("Is Tuesday fine?");
    assertThat(interactive.getJsonObject("footer").getString("text")).isEqualTo("Kreta Bakery");
    assertThat(
            interactive.getJsonObject("action").getJsonArray("buttons").stream()
                .map(b -> b.asJsonObject().getJsonObject("reply").getString("title"))
                .toList())
        .containsExactly("Yes", "No, later");
    MessageView shown = shown(id);
    assertThat(shown.text()).isEqualTo("Is Tuesday fine?");
    assertThat(shown.shown().choices()).containsExactly("Yes", "No, later");
    assertThat(shown.shown().listButton()).isNull();
  }

  @Test
  void aListReachesMetaWithItsRowsAndShowsItsButtonAndRows() {
    long id =
        sent(
            () ->
                richSending.sendList(
                    conversation,
                    key(),
                    "Pick a slot",
                    "Slots",
                    List.of(
                        new RichSending.Choice(null, "Monday 9-12", "In the shop"),
                        choice("Tuesday 14-18")),
                    null));

    JsonObject action = request(id).getJsonObject("interactive").getJsonObject("action");
    assertThat(action.getString("button")).isEqualTo("Slots");
    JsonObject row =
        action.getJsonArray("sections").getJsonObject(0).getJsonArray("rows").getJsonObject(0);
    assertThat(row.getString("title")).isEqualTo("Monday 9-12");
    assertThat(row.getString("description")).isEqualTo("In the shop");
    MessageView shown = shown(id);
    assertThat(shown.shown().listButton()).isEqualTo("Slots");
    assertThat(shown.shown().choices())
        .containsExactly("Monday 9-12 — In the shop", "Tuesday 14-18");
  }

  @Test
  void aLocationAndAContactCardReachMetaAndShowNameAddressAndMap() {
    long place =
        sent(
            () ->
                richSending.sendLocation(
                    conversation, key(), 52.52, 13.405, "Kreta Bakery", "Alexanderplatz 1"));
    long card =
        sent(
            () ->
                richSending.sendContactCard(
                    conversation, key(), "Ana Lima", "+49 30 1234567", null, "Kreta"));

    JsonObject location = request(place).getJsonObject("location");
    assertThat(location.getJsonNumber("latitude").doubleValue()).isEqualTo(52.52);
    assertThat(location.getString("address")).isEqualTo("Alexanderplatz 1");
    JsonObject contact = request(card).getJsonArray("contacts").getJsonObject(0);
    assertThat(contact.getJsonObject("name").getString("formatted_name")).isEqualTo("Ana Lima");
    assertThat(contact.getJsonArray("phones").getJsonObject(0).getString("phone"))
        .isEqualTo("+49 30 1234567");
    MessageView p = shown(place);
    assertThat(p.latitude()).isEqualTo(52.52);
    assertThat(p.shown().placeName()).isEqualTo("Kreta Bakery");
    assertThat(p.shown().placeAddress()).isEqualTo("Alexanderplatz 1");
    MessageView c = shown(card);
    assertThat(c.shown().cardName()).isEqualTo("Ana Lima");
    assertThat(c.shown().cardReach()).isEqualTo("+49 30 1234567");
  }

  @Test
  void aReactionGoesOnTheCustomersMessageAndCanBeRemoved() {
    String target =
        string(
            "select wamid from message where tenant_id = ? and id = ?",
            line.tenant(),
            customerMessage);
    long on = sent(() -> richSending.sendReaction(conversation, key(), customerMessage, "👍"));

    JsonObject reaction = request(on).getJsonObject("reaction");
    assertThat(reaction.getString("message_id")).isEqualTo(target);
    assertThat(reaction.getString("emoji")).isEqualTo("👍");
    assertThat(request(on).containsKey("context")).isFalse();
    assertThat(shown(customerMessage).ourReaction()).isEqualTo("👍");
    assertThat(history()).noneMatch(m -> m.id() == on);

    long off = sent(() -> richSending.sendReaction(conversation, key(), customerMessage, ""));
    assertThat(request(off).getJsonObject("reaction").getString("emoji")).isEmpty();
    assertThat(shown(customerMessage).ourReaction()).isNull();
  }

  @Test
  void aReplyQuotesTheMessageByItsWamidAndShowsItAbove() {
    String target =
        string(
            "select wamid from message where tenant_id = ? and id = ?",
            line.tenant(),
            customerMessage);
    long id =
        sent(() -> sending.sendReply(conversation, key(), "Yes, it is ready", customerMessage));

    assertThat(request(id).getJsonObject("context").getString("message_id")).isEqualTo(target);
    assertThat(shown(id).quoted()).isEqualTo("Hello, is my order ready?");
  }

  @Test
  void badMessagesAreRefusedWithEveryProblemAndQueueNothing() {
    long before = messageRows();
    SendResult four =
        as(
            line.tenant(),
            () ->
                richSending.sendButtons(
                    conversation,
                    key(),
                    "Pick",
                    List.of(choice("A"), choice("B"), choice("C"), choice("x".repeat(21))),
                    null));
    assertThat(codes(four)).containsExactlyInAnyOrder("buttonsCount", "buttonTitleTooLong");
    assertThat(four.refusalCode()).isEqualTo("INVALID_MESSAGE");
    SendResult longRow =
        as(
            line.tenant(),
            () ->
                richSending.sendList(
                    conversation,
                    key(),
                    "Pick",
                    "A button text that is too long",
                    List.of(new RichSending.Choice(null, "t".repeat(25), "d".repeat(73))),
                    null));
    assertThat(codes(longRow))
        .containsExactlyInAnyOrder("listButtonTooLong", "rowTitleTooLong", "rowDescriptionTooLong");
    SendResult empty =
        as(
            line.tenant(),
            () -> richSending.sendList(conversation, key(), "Pick", "Slots", List.of(), null));
    assertThat(codes(empty)).containsExactly("rowsCount");
    SendResult farAway =
        as(line.tenant(), () -> richSending.sendLocation(conversation, key(), 91, 200, null, null));
    assertThat(codes(farAway)).containsExactly("latitude", "longitude");
    SendResult badCard =
        as(
            line.tenant(),
            () -> richSending.sendContactCard(conversation, key(), " ", "12ab", "nope", null));
    assertThat(codes(badCard))
        .containsExactly("contactNameEmpty", "contactPhoneInvalid", "contactEmailInvalid");
    SendResult unknownQuote =
        as(line.tenant(), () -> sending.sendReply(conversation, key(), "Hi", Long.MAX_VALUE));
    assertThat(codes(unknownQuote)).containsExactly("quotedUnknown");
    assertThat(messageRows()).isEqualTo(before);
  }

  @Test
  void aReactionOrQuoteOfAnotherConversationOrTenantIsRefused() {
    SimulatedNumbers.Number other = numbers.connect("Rich", "Other", "+1 555 0421");
    String waId = "49153" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    customerWrites(other, Json.createObjectBuilder().add("from", waId), waId, null);
    long theirs =
        longValue(
            "select id from message where tenant_id = ? and direction = 'INBOUND'", other.tenant());
    long before = messageRows();

    SendResult react =
        as(line.tenant(), () -> richSending.sendReaction(conversation, key(), theirs, "👍"));
    SendResult quote =
        as(line.tenant(), () -> sending.sendReply(conversation, key(), "Hi", theirs));
    // The other tenant's own conversation, with this tenant's message.
    long otherConversation = conversationOf(other);
    SendResult reverse =
        as(
            other.tenant(),
            () -> richSending.sendReaction(otherConversation, key(), customerMessage, "👍"));

    assertThat(codes(react)).containsExactly("reactionTarget");
    assertThat(codes(quote)).containsExactly("quotedUnknown");
    assertThat(codes(reverse)).containsExactly("reactionTarget");
    assertThat(messageRows()).isEqualTo(before);
  }

  @Test
  void aContactKnownOnlyByItsUserIdIsSentToInRecipient() {
    SimulatedNumbers.Number byId = numbers.connect("Rich", "Bsuid", "+1 555 0422");
    String userId = "DE." + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
    customerWrites(byId, Json.createObjectBuilder().add("from_user_id", userId), null, userId);
    long c = conversationOf(byId);

    SendResult r = as(byId.tenant(), () -> sending.sendText(c, key(), "Your order is ready"));
    String wamid = await(byId.tenant(), r.messageId());

    JsonObject request = requestByWamid(byId.pnid(), wamid);
    assertThat(request.getString("recipient")).isEqualTo(userId);
    assertThat(request.containsKey("to")).isFalse();
  }

  // --- helpers ---

  static RichSending.Choice choice(String title) {
    return new RichSending.Choice(null, title, null);
  }

  static List<String> codes(SendResult r) {
    assertThat(r.isQueued()).isFalse();
    return r.problems().stream().map(SendResult.Problem::code).toList();
  }

  long sent(Supplier<SendResult> send) {
    SendResult r = as(line.tenant(), send::get);
    assertThat(r.isQueued()).as(String.valueOf(r.refusalReason())).isTrue();
    await(line.tenant(), r.messageId());
    return r.messageId();
  }

  String await(long tenant, long messageId) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Outcome o = as(tenant, () -> outcomes.outcome(messageId)).orElseThrow();
      if (o.wamid() != null) {
        return o.wamid();
      }
      OutboundIT.pause(100);
    }
    throw new AssertionError("message " + messageId + " not accepted by Meta within 30 s");
  }

  /** What the simulator accepted for this message, read by the wamid Meta gave it. */
  JsonObject request(long messageId) {
    String wamid =
        string(
            "select wamid from message where tenant_id = ? and id = ?", line.tenant(), messageId);
    return requestByWamid(line.pnid(), wamid);
  }

  JsonObject requestByWamid(String pnid, String wamid) {
    for (JsonValue v : sim.sent(pnid)) {
      if (wamid.equals(v.asJsonObject().getString("wamid"))) {
        return v.asJsonObject().getJsonObject("request");
      }
    }
    throw new AssertionError("the simulator has no send " + wamid);
  }

  List<MessageView> history() {
    return as(line.tenant(), () -> conversations.messages(conversation, null, 50));
  }

  MessageView shown(long id) {
    return history().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
  }

  long messageRows() {
    return longValue("select count(*) from message where tenant_id = ?", line.tenant());
  }

  long conversationOf(SimulatedNumbers.Number n) {
    return longValue(
        "select id from conversation where tenant_id = ? and connection_id = ?",
        n.tenant(),
        n.connectionId());
  }

  /** A customer's first text by phone number ({@code waId}) or only by user id. */
  void customerWrites(
      SimulatedNumbers.Number n,
      jakarta.json.JsonObjectBuilder sender,
      String waId,
      String userId) {
    JsonObject message =
        sender
            .add("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", "Hello, is my order ready?"))
            .build();
    JsonObject value =
        InboundWebhooks.customerMessage(n.pnid(), waId == null ? "0" : waId, "Ana", message);
    if (waId == null) {
      JsonObject contact =
          Json.createObjectBuilder()
              .add("profile", Json.createObjectBuilder().add("name", "Ana"))
              .add("user_id", userId)
              .build();
      value =
          Json.createObjectBuilder(value)
              .add("contacts", Json.createArrayBuilder().add(contact))
              .build();
    }
    JsonObject v = value;
    as(
        n.tenant(),
        () -> {
          inbound.apply(InboundWebhooks.routed(n.connectionId(), v));
          return null;
        });
  }
}
