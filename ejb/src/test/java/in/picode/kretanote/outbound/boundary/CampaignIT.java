package in.picode.kretanote.outbound.boundary;

import static in.picode.kretanote.testing.SimulatedNumbers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatedNumbers;
import in.picode.kretanote.testing.SimulatedNumbers.Number;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Campaigns against the Meta simulator with the campaign timer and the outbox sender running: what
 * reaches "Meta" is read from the simulator's record of sends, what the tenant sees from the
 * campaign's progress and recipient rows.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("campaigns");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject SimulatedNumbers numbers;
  @Inject Templates templates;
  @Inject Contacts contacts;
  @Inject Consents consents;
  @Inject Campaigns campaigns;
  @Inject CampaignRunner runner;
  @Inject Sending sending;
  @Inject SendOutcomes deliveries;

  SimulatorControl sim;

  record Customer(long id, String waId) {}

  @BeforeEach
  void setUp() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
  }

  // --- the tests ---

  @Test
  void aCampaignToATagSendsOncePerContactEvenWhenEnqueuedTwiceOrAfterACrash() {
    Number n = number("tag");
    approvedTemplate(n, "spring_news");
    List<Customer> vip = customers(n, 3, "vip");
    Customer other = customers(n, 1, "wholesale").get(0);
    Campaign c =
        create(n, "Spring news", "spring_news", List.of("friend", "the spring sale"), "vip");
    assertThat(c.getState()).isEqualTo(Campaign.State.DRAFT);
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    // Two extra rounds beside the timer's: the idempotency key keeps it to one message each.
    as(n.tenant(), () -> runner.round(c.getId(), Instant.now()));
    as(n.tenant(), () -> runner.round(c.getId(), Instant.now()));
    awaitTrue(() -> sim.sent(n.pnid()).size() >= 3, "three sends");

    // A round that died after the outbox commit but before its own: the recipient still QUEUED.
    update(
        "update campaign_recipient set state = 'QUEUED', message_id = null"
            + " where tenant_id = ? and campaign_id = ? and contact_id = ?",
        n.tenant(),
        c.getId(),
        vip.get(0).id());
    // With a recipient left QUEUED the campaign cannot have completed; the timer's next round may
    // have completed it before the line above, so it is running again, as after a real crash.
    update(
        "update campaign set state = 'RUNNING', finished_at = null"
            + " where tenant_id = ? and id = ? and state = 'COMPLETED'",
        n.tenant(),
        c.getId());
    as(n.tenant(), () -> runner.round(c.getId(), Instant.now()));
    awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed");
    pause(1500);

    JsonArray sent = sim.sent(n.pnid());
    assertThat(recipients(sent))
        .containsExactlyInAnyOrder(vip.get(0).waId(), vip.get(1).waId(), vip.get(2).waId())
        .doesNotContain(other.waId());
    JsonObject request = sent.getJsonObject(0).getJsonObject("request");
    assertThat(request.getJsonObject("template").getString("name")).isEqualTo("spring_news");
    assertThat(request.toString()).contains("the spring sale");
    assertThat(
            longValue(
                "select count(*) from outbox where tenant_id = ? and campaign_id = ?",
                n.tenant(),
                c.getId()))
        .isEqualTo(3);
    assertThat(
            longValue(
                "select count(*) from campaign_recipient where tenant_id = ? and campaign_id = ?"
                    + " and state = 'SENT' and message_id is not null",
                n.tenant(),
                c.getId()))
        .as("the crashed recipient found its first message again")
        .isEqualTo(3);
    Campaigns.Progress p = as(n.tenant(), () -> campaigns.progress(c.getId()));
    assertThat(p.getTotal()).isEqualTo(3);
    assertThat(p.getSent()).isEqualTo(3);
    List<CampaignRecipientView> outcomes =
        as(n.tenant(), () -> campaigns.recipients(c.getId(), 0, 100));
    assertThat(outcomes).extracting(CampaignRecipientView::phone).hasSize(3);
  }

  @Test
  void optedOutAndAutomationOptedOutContactsAreSkippedWithReasons() {
    Number n = number("skips");
    approvedTemplate(n, "autumn_news");
    List<Customer> list = customers(n, 3, "news");
    as(
        n.tenant(),
        () ->
            consents.change(
                list.get(0).id(),
                Category.MARKETING,
                false,
                ConsentEvent.Source.AGENT,
                null,
                "asked by phone"));
    update(
        "update contact set automation_opt_out = true where tenant_id = ? and id = ?",
        n.tenant(),
        list.get(1).id());
    Campaign c = create(n, "Autumn", "autumn_news", List.of("you", "autumn"), "news");
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed");
    pause(1000);

    assertThat(recipients(sim.sent(n.pnid()))).containsExactly(list.get(2).waId());
    List<CampaignRecipientView> outcomes =
        as(n.tenant(), () -> campaigns.recipients(c.getId(), 0, 100));
    CampaignRecipientView optedOut = of(outcomes, list.get(0));
    assertThat(optedOut.state()).isEqualTo(CampaignRecipientView.State.SKIPPED);
    assertThat(optedOut.reason()).contains("opted out of marketing");
    CampaignRecipientView objected = of(outcomes, list.get(1));
    assertThat(objected.state()).isEqualTo(CampaignRecipientView.State.SKIPPED);
    assertThat(objected.reason()).contains("automated processing");
    Campaigns.Progress p = as(n.tenant(), () -> campaigns.progress(c.getId()));
    assertThat(p.getSkipped()).isEqualTo(2);
    assertThat(p.getSent()).isEqualTo(1);
  }

  @Test
  void anAutomationOptOutSetWhileTheCampaignRunsStopsTheSendToThatContact() {
    Number n = number("running-opt-out");
    approvedTemplate(n, "winter_news");
    as(
        n.tenant(),
        () -> {
          deliveries.setThroughput(n.connectionId(), 1);
          return null;
        });
    List<Customer> list = customers(n, 4, "winter");
    Customer last = list.get(3);
    Campaign c = create(n, "Winter", "winter_news", List.of("you", "winter"), "winter");
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> sim.sent(n.pnid()).size() >= 1, "the first send");
    // The customer objects (data-subject request) while the campaign is on its way.
    update(
        "update contact set automation_opt_out = true where tenant_id = ? and id = ?",
        n.tenant(),
        last.id());
    awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed");
    pause(1500);

    assertThat(recipients(sim.sent(n.pnid())))
        .containsExactlyInAnyOrder(list.get(0).waId(), list.get(1).waId(), list.get(2).waId());
    CampaignRecipientView stopped =
        of(as(n.tenant(), () -> campaigns.recipients(c.getId(), 0, 100)), last);
    assertThat(stopped.state()).isEqualTo(CampaignRecipientView.State.SKIPPED);
    assertThat(stopped.reason()).contains("automated processing");
  }

  @Test
  void pauseStopsFurtherSendsAndResumeContinuesWithoutDoubles() {
    Number n = number("pause");
    approvedTemplate(n, "summer_news");
    as(
        n.tenant(),
        () -> {
          deliveries.setThroughput(n.connectionId(), 1);
          return null;
        });
    List<Customer> list = customers(n, 6, "summer");
    Campaign c = create(n, "Summer", "summer_news", List.of("you", "summer"), "summer");
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> sim.sent(n.pnid()).size() >= 1, "the first send");
    Campaign paused = as(n.tenant(), () -> campaigns.pause(c.getId(), null));
    assertThat(paused.getState()).isEqualTo(Campaign.State.PAUSED);
    assertThat(paused.getPauseReason()).isEqualTo("Paused by a person");
    assertThat(paused.getPauseWording().code()).isEqualTo("CampaignWords.PAUSED_BY_PERSON");
    int atPause = sim.sent(n.pnid()).size();
    pause(4000);
    int later = sim.sent(n.pnid()).size();
    assertThat(later).as("at most the one call already under way").isLessThanOrEqualTo(atPause + 1);
    assertThat(later).isLessThan(6);
    assertThat(as(n.tenant(), () -> campaigns.progress(c.getId())).getQueued()).isPositive();
    assertThatThrownBy(() -> as(n.tenant(), () -> campaigns.pause(c.getId(), null)))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("paused");

    as(n.tenant(), () -> campaigns.resume(c.getId()));
    awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed");
    pause(1500);
    assertThat(recipients(sim.sent(n.pnid())))
        .containsExactlyInAnyOrderElementsOf(list.stream().map(Customer::waId).toList());
  }

  @Test
  void spamAndQualityFailuresPauseTheCampaignWithAReason() {
    Number n = number("spam");
    approvedTemplate(n, "flash_news");
    customers(n, 25, "flash");
    sim.fault(
        Json.createObjectBuilder()
            .add("kind", "meta_error")
            .add("code", 131049)
            .add("times", -1)
            .add("method", "POST")
            .add("path", ".*" + n.pnid() + "/messages")
            .build());
    try {
      Campaign c = create(n, "Flash", "flash_news", List.of("you", "flash"), "flash");
      as(n.tenant(), () -> campaigns.start(c.getId(), null));
      awaitTrue(() -> state(n, c.getId()).equals("PAUSED"), "campaign paused itself");
      Campaign after = as(n.tenant(), () -> campaigns.get(c.getId()));
      assertThat(after.getPauseReason())
          .contains("Paused automatically")
          .contains("131048/131049")
          .contains("spam");
      assertThat(after.getPauseWording().code()).isEqualTo("CampaignWords.PAUSED_SPAM");
      assertThat(after.getPauseWording().english()).isEqualTo(after.getPauseReason());
      assertThat(as(n.tenant(), () -> campaigns.progress(c.getId())).getFailed())
          .isGreaterThanOrEqualTo(20);
      CampaignRecipientView failed =
          as(n.tenant(), () -> campaigns.recipients(c.getId(), 0, 100)).stream()
              .filter(r -> r.state() == CampaignRecipientView.State.FAILED)
              .findFirst()
              .orElseThrow();
      assertThat(failed.errorCode()).isEqualTo(131049);

      // A person looked, Meta is fine again: resuming counts afresh and does not pause at once.
      sim.clearFaults();
      as(n.tenant(), () -> campaigns.resume(c.getId()));
      awaitTrue(() -> state(n, c.getId()).equals("COMPLETED"), "campaign completed after resume");
    } finally {
      sim.clearFaults();
    }
  }

  @Test
  void aRedQualityRatingPausesTheCampaignBeforeItSends() {
    Number n = number("red");
    approvedTemplate(n, "storm_news");
    customers(n, 2, "storm");
    Campaign c = create(n, "Storm", "storm_news", List.of("you", "storm"), "storm");
    update(
        "update whatsapp_connection set quality_rating = 'RED' where tenant_id = ? and id = ?",
        n.tenant(),
        n.connectionId());
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> state(n, c.getId()).equals("PAUSED"), "campaign paused");
    assertThat(as(n.tenant(), () -> campaigns.get(c.getId())).getPauseReason())
        .contains("quality rating")
        .contains("RED");
    pause(2500);
    assertThat(sim.sent(n.pnid())).isEmpty();
  }

  @Test
  void aTemplatePausedByMetaPausesTheCampaignInsteadOfSkippingEveryone() {
    Number n = number("template-paused");
    approvedTemplate(n, "rain_news");
    customers(n, 3, "rain");
    Campaign c = create(n, "Rain", "rain_news", List.of("you", "rain"), "rain");
    update(
        "update message_template set status = 'PAUSED' where tenant_id = ? and name = ?",
        n.tenant(),
        "rain_news");
    as(n.tenant(), () -> campaigns.start(c.getId(), null));
    awaitTrue(() -> state(n, c.getId()).equals("PAUSED"), "campaign paused");
    assertThat(as(n.tenant(), () -> campaigns.get(c.getId())).getPauseReason())
        .contains("Paused automatically")
        .contains("not approved");
    assertThat(as(n.tenant(), () -> campaigns.get(c.getId())).getPauseWording().code())
        .isEqualTo("CampaignWords.PAUSED_AUTOMATICALLY");
    Campaigns.Progress p = as(n.tenant(), () -> campaigns.progress(c.getId()));
    assertThat(p.getQueued()).as("nobody skipped; they wait for the resume").isEqualTo(3);
    assertThat(p.getSkipped()).isZero();
    assertThat(sim.sent(n.pnid())).isEmpty();
  }

  @Test
  void anotherTenantCannotReadOrChangeACampaign() {
    Number a = number("owner");
    Number b = number("intruder");
    approvedTemplate(a, "owner_news");
    customers(a, 1, "own");
    Campaign c = create(a, "Mine", "owner_news", List.of("you", "news"), "own");
    long id = c.getId();
    assertThat(as(b.tenant(), () -> campaigns.find(id))).isEmpty();
    assertThat(as(b.tenant(), () -> campaigns.all()))
        .extracting(Campaign::getId)
        .doesNotContain(id);
    for (Callable<?> attempt :
        List.<Callable<?>>of(
            () -> campaigns.start(id, null),
            () -> campaigns.pause(id, null),
            () -> campaigns.cancel(id),
            () -> campaigns.progress(id),
            () -> campaigns.recipients(id, 0, 10))) {
      assertThatThrownBy(() -> as(b.tenant(), attempt))
          .isInstanceOf(OutboundRefusedException.class)
          .hasMessage("No such campaign");
    }
    assertThat(state(a, id)).isEqualTo("DRAFT");
    // B's campaign cannot use A's number either.
    assertThatThrownBy(
            () ->
                as(
                    b.tenant(),
                    () ->
                        campaigns.create(
                            new Campaigns.Draft(
                                "x",
                                a.connectionId(),
                                "owner_news",
                                "en_US",
                                List.of(),
                                "own",
                                false),
                            null)))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("No such WhatsApp number");
    // A cancelled campaign stays cancelled and sends nothing.
    as(a.tenant(), () -> campaigns.cancel(id));
    assertThatThrownBy(() -> as(a.tenant(), () -> campaigns.start(id, null)))
        .isInstanceOf(OutboundRefusedException.class);
    pause(2500);
    assertThat(sim.sent(a.pnid())).isEmpty();
  }

  @Test
  void badInputGivesClearErrorsAndCreatesNothing() {
    Number n = number("bad");
    approvedTemplate(n, "good_news");
    as(
        n.tenant(),
        () ->
            templates.create(
                n.connectionId(),
                "pending_news",
                "en_US",
                Category.MARKETING,
                SimulatedNumbers.components()));
    customers(n, 2, "known");
    List<String> two = List.of("you", "news");
    assertThatThrownBy(() -> create(n, "P", "pending_news", two, "known"))
        .hasMessageContaining("not approved");
    assertThatThrownBy(() -> create(n, "P", "no_such_template", two, "known"))
        .hasMessageContaining("no template");
    assertThatThrownBy(() -> create(n, "P", "good_news", List.of("only one"), "known"))
        .hasMessageContaining("do not fit");
    assertThatThrownBy(() -> create(n, "P", "good_news", List.of("a", "b", "c"), "known"))
        .hasMessageContaining("do not fit");
    assertThatThrownBy(() -> create(n, "P", "good_news", two, null))
        .hasMessageContaining("segment is empty");
    assertThatThrownBy(() -> create(n, "P", "good_news", two, "unknown-tag"))
        .hasMessageContaining("No contact has the tag");
    assertThatThrownBy(() -> create(n, "", "good_news", two, "known")).hasMessageContaining("name");
    assertThatThrownBy(() -> create(n, "x".repeat(121), "good_news", two, "known"))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> create(n, "P", "good_news", List.of("y".repeat(1025), "z"), "known"))
        .hasMessageContaining("characters");
    assertThatThrownBy(
            () ->
                as(
                    n.tenant(),
                    () ->
                        campaigns.create(
                            new Campaigns.Draft(
                                "P", n.connectionId(), "good_news", "en_US", two, null, true),
                            null)))
        .as("nobody granted marketing consent")
        .hasMessageContaining("No contact matches");
    assertThat(longValue("select count(*) from campaign where tenant_id = ?", n.tenant())).isZero();
  }

  // --- helpers ---

  Number number(String label) {
    return numbers.connect("Campaign", label, "+1 555 0400");
  }

  List<Customer> customers(Number n, int count, String tag) {
    List<Customer> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String waId = "49170" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
      Contact k = as(n.tenant(), () -> contacts.create(null, waId, "Customer " + waId));
      as(
          n.tenant(),
          () -> {
            contacts.tag(k.getId(), tag);
            return null;
          });
      out.add(new Customer(k.getId(), waId));
    }
    return out;
  }

  void approvedTemplate(Number n, String name) {
    numbers.approveTemplate(n, name, Category.MARKETING);
  }

  Campaign create(Number n, String name, String template, List<String> values, String tag) {
    return as(
        n.tenant(),
        () ->
            campaigns.create(
                new Campaigns.Draft(name, n.connectionId(), template, "en_US", values, tag, false),
                null));
  }

  static CampaignRecipientView of(List<CampaignRecipientView> all, Customer c) {
    return all.stream().filter(r -> r.contactId() == c.id()).findFirst().orElseThrow();
  }

  static List<String> recipients(JsonArray sent) {
    List<String> to = new ArrayList<>();
    for (JsonValue v : sent) {
      to.add(v.asJsonObject().getJsonObject("request").getString("to"));
    }
    return to;
  }

  static String state(Number n, long campaign) {
    return string(
        "select state from campaign where tenant_id = ? and id = ?", n.tenant(), campaign);
  }

  static void awaitTrue(BooleanSupplier done, String what) {
    Instant deadline = Instant.now().plusSeconds(45);
    while (Instant.now().isBefore(deadline)) {
      if (done.getAsBoolean()) {
        return;
      }
      pause(200);
    }
    throw new AssertionError("not reached within 45 s: " + what);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void update(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long longValue(String sql, Object... params) {
    String v = string(sql, params);
    return v == null ? -1 : Long.parseLong(v);
  }

  static String string(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
