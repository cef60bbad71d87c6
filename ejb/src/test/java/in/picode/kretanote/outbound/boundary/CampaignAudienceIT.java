package in.picode.kretanote.outbound.boundary;

import static in.picode.kretanote.outbound.boundary.CampaignIT.awaitTrue;
import static in.picode.kretanote.outbound.boundary.CampaignIT.longValue;
import static in.picode.kretanote.outbound.boundary.CampaignIT.recipients;
import static in.picode.kretanote.outbound.boundary.CampaignIT.state;
import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.inbound.boundary.InboundChanges;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.messaging.boundary.Labels;
import in.picode.kretanote.outbound.boundary.CampaignSegment.Activity;
import in.picode.kretanote.outbound.boundary.CampaignSegment.Condition;
import in.picode.kretanote.outbound.boundary.CampaignSegment.Op;
import in.picode.kretanote.outbound.boundary.ValueMapping.Source;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.testing.InboundWebhooks;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatedNumbers.Number;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Campaign segments (tags any/all/none, labels, custom-field conditions, consent, last activity),
 * per-recipient values with fallbacks, the test send and the inbox staying quiet until a customer
 * answers, against the Meta simulator. What reached "Meta" is read from the simulator's record.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignAudienceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("campaign-audience");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject Contacts contacts;
  @Inject Consents consents;
  @Inject Campaigns campaigns;
  @Inject CampaignDrafts drafts;
  @Inject Conversations conversations;
  @Inject Labels labels;
  @Inject InboundChanges inbound;
  @Inject Inbox inbox;

  @Test
  void eachRecipientGetsItsOwnValuesWithFallbacksAndTheInboxStaysQuietUntilTheyAnswer() {
    SimulatorControl sim = SimulatorControl.fromServerConfig();
    Number n = numbers.connect("Audience", "values", "+1 555 0430");
    numbers.approveTemplate(n, "personal_news", Category.MARKETING);
    CustomField city = as(n.tenant(), () -> contacts.defineField("City", CustomField.Type.TEXT));
    Contact ana = contact(n, "Ana Lima", "news");
    Contact nameless = contact(n, null, "news");
    Contact left = contact(n, "Bea Out", "news", "stop");
    as(
        n.tenant(),
        () -> {
          contacts.setField(ana.getId(), city.getId(), "Lisbon");
          return null;
        });
    Campaign c =
        create(
            n,
            "personal_news",
            List.of(
                new ValueMapping(Source.FIRST_NAME, null, null, "friend"),
                new ValueMapping(Source.CUSTOM_FIELD, null, city.getId(), "your city")),
            segment(List.of("news"), List.of(), List.of("stop"), List.of(), List.of(), false));
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed");

    Map<String, String> bodies = bodies(sim.sent(n.pnid()));
    assertThat(bodies).containsOnlyKeys(ana.getWaId(), nameless.getWaId());
    assertThat(bodies.get(ana.getWaId())).isEqualTo("Ana|Lisbon");
    assertThat(bodies.get(nameless.getWaId())).isEqualTo("friend|your city");
    assertThat(bodies).doesNotContainKey(left.getWaId());

    // The campaign's conversations exist (the history) but no inbox list or counter shows them.
    long owner = 0;
    assertThat(inboxContacts(n, owner)).doesNotContain(ana.getWaId(), nameless.getWaId());
    assertThat(longValue("select count(*) from conversation where tenant_id = ?", n.tenant()))
        .isEqualTo(2);
    // Ana answers: her conversation enters the inbox, the other stays out.
    customerWrites(n, ana);
    assertThat(inboxContacts(n, owner)).contains(ana.getWaId()).doesNotContain(nameless.getWaId());
  }

  @Test
  void segmentsCombineTagsLabelsFieldsConsentAndActivityAndNeverReachAnotherTenant() {
    Number n = numbers.connect("Audience", "segments", "+1 555 0431");
    Number other = numbers.connect("Audience", "other", "+1 555 0432");
    CustomField score =
        as(n.tenant(), () -> contacts.defineField("Score", CustomField.Type.NUMBER));
    CustomField since = as(n.tenant(), () -> contacts.defineField("Since", CustomField.Type.DATE));
    Contact c1 = contact(n, "One", "a", "b");
    Contact c2 = contact(n, "Two", "a");
    Contact c3 = contact(n, "Three", "b", "x");
    Contact c4 = contact(n, "Four");
    Contact c5 = contact(n, "Five", "a", "x");
    contact(other, "Stranger", "a", "b");
    contact(other, "Stranger 2", "a");
    field(n, c1, score, "10");
    field(n, c2, score, "3");
    field(n, c1, since, "2025-01-31");
    field(n, c5, since, "2026-06-01");
    as(
        n.tenant(),
        () -> {
          consents.change(
              c1.getId(), Category.MARKETING, true, ConsentEvent.Source.AGENT, null, "form");
          return null;
        });
    // Four wrote today, and their conversation carries the label "hot".
    long conversation = customerWrites(n, c4);
    as(
        n.tenant(),
        () -> {
          conversations.label(conversation, "hot");
          return null;
        });
    long hot = as(n.tenant(), () -> labels.all().get(0).label().getId());

    assertThat(
            count(n, segment(List.of("a", "b"), List.of(), List.of(), List.of(), List.of(), false)))
        .as("any of a, b")
        .isEqualTo(4);
    assertThat(
            count(n, segment(List.of(), List.of("a", "b"), List.of(), List.of(), List.of(), false)))
        .as("all of a, b")
        .isEqualTo(1);
    assertThat(
            count(
                n,
                segment(List.of("a", "b"), List.of(), List.of("x"), List.of(), List.of(), false)))
        .as("a or b but not x")
        .isEqualTo(2);
    assertThat(count(n, segment(List.of(), List.of(), List.of(), List.of(hot), List.of(), false)))
        .isEqualTo(1);
    assertThat(count(n, cond(new Condition(score.getId(), null, Op.GREATER, "5"))))
        .as("10 > 5, and 3 is not (numbers, not text: '10' < '5')")
        .isEqualTo(1);
    assertThat(count(n, cond(new Condition(score.getId(), null, Op.LESS, "5.0")))).isEqualTo(1);
    assertThat(count(n, cond(new Condition(score.getId(), null, Op.IS_SET, null)))).isEqualTo(2);
    assertThat(count(n, cond(new Condition(score.getId(), null, Op.EQUALS, "10.00")))).isEqualTo(1);
    assertThat(count(n, cond(new Condition(since.getId(), null, Op.GREATER, "2026-01-01"))))
        .isEqualTo(1);
    assertThat(
            count(
                n,
                segment(
                    List.of("a"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(new Condition(score.getId(), null, Op.IS_EMPTY, null)),
                    false)))
        .as("tag a without a score: Five")
        .isEqualTo(1);
    assertThat(count(n, segment(List.of("a"), List.of(), List.of(), List.of(), List.of(), true)))
        .isEqualTo(1);
    assertThat(
            count(
                n,
                new CampaignSegment(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    false,
                    new Activity(true, 7))))
        .isEqualTo(1);
    assertThat(
            count(
                n,
                new CampaignSegment(
                    List.of("a"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    false,
                    new Activity(false, 7))))
        .isEqualTo(3);

    // The other tenant's tag and label are unknown here; its contacts are never counted.
    CampaignDrafts.Count stranger =
        as(
            other.tenant(),
            () ->
                drafts.preview(
                    segment(
                        List.of("a", "x"), List.of(), List.of(), List.of(hot), List.of(), false)));
    assertThat(stranger.problems())
        .anyMatch(p -> p.contains("\u201cx\u201d"))
        .anyMatch(p -> p.contains("no label with id " + hot));
    assertThat(
            as(
                    other.tenant(),
                    () ->
                        drafts.preview(
                            segment(
                                List.of("a"), List.of(), List.of(), List.of(), List.of(), false)))
                .contacts())
        .isEqualTo(2);
    assertThat(c3.getId()).isPositive();
  }

  @Test
  void badInputIsRefusedWithEveryProblemAtOnceAndNothingIsCreated() {
    Number n = numbers.connect("Audience", "bad", "+1 555 0433");
    Number other = numbers.connect("Audience", "bad-other", "+1 555 0434");
    numbers.approveTemplate(n, "bad_news", Category.MARKETING);
    CustomField note = as(n.tenant(), () -> contacts.defineField("Note", CustomField.Type.TEXT));
    CustomField theirs =
        as(other.tenant(), () -> contacts.defineField("Theirs", CustomField.Type.NUMBER));
    contact(n, "Some", "known");
    Contact them = contact(other, "Them", "their-tag");
    long theirConversation = customerWrites(other, them);
    as(
        other.tenant(),
        () -> {
          conversations.label(theirConversation, "their-label");
          return null;
        });
    long theirLabel = as(other.tenant(), () -> labels.all().get(0).label().getId());

    assertThatThrownBy(
            () ->
                create(
                    n,
                    "bad_news",
                    List.of(new ValueMapping(Source.CUSTOM_FIELD, null, theirs.getId(), "x")),
                    segment(
                        List.of("known", "their-tag"),
                        List.of(),
                        List.of(),
                        List.of(theirLabel),
                        List.of(
                            new Condition(note.getId(), null, Op.GREATER, "5"),
                            new Condition(theirs.getId(), null, Op.EQUALS, "1")),
                        false)))
        .isInstanceOfSatisfying(
            CampaignProblemsException.class,
            e ->
                assertThat(e.getProblems())
                    .anyMatch(p -> p.contains("Placeholder {{2}} has no value"))
                    .anyMatch(
                        p ->
                            p.contains("{{1}}: there is no custom field with id " + theirs.getId()))
                    .anyMatch(p -> p.contains("No contact has the tag \u201ctheir-tag\u201d"))
                    .anyMatch(p -> p.contains("no label with id " + theirLabel))
                    .anyMatch(p -> p.contains("no custom field with id " + theirs.getId()))
                    .anyMatch(p -> p.contains("number and date fields only")));
    assertThatThrownBy(
            () ->
                create(
                    n,
                    "bad_news",
                    List.of(ValueMapping.text("a"), ValueMapping.text("b")),
                    cond(new Condition(note.getId(), null, Op.EQUALS, "nobody has this"))))
        .hasMessageContaining("No contact matches");
    assertThatThrownBy(
            () ->
                create(
                    n,
                    "bad_news",
                    List.of(new ValueMapping(Source.NAME, null, null, " "), ValueMapping.text("")),
                    segment(List.of("known"), List.of(), List.of(), List.of(), List.of(), false)))
        .hasMessageContaining("{{1}}: give a fallback")
        .hasMessageContaining("{{2}}: give the text");
    assertThat(longValue("select count(*) from campaign where tenant_id = ?", n.tenant())).isZero();
  }

  @Test
  void aTestSendGoesThroughTheGuardToOneNumberAndIsNoRecipient() {
    SimulatorControl sim = SimulatorControl.fromServerConfig();
    Number n = numbers.connect("Audience", "test", "+1 555 0435");
    numbers.approveTemplate(n, "test_news", Category.MARKETING);
    String phone = "49171" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    List<ValueMapping> mapping =
        List.of(
            new ValueMapping(Source.FIRST_NAME, null, null, "colleague"),
            ValueMapping.text("tests"));
    SendResult r =
        as(
            n.tenant(),
            () -> drafts.testSend(n.connectionId(), "test_news", "en_US", mapping, "+" + phone));
    assertThat(r.isQueued()).isTrue();
    SendResult again =
        as(
            n.tenant(),
            () -> drafts.testSend(n.connectionId(), "test_news", "en_US", mapping, "+" + phone));
    assertThat(again.messageId()).as("a double click is one message").isEqualTo(r.messageId());
    awaitTrue(() -> sim.sent(n.pnid()).size() >= 1, "the test send");
    CampaignIT.pause(1000);
    assertThat(recipients(sim.sent(n.pnid()))).containsExactly(phone);
    assertThat(bodies(sim.sent(n.pnid())).get(phone)).isEqualTo("colleague|tests");
    assertThat(longValue("select count(*) from campaign_recipient where tenant_id = ?", n.tenant()))
        .isZero();
    assertThat(
            longValue(
                "select count(*) from outbox where tenant_id = ? and campaign_id is null",
                n.tenant()))
        .isEqualTo(1);
    // A marketing template to a number that opted out is refused by the guard, as any send.
    assertThatThrownBy(
            () ->
                as(
                    n.tenant(),
                    () ->
                        drafts.testSend(
                            n.connectionId(), "test_news", "en_US", mapping, "not a number")))
        .hasMessageContaining("Test number");
    assertThatThrownBy(
            () ->
                as(
                    n.tenant(),
                    () ->
                        drafts.testSend(
                            n.connectionId(),
                            "test_news",
                            "en_US",
                            List.of(ValueMapping.text("one")),
                            "+" + phone)))
        .hasMessageContaining("Placeholder {{2}} has no value");
  }

  // --- helpers ---

  Contact contact(Number n, String name, String... tags) {
    String waId = "49170" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    Contact k = as(n.tenant(), () -> contacts.create(null, waId, name));
    for (String t : tags) {
      as(
          n.tenant(),
          () -> {
            contacts.tag(k.getId(), t);
            return null;
          });
    }
    return k;
  }

  void field(Number n, Contact c, CustomField f, String value) {
    as(
        n.tenant(),
        () -> {
          contacts.setField(c.getId(), f.getId(), value);
          return null;
        });
  }

  /** A customer's message as the webhook delivers it, through the inbound feature. */
  long customerWrites(Number n, Contact c) {
    JsonObject message =
        Json.createObjectBuilder()
            .add("from", c.getWaId())
            .add("id", "wamid.CA" + UUID.randomUUID().toString().replace("-", ""))
            .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
            .add("type", "text")
            .add("text", Json.createObjectBuilder().add("body", "hello"))
            .build();
    JsonObject value = InboundWebhooks.customerMessage(n.pnid(), c.getWaId(), "Customer", message);
    as(
        n.tenant(),
        () -> {
          inbound.apply(InboundWebhooks.routed(n.connectionId(), value));
          return null;
        });
    return longValue(
        "select id from conversation where tenant_id = ? and contact_id = ?",
        n.tenant(),
        c.getId());
  }

  static CampaignSegment segment(
      List<String> any,
      List<String> all,
      List<String> none,
      List<Long> labelIds,
      List<Condition> conditions,
      boolean consent) {
    return new CampaignSegment(any, all, none, labelIds, conditions, consent, null);
  }

  static CampaignSegment cond(Condition c) {
    return segment(List.of(), List.of(), List.of(), List.of(), List.of(c), false);
  }

  long count(Number n, CampaignSegment s) {
    CampaignDrafts.Count c = as(n.tenant(), () -> drafts.preview(s));
    assertThat(c.problems()).isEmpty();
    return c.contacts();
  }

  Campaign create(Number n, String template, List<ValueMapping> mapping, CampaignSegment s) {
    return as(
        n.tenant(),
        () ->
            campaigns.create(
                new Campaigns.Draft(
                    "Audience",
                    n.connectionId(),
                    template,
                    "en_US",
                    List.of(),
                    null,
                    false,
                    mapping,
                    s),
                null));
  }

  List<String> inboxContacts(Number n, long userId) {
    return as(
            n.tenant(),
            () -> inbox.page(userId, Inbox.Owner.ALL, Inbox.State.ANY, null, null, null, 100))
        .stream()
        .map(InboxRow::waId)
        .toList();
  }

  /** The body parameters each recipient got, joined with "|", by recipient. */
  static Map<String, String> bodies(JsonArray sent) {
    Map<String, String> out = new HashMap<>();
    for (JsonValue v : sent) {
      JsonObject request = v.asJsonObject().getJsonObject("request");
      StringBuilder b = new StringBuilder();
      for (JsonValue comp : request.getJsonObject("template").getJsonArray("components")) {
        if ("body".equals(comp.asJsonObject().getString("type"))) {
          for (JsonValue p : comp.asJsonObject().getJsonArray("parameters")) {
            b.append(b.isEmpty() ? "" : "|").append(p.asJsonObject().getString("text"));
          }
        }
      }
      out.put(request.getString("to"), b.toString());
    }
    return out;
  }
}
