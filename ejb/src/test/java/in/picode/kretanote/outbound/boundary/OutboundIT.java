package in.picode.kretanote.outbound.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.inbound.boundary.TemplateStatusChanged;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.MessageStatus;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound sending against the Meta simulator, inside the server with the sender timer running:
 * what reaches "Meta" is read back from the simulator's record of sends and calls, what the tenant
 * sees from the outcome and the database. Customer messages and status webhooks enter through the
 * inbound pipeline's apply step, as the webhook would deliver them.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("outbound");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject WhatsAppConnections connections;
  @Inject Conversations conversations;
  @Inject Sending sending;
  @Inject RichSending richSending;
  @Inject SendOutcomes deliveries;
  @Inject MediaUploads uploads;
  @Inject ReadReceipts receipts;
  @Inject Templates templates;
  @Inject Consents consents;
  @Inject InboundChanges inbound;
  @Inject OutboxSender sender;
  @Inject SenderTimer timer;
  @Inject Event<TemplateStatusChanged> templateEvents;

  SimulatorControl sim;
  Number a;

  /** A tenant with a connected number and one customer who wrote just now. */
  record Number(
      long tenant, long connectionId, String waba, String pnid, String waId, long conversation) {

    Number(SimulatedNumbers.Number line, String waId, long conversation) {
      this(line.tenant(), line.connectionId(), line.waba(), line.pnid(), waId, conversation);
    }

    SimulatedNumbers.Number line() {
      return new SimulatedNumbers.Number(tenant, connectionId, waba, pnid);
    }
  }

  @BeforeEach
  void setUp() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
    a = number("A");
  }

  Number number(String label) {
    SimulatedNumbers.Number line = numbers.connect("Outbound", label, "+1 555 0300");
    String waId = "49151" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    customerWrites(
        line.tenant(),
        line.connectionId(),
        line.pnid(),
        waId,
        "Hello, is my order ready?",
        Instant.now());
    long conversation =
        longValue(
            "select id from conversation where tenant_id = ? and connection_id = ?",
            line.tenant(),
            line.connectionId());
    return new Number(line, waId, conversation);
  }

  // --- the tests ---

  @Test
  void aTextIsSentItsWamidStoredAndStatusesMoveTheTick() {
    SendResult r =
        as(a.tenant, () -> sending.sendText(a.conversation, key(), "Yes, it ships today"));
    assertThat(r.isQueued()).isTrue();
    assertThat(
            string(
                "select status from message where tenant_id = ? and id = ?",
                a.tenant,
                r.messageId()))
        .as("queued: pending, no wamid yet (unless the sender was quicker)")
        .isIn("PENDING", "SENT");

    Outcome sent = await(a.tenant, r.messageId(), o -> o.wamid() != null);
    assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.sending()).isEqualTo(OutboxEntry.State.SENT);
    JsonArray atMeta = sim.sent(a.pnid);
    assertThat(atMeta).hasSize(1);
    JsonObject request = atMeta.getJsonObject(0).getJsonObject("request");
    assertThat(request.getString("to")).isEqualTo(a.waId);
    assertThat(request.getJsonObject("text").getString("body")).isEqualTo("Yes, it ships today");
    assertThat(atMeta.getJsonObject(0).getString("wamid")).isEqualTo(sent.wamid());

    status(a, sent.wamid(), "delivered");
    assertThat(outcome(a.tenant, r.messageId()).status()).isEqualTo(MessageStatus.DELIVERED);
    status(a, sent.wamid(), "read");
    status(a, sent.wamid(), "delivered");
    assertThat(outcome(a.tenant, r.messageId()).status())
        .as("read stays read when a late delivered arrives")
        .isEqualTo(MessageStatus.READ);
  }

  @Test
  void aReplyQuotesTheCustomersMessage() {
    long quoted =
        longValue(
            "select id from message where tenant_id = ? and conversation_id = ? and direction = 'INBOUND'",
            a.tenant,
            a.conversation);
    String quotedWamid = string("select wamid from message where id = ?", quoted);
    SendResult r =
        as(a.tenant, () -> sending.sendReply(a.conversation, key(), "Here it is", quoted));
    await(a.tenant, r.messageId(), o -> o.wamid() != null);
    JsonObject request = sim.sent(a.pnid).getJsonObject(0).getJsonObject("request");
    assertThat(request.getJsonObject("context").getString("message_id")).isEqualTo(quotedWamid);
  }

  @Test
  void aDoubleSubmitSendsOnce() throws Exception {
    String k = key();
    SendResult first = as(a.tenant, () -> sending.sendText(a.conversation, k, "Only once"));
    SendResult again = as(a.tenant, () -> sending.sendText(a.conversation, k, "Only once"));
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.duplicate()).isTrue();

    String k2 = key();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<SendResult>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(
          pool.submit(() -> as(a.tenant, () -> sending.sendText(a.conversation, k2, "Racing"))));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<SendResult> f : racing) {
      ids.add(f.get().messageId());
    }
    pool.shutdown();
    assertThat(ids).as("four racing requests with one key").hasSize(1);

    SendResult conflict = as(a.tenant, () -> sending.sendText(a.conversation, k, "Something else"));
    assertThat(conflict.refusal().code()).isEqualTo(RefusalCode.IDEMPOTENCY_CONFLICT);

    await(a.tenant, first.messageId(), o -> o.wamid() != null);
    await(a.tenant, ids.iterator().next(), o -> o.wamid() != null);
    pause(1500);
    assertThat(bodies(a.pnid)).containsExactlyInAnyOrder("Only once", "Racing");
    assertThat(
            longValue(
                "select count(*) from message where tenant_id = ? and direction = 'OUTBOUND'",
                a.tenant))
        .isEqualTo(2);
  }

  @Test
  void malformedRequestsAreRefusedAndLeaveNothing() {
    assertThat(as(a.tenant, () -> sending.sendText(a.conversation, "", "x")).refusal().code())
        .isEqualTo(RefusalCode.INVALID_MESSAGE);
    assertThat(
            as(a.tenant, () -> sending.sendText(a.conversation, "x".repeat(101), "x"))
                .refusal()
                .code())
        .isEqualTo(RefusalCode.INVALID_MESSAGE);
    SendResult tooLong =
        as(a.tenant, () -> sending.sendText(a.conversation, key(), "x".repeat(4097)));
    assertThat(tooLong.refusal().code()).isEqualTo(RefusalCode.INVALID_MESSAGE);
    assertThat(tooLong.refusal().reason()).contains("4096");
    assertThat(as(a.tenant, () -> sending.sendText(a.conversation, key(), " ")).isQueued())
        .isFalse();
    assertThat(as(a.tenant, () -> sending.sendText(999_999_999L, key(), "x")).refusal().code())
        .isEqualTo(RefusalCode.CONVERSATION_NOT_FOUND);
    assertThat(
            longValue(
                "select count(*) from message where tenant_id = ? and direction = 'OUTBOUND'",
                a.tenant))
        .isZero();
  }

  @Test
  void outsideTheWindowATextIsRefusedAndATemplateGoes() {
    Number old = number("window");
    // The same customer wrote 25 hours ago on another number: a conversation with a closed window.
    String waId = "49160" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    customerWrites(
        old.tenant,
        old.connectionId,
        old.pnid,
        waId,
        "old question",
        Instant.now().minus(Duration.ofHours(25)));
    long conversation =
        longValue(
            "select c.id from conversation c join contact k on k.id = c.contact_id"
                + " where c.tenant_id = ? and k.wa_id = ?",
            old.tenant,
            waId);
    SendResult text = as(old.tenant, () -> sending.sendText(conversation, key(), "Hi again"));
    assertThat(text.isQueued()).isFalse();
    assertThat(text.refusal().code()).isEqualTo(RefusalCode.WINDOW_CLOSED);
    assertThat(text.refusal().reason()).contains("24 hours").contains("template");
    assertThat(
            longValue(
                "select count(*) from message where tenant_id = ? and conversation_id = ?"
                    + " and direction = 'OUTBOUND'",
                old.tenant,
                conversation))
        .as("a refused request leaves no message")
        .isZero();

    approvedTemplate(old, "order_update", Category.UTILITY);
    SendResult wrongCount =
        as(
            old.tenant,
            () ->
                sending.sendTemplate(
                    conversation,
                    key(),
                    "order_update",
                    "en_US",
                    List.of(),
                    List.of("Ana"),
                    Map.of()));
    assertThat(wrongCount.refusal().code()).isEqualTo(RefusalCode.TEMPLATE_PARAMETERS);
    assertThat(wrongCount.refusal().reason()).contains("The body needs 2 values, 1 given");

    SendResult template =
        as(
            old.tenant,
            () ->
                sending.sendTemplate(
                    conversation,
                    key(),
                    "order_update",
                    "en_US",
                    List.of(),
                    List.of("Ana", "A-17"),
                    Map.of()));
    assertThat(template.isQueued()).isTrue();
    await(old.tenant, template.messageId(), o -> o.wamid() != null);
    JsonObject request = last(sim.sent(old.pnid)).getJsonObject("request");
    assertThat(request.getString("type")).isEqualTo("template");
    assertThat(request.getJsonObject("template").getString("name")).isEqualTo("order_update");

    SendResult unknown =
        as(
            old.tenant,
            () ->
                sending.sendTemplate(
                    conversation, key(), "no_such", "en_US", List.of(), List.of(), Map.of()));
    assertThat(unknown.refusal().code()).isEqualTo(RefusalCode.TEMPLATE_UNKNOWN);
  }

  @Test
  void templatesSyncCreateDeleteAndFollowStatusEvents() {
    MessageTemplate t = approvedTemplate(a, "welcome_offer", Category.MARKETING);
    assertThat(t.getStatus()).isEqualTo("APPROVED");
    assertThat(t.getMetaId()).isNotBlank();

    templateEvents.fire(
        new TemplateStatusChanged(
            a.tenant,
            a.connectionId,
            a.waba,
            t.getMetaId(),
            "welcome_offer",
            "en_US",
            "PAUSED",
            "quality",
            "{}",
            0L));
    MessageTemplate paused = template(a, "welcome_offer");
    assertThat(paused.getStatus()).isEqualTo("PAUSED");
    assertThat(paused.getReason()).isEqualTo("quality");
    SendResult refused =
        as(
            a.tenant,
            () ->
                sending.sendTemplate(
                    a.conversation,
                    key(),
                    "welcome_offer",
                    "en_US",
                    List.of(),
                    List.of("Ana", "A-17"),
                    Map.of()));
    assertThat(refused.refusal().code()).isEqualTo(RefusalCode.TEMPLATE_NOT_APPROVED);

    // The same event again (a re-applied webhook) changes nothing more.
    templateEvents.fire(
        new TemplateStatusChanged(
            a.tenant,
            a.connectionId,
            a.waba,
            t.getMetaId(),
            "welcome_offer",
            "en_US",
            "PAUSED",
            "quality",
            "{}",
            0L));
    assertThat(template(a, "welcome_offer").getStatus()).isEqualTo("PAUSED");
    // Without Meta's id, name and language find it in the connection's account.
    templateEvents.fire(
        new TemplateStatusChanged(
            a.tenant,
            a.connectionId,
            a.waba,
            null,
            "welcome_offer",
            "en_US",
            "REJECTED",
            "INVALID_FORMAT",
            "{}",
            0L));
    assertThat(template(a, "welcome_offer").getStatus()).isEqualTo("REJECTED");
    assertThat(template(a, "welcome_offer").getReason()).isEqualTo("INVALID_FORMAT");
    templateEvents.fire(
        new TemplateStatusChanged(
            a.tenant,
            a.connectionId,
            a.waba,
            t.getMetaId(),
            "welcome_offer",
            "en_US",
            "PAUSED",
            "quality",
            "{}",
            0L));

    Number b = number("B-templates");
    templateEvents.fire(
        new TemplateStatusChanged(
            b.tenant,
            a.connectionId,
            b.waba,
            t.getMetaId(),
            "welcome_offer",
            "en_US",
            "APPROVED",
            null,
            "{}",
            0L));
    assertThat(template(a, "welcome_offer").getStatus())
        .as("another tenant's event changes nothing of A's")
        .isEqualTo("PAUSED");

    as(a.tenant, () -> templates.delete(a.connectionId, "welcome_offer"));
    assertThat(template(a, "welcome_offer").getStatus()).isEqualTo("DELETED");

    JsonArray body =
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("type", "BODY").add("text", "Hi"))
            .build();
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () ->
                        templates.create(
                            a.connectionId, "Bad Name", "en_US", Category.MARKETING, body)))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("lowercase");
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () ->
                        templates.create(
                            a.connectionId, "ok_name", "en_US", Category.SERVICE, body)))
        .isInstanceOf(OutboundRefusedException.class);
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () ->
                        templates.create(
                            a.connectionId,
                            "ok_name",
                            "en_US",
                            Category.UTILITY,
                            JsonValue.EMPTY_JSON_ARRAY)))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("BODY");
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () ->
                        templates.create(
                            a.connectionId, "ok_name", "english", Category.UTILITY, body)))
        .isInstanceOf(OutboundRefusedException.class);
    assertThat(as(b.tenant, () -> templates.of(a.connectionId))).isEmpty();
    assertThatThrownBy(() -> as(b.tenant, () -> templates.sync(a.connectionId)))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("No such");
    assertThatThrownBy(
            () ->
                as(
                    b.tenant,
                    () -> {
                      deliveries.setThroughput(a.connectionId, 10);
                      return null;
                    }))
        .isInstanceOf(OutboundRefusedException.class);
    assertThatThrownBy(
            () ->
                as(
                    a.tenant,
                    () -> {
                      deliveries.setThroughput(a.connectionId, 1001);
                      return null;
                    }))
        .isInstanceOf(OutboundRefusedException.class);
  }

  @Test
  void stopBlocksMarketingAndStartAllowsItAgain() {
    approvedTemplate(a, "spring_sale", Category.MARKETING);
    customerWrites(a.tenant, a.connectionId, a.pnid, a.waId, "Stop!", Instant.now());
    long contact = longValue("select contact_id from conversation where id = ?", a.conversation);
    assertThat(
            rows(
                "select category, granted, source, evidence from consent_event"
                    + " where tenant_id = ? and contact_id = ? order by id",
                a.tenant,
                contact))
        .extracting(r -> r.get(0) + "/" + r.get(1) + "/" + r.get(2))
        .containsExactly("MARKETING/0/KEYWORD", "UTILITY/0/KEYWORD");
    awaitSentBody(a.pnid, "no longer receive");

    SendResult marketing =
        as(
            a.tenant,
            () ->
                sending.sendTemplate(
                    a.conversation,
                    key(),
                    "spring_sale",
                    "en_US",
                    List.of(),
                    List.of("Ana", "20%"),
                    Map.of()));
    assertThat(marketing.refusal().code()).isEqualTo(RefusalCode.CONTACT_OPTED_OUT);
    assertThat(marketing.refusal().reason()).contains("marketing");
    assertThat(as(a.tenant, () -> sending.sendText(a.conversation, key(), "Noted.")).isQueued())
        .as("an answer inside the window still goes")
        .isTrue();

    customerWrites(a.tenant, a.connectionId, a.pnid, a.waId, "START", Instant.now());
    awaitSentBody(a.pnid, "subscribed again");
    assertThat(
            as(
                    a.tenant,
                    () ->
                        sending.sendTemplate(
                            a.conversation,
                            key(),
                            "spring_sale",
                            "en_US",
                            List.of(),
                            List.of("Ana", "20%"),
                            Map.of()))
                .isQueued())
        .isTrue();
    assertThat(longValue("select count(*) from consent_event where tenant_id = ?", a.tenant))
        .isEqualTo(4);
  }

  @Test
  void error131050SuppressesMarketingToThatContact() {
    approvedTemplate(a, "flash_sale", Category.MARKETING);
    sim.metaError(131050, "POST", a.pnid + "/messages$");
    SendResult first =
        as(
            a.tenant,
            () ->
                sending.sendTemplate(
                    a.conversation,
                    key(),
                    "flash_sale",
                    "en_US",
                    List.of(),
                    List.of("Ana", "30%"),
                    Map.of()));
    Outcome failed = await(a.tenant, first.messageId(), o -> o.status() == MessageStatus.FAILED);
    assertThat(failed.errorCode()).isEqualTo(131050);
    assertThat(failed.attempts()).isZero();
    assertThat(
            rows(
                "select category, granted, source from consent_event where tenant_id = ?",
                a.tenant))
        .extracting(r -> r.get(0) + "/" + r.get(1) + "/" + r.get(2))
        .containsExactly("MARKETING/0/META_131050");
    SendResult next =
        as(
            a.tenant,
            () ->
                sending.sendTemplate(
                    a.conversation,
                    key(),
                    "flash_sale",
                    "en_US",
                    List.of(),
                    List.of("Ana", "30%"),
                    Map.of()));
    assertThat(next.refusal().code()).isEqualTo(RefusalCode.CONTACT_OPTED_OUT);
  }

  @Test
  void transientErrorsAreRetriedThenSentOnce() {
    sim.httpStatus(503, "POST", a.pnid + "/messages$");
    sim.metaError(130429, "POST", a.pnid + "/messages$");
    sim.metaError(131000, "POST", a.pnid + "/messages$");
    SendResult r = as(a.tenant, () -> sending.sendText(a.conversation, key(), "Eventually"));
    Outcome sent = await(a.tenant, r.messageId(), o -> o.wamid() != null);
    assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(bodies(a.pnid)).containsExactly("Eventually");
    assertThat(messageCalls(a.pnid)).isEqualTo(4);
    assertThat(
            longValue(
                "select throttled from send_pace where tenant_id = ? and connection_id = ?",
                a.tenant,
                a.connectionId))
        .as("130429 slowed the number")
        .isEqualTo(1);
  }

  @Test
  void oneCustomersMessagesKeepTheirOrderThroughRetries() {
    sim.httpStatus(503, "POST", a.pnid + "/messages$");
    sim.metaError(131056, "POST", a.pnid + "/messages$");
    SendResult first = as(a.tenant, () -> sending.sendText(a.conversation, key(), "first"));
    pause(300);
    SendResult second = as(a.tenant, () -> sending.sendText(a.conversation, key(), "second"));
    SendResult third = as(a.tenant, () -> sending.sendText(a.conversation, key(), "third"));
    await(a.tenant, first.messageId(), o -> o.wamid() != null);
    await(a.tenant, second.messageId(), o -> o.wamid() != null);
    await(a.tenant, third.messageId(), o -> o.wamid() != null);
    assertThat(bodies(a.pnid)).containsExactly("first", "second", "third");
  }

  @Test
  void aPermanentErrorFailsWithMetasCodeAndNoRetry() {
    sim.metaError(131026, "POST", a.pnid + "/messages$");
    SendResult r = as(a.tenant, () -> sending.sendText(a.conversation, key(), "Unreachable"));
    Outcome failed = await(a.tenant, r.messageId(), o -> o.status() == MessageStatus.FAILED);
    assertThat(failed.errorCode()).isEqualTo(131026);
    assertThat(failed.sending()).isEqualTo(OutboxEntry.State.FAILED);
    assertThat(failed.reason()).contains("cannot receive");
    pause(2500);
    assertThat(messageCalls(a.pnid)).isEqualTo(1);
    assertThat(sim.sent(a.pnid)).isEmpty();
  }

  @Test
  void anExpiredTokenStopsSendingUntilReconnected() {
    sim.metaError(190, "POST", a.pnid + "/messages$");
    SendResult r = as(a.tenant, () -> sending.sendText(a.conversation, key(), "Token?"));
    await(a.tenant, r.messageId(), o -> o.status() == MessageStatus.FAILED);
    assertThat(as(a.tenant, () -> connections.find(a.connectionId)).orElseThrow().getStatus())
        .isEqualTo(WhatsAppConnection.Status.RECONNECT_NEEDED);
    SendResult next = as(a.tenant, () -> sending.sendText(a.conversation, key(), "Again?"));
    assertThat(next.refusal().code()).isEqualTo(RefusalCode.CONNECTION_NOT_CONNECTED);
    assertThat(next.refusal().reason()).contains("Reconnect");
  }

  @Test
  void aTimeoutIsUnknownNotResentAndReconciledFromStatuses() {
    sim.delay(4500, "POST", a.pnid + "/messages$");
    SendResult r = as(a.tenant, () -> sending.sendText(a.conversation, key(), "Did it arrive?"));
    Outcome unknown = await(a.tenant, r.messageId(), o -> o.sending() == OutboxEntry.State.UNKNOWN);
    assertThat(unknown.status()).isEqualTo(MessageStatus.PENDING);
    assertThat(unknown.reason()).contains("may have gone out");
    pause(3000);
    assertThat(bodies(a.pnid)).as("accepted once by Meta, never resent").hasSize(1);
    assertThat(messageCalls(a.pnid)).isEqualTo(1);

    String wamid = sim.sent(a.pnid).getJsonObject(0).getString("wamid");
    status(a, wamid, "delivered");
    assertThat(timer.reconcile()).isPositive();
    Outcome reconciled = outcome(a.tenant, r.messageId());
    assertThat(reconciled.wamid()).isEqualTo(wamid);
    assertThat(reconciled.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(reconciled.sending()).isEqualTo(OutboxEntry.State.SENT);
  }

  @Test
  void thePacingLimitIsNeverExceeded() {
    as(
        a.tenant,
        () -> {
          deliveries.setThroughput(a.connectionId, 5);
          return null;
        });
    sim.number(a.pnid, Json.createObjectBuilder().add("throughput_per_second", 5).build());
    List<Long> ids = new ArrayList<>();
    Instant start = Instant.now();
    for (int i = 0; i < 20; i++) {
      int n = i;
      ids.add(
          as(a.tenant, () -> sending.sendText(a.conversation, key(), "paced " + n)).messageId());
    }
    for (long id : ids) {
      await(a.tenant, id, o -> o.wamid() != null);
    }
    Duration took = Duration.between(start, Instant.now());
    JsonArray sent = sim.sent(a.pnid);
    assertThat(sent).hasSize(20);
    List<Instant> at = new ArrayList<>();
    for (JsonValue v : sent) {
      at.add(Instant.parse(v.asJsonObject().getString("at")));
    }
    at.sort(null);
    for (int i = 0; i + 5 < at.size(); i++) {
      assertThat(Duration.between(at.get(i), at.get(i + 5)))
          .as("six sends within one second at %s", at.get(i))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    // What must hold is above: every message accepted once and no second of the simulator's
    // record of accepted calls above the limit. A refused call (130429) is retried after a
    // back-off, so nothing is lost; the sender's 4 % margin tolerates 40 ms of arrival jitter per
    // second, which a loaded 2-core machine running the simulator beside the server sometimes
    // exceeds (2 refusals in 20 once): a few are tolerated here, a pacing bug would cause many.
    assertThat(errorCalls(a.pnid, 130429)).isLessThanOrEqualTo(3);
    assertThat(took).isGreaterThan(Duration.ofMillis(3700));
  }

  @Test
  void answersStoredTogetherGiveEachMessageItsOwnWamid() {
    // Ten customers of one number, one text each, queued at once: the lane sends them in one
    // block and stores Meta's answers together (one statement per table for the block).
    Map<Long, String> recipientOf = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      String waId = "49152" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
      customerWrites(a.tenant, a.connectionId, a.pnid, waId, "Where is parcel " + i, Instant.now());
      long conversation =
          longValue(
              "select c.id from conversation c join contact k on k.id = c.contact_id"
                  + " where c.tenant_id = ? and k.wa_id = ?",
              a.tenant,
              waId);
      int n = i;
      long id =
          as(
                  a.tenant,
                  () -> sending.sendText(conversation, key(), "Parcel " + n + " is on its way"))
              .messageId();
      recipientOf.put(id, waId);
    }
    Map<String, String> wamidAtMetaFor = new HashMap<>();
    for (Long id : recipientOf.keySet()) {
      await(a.tenant, id, o -> o.wamid() != null);
    }
    for (JsonValue v : sim.sent(a.pnid)) {
      JsonObject sent = v.asJsonObject();
      wamidAtMetaFor.put(sent.getJsonObject("request").getString("to"), sent.getString("wamid"));
    }
    recipientOf.forEach(
        (id, waId) -> {
          Outcome o = outcome(a.tenant, id);
          assertThat(o.wamid())
              .as("message %d to %s", id, waId)
              .isEqualTo(wamidAtMetaFor.get(waId));
          assertThat(o.status()).isEqualTo(MessageStatus.SENT);
          assertThat(o.sending()).isEqualTo(OutboxEntry.State.SENT);
        });
    assertThat(
            longValue(
                "select count(*) from outbox where tenant_id = ? and state = 'SENT'"
                    + " and lease_owner is null and outcome = 'accepted by Meta' and message_id in ("
                    + String.join(", ", recipientOf.keySet().stream().map(String::valueOf).toList())
                    + ")",
                a.tenant))
        .as("every row done, its lease given back")
        .isEqualTo(10L);
  }

  @Test
  void concurrentDrainersNeverSendOneRowTwice() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int n = i;
      ids.add(as(a.tenant, () -> sending.sendText(a.conversation, key(), "row " + n)).messageId());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> drains = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      drains.add(pool.submit(() -> sender.drainOnce()));
    }
    for (Future<Integer> f : drains) {
      f.get();
    }
    pool.shutdown();
    for (long id : ids) {
      await(a.tenant, id, o -> o.wamid() != null);
    }
    List<String> bodies = bodies(a.pnid);
    assertThat(bodies).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void mediaIsUploadedThenSentById() {
    byte[] png = new byte[2048];
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[2] = 'N';
    png[3] = 'G';
    SendResult r =
        as(
            a.tenant,
            () ->
                uploads.send(
                    a.conversation,
                    key(),
                    Attachment.of(png, "photo.png", "image/png", "Your parcel")));
    assertThat(r.isQueued()).isTrue();
    await(a.tenant, r.messageId(), o -> o.wamid() != null);
    JsonObject request = sim.sent(a.pnid).getJsonObject(0).getJsonObject("request");
    assertThat(request.getString("type")).isEqualTo("image");
    assertThat(request.getJsonObject("image").getString("id")).isNotBlank();
    assertThat(request.getJsonObject("image").getString("caption")).isEqualTo("Your parcel");

    SendResult refused =
        as(
            a.tenant,
            () -> uploads.send(a.conversation, key(), Attachment.of(png, "x", "not a type", null)));
    assertThat(refused.refusal().code()).isEqualTo(RefusalCode.INVALID_MESSAGE);
  }

  @Test
  void buttonsListsLocationAndReactionsGo() {
    long inboundId =
        longValue(
            "select id from message where tenant_id = ? and conversation_id = ? and direction = 'INBOUND'",
            a.tenant,
            a.conversation);
    List<Long> ids = new ArrayList<>();
    ids.add(
        as(
                a.tenant,
                () ->
                    richSending.send(
                        a.conversation,
                        key(),
                        new OutgoingContent.Buttons(
                            "Ready?", List.of(new OutgoingContent.Button("y", "Yes")), null)))
            .messageId());
    ids.add(
        as(
                a.tenant,
                () ->
                    richSending.send(
                        a.conversation,
                        key(),
                        new OutgoingContent.Location(52.52, 13.405, "Shop", "Alexanderplatz 1")))
            .messageId());
    ids.add(
        as(a.tenant, () -> richSending.sendReaction(a.conversation, key(), inboundId, "👍"))
            .messageId());
    for (long id : ids) {
      await(a.tenant, id, o -> o.wamid() != null);
    }
    assertThat(sim.sent(a.pnid))
        .extracting(v -> v.asJsonObject().getString("type"))
        .containsExactlyInAnyOrder("interactive", "location", "reaction");
  }

  @Test
  void markReadTellsMetaAndClearsTheUnreadCount() {
    assertThat(as(a.tenant, () -> receipts.markRead(a.conversation))).isEmpty();
    assertThat(
            as(a.tenant, () -> conversations.find(a.conversation))
                .orElseThrow()
                .conversation()
                .getUnreadCount())
        .isZero();
    String inboundWamid =
        string(
            "select wamid from message where conversation_id = ? and direction = 'INBOUND'",
            a.conversation);
    assertThat(readCalls(a.pnid)).isEqualTo(1);
    assertThat(inboundWamid).isNotBlank();
  }

  @Test
  void anotherTenantCannotSendIntoAConversationNorUseItsKey() {
    String k = key();
    SendResult mine = as(a.tenant, () -> sending.sendText(a.conversation, k, "For A's customer"));
    Number b = number("B");
    SendResult intoA = as(b.tenant, () -> sending.sendText(a.conversation, key(), "Intruder"));
    assertThat(intoA.refusal().code()).isEqualTo(RefusalCode.CONVERSATION_NOT_FOUND);
    SendResult sameKey =
        as(b.tenant, () -> sending.sendText(b.conversation, k, "For A's customer"));
    assertThat(sameKey.isQueued()).isTrue();
    assertThat(sameKey.duplicate()).isFalse();
    assertThat(sameKey.messageId()).isNotEqualTo(mine.messageId());
    assertThat(as(b.tenant, () -> deliveries.outcome(mine.messageId()))).isEmpty();
    assertThat(as(b.tenant, () -> receipts.markRead(a.conversation)).get().code())
        .isEqualTo(RefusalCode.CONVERSATION_NOT_FOUND);
    await(b.tenant, sameKey.messageId(), o -> o.wamid() != null);
    await(a.tenant, mine.messageId(), o -> o.wamid() != null);
    assertThat(bodies(a.pnid)).containsExactly("For A's customer");
    assertThat(sim.sent(b.pnid).getJsonObject(0).getJsonObject("request").getString("to"))
        .isEqualTo(b.waId);
  }

  // --- helpers ---

  MessageTemplate approvedTemplate(Number n, String name, Category category) {
    numbers.approveTemplate(n.line(), name, category);
    return template(n, name);
  }

  MessageTemplate template(Number n, String name) {
    return as(n.tenant, () -> templates.of(n.connectionId)).stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  void customerWrites(
      long tenant, long connectionId, String pnid, String waId, String text, Instant at) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", waId)
            .add("id", "wamid.IN" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(at.getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", text))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(pnid, waId, "Ana", message);
    apply(tenant, connectionId, value);
  }

  void status(Number n, String wamid, String status) {
    JsonObject value =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("display_phone_number", "15550001111")
                    .add("phone_number_id", n.pnid))
            .add(
                "statuses",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", wamid)
                            .add("status", status)
                            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
                            .add("recipient_id", n.waId)))
            .build();
    apply(n.tenant, n.connectionId, value);
  }

  void apply(long tenant, long connectionId, JsonObject value) {
    as(
        tenant,
        () -> {
          List<RoutedChange> routed = InboundWebhooks.routed(connectionId, value);
          inbound.apply(routed);
          return null;
        });
  }

  Outcome outcome(long tenant, long messageId) {
    return as(tenant, () -> deliveries.outcome(messageId)).orElseThrow();
  }

  Outcome await(long tenant, long messageId, Predicate<Outcome> done) {
    Instant deadline = Instant.now().plusSeconds(30);
    Outcome last = null;
    while (Instant.now().isBefore(deadline)) {
      last = outcome(tenant, messageId);
      if (done.test(last)) {
        return last;
      }
      pause(100);
    }
    throw new AssertionError("not reached within 30 s: " + last);
  }

  void awaitSentBody(String pnid, String part) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (bodies(pnid).stream().anyMatch(b -> b.contains(part))) {
        return;
      }
      pause(100);
    }
    throw new AssertionError("no message containing '" + part + "' sent: " + bodies(pnid));
  }

  List<String> bodies(String pnid) {
    List<String> bodies = new ArrayList<>();
    for (JsonValue v : sim.sent(pnid)) {
      JsonObject request = v.asJsonObject().getJsonObject("request");
      if (request.containsKey("text")) {
        bodies.add(request.getJsonObject("text").getString("body"));
      }
    }
    return bodies;
  }

  long messageCalls(String pnid) {
    return calls(pnid).stream().filter(c -> c.getString("method").equals("POST")).count()
        - readCalls(pnid);
  }

  long readCalls(String pnid) {
    // A mark-as-read is a POST to the same path; the simulator records it separately.
    return sim.calls().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("path").endsWith(pnid + "/messages"))
            .filter(c -> c.getInt("status") == 200)
            .count()
        - sim.sent(pnid).size();
  }

  long errorCalls(String pnid, int code) {
    return calls(pnid).stream()
        .filter(c -> c.containsKey("error_code") && c.getInt("error_code") == code)
        .count();
  }

  List<JsonObject> calls(String pnid) {
    return sim.calls().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("path").endsWith(pnid + "/messages"))
        .toList();
  }

  static JsonObject last(JsonArray a) {
    return a.getJsonObject(a.size() - 1);
  }

  static String key() {
    return "it-" + UUID.randomUUID();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static long longValue(String sql, Object... params) {
    String v = string(sql, params);
    return v == null ? -1 : Long.parseLong(v);
  }

  static String string(String sql, Object... params) {
    List<List<String>> rows = rows(sql, params);
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  static List<List<String>> rows(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
        return out;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @SuppressWarnings("unused")
  private static Optional<String> none() {
    return Optional.empty();
  }
}
