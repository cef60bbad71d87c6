package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The campaign pages over HTTP: an owner creates a campaign through the form (bad values refused,
 * nothing created), starts it from the list and reads the per-recipient outcomes (failures with
 * Meta's code); an agent sees no form; another business gets 404 for the campaign's page.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class CampaignPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("campaign-pages", Map.of());
  }

  @ArquillianResource URL base;

  static MetaSimulator meta;
  SimulatorControl sim = SimulatorControl.fromTestJvm();

  @BeforeAll
  static void simulator() {
    meta = ItMeta.start();
  }

  @Test
  void anOwnerCreatesStartsAndFollowsACampaign() {
    TestAccounts.clearAddressThrottle();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User user = TestAccounts.owner("Campaigns", run);
    long tenant = user.tenantId();
    // The owner reads and enters times in India's zone (UTC+05:30), not the server's.
    TestAccounts.update(
        "update user_account set time_zone = 'Asia/Kolkata' where id = ?", user.id());
    WebClient owner = signIn(user);
    Document connected =
        owner.submit(owner.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    long connection =
        ((Number)
                TestAccounts.value(
                    "select id from whatsapp_connection where tenant_id = ?", tenant))
            .longValue();
    String pnid =
        (String)
            TestAccounts.value(
                "select phone_number_id from whatsapp_connection where tenant_id = ?", tenant);
    TestAccounts.update(
        "insert into message_template (tenant_id, connection_id, waba_id, name, language,"
            + " category, status, components, updated_at)"
            + " select tenant_id, id, waba_id, 'spring_news', 'en_US', 'MARKETING', 'APPROVED',"
            + " '[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, news about {{2}}.\"}]', now(6)"
            + " from whatsapp_connection where tenant_id = ?",
        tenant);
    String[] wa = {phone(), phone(), phone()};
    for (int i = 0; i < 3; i++) {
      long contact = TestAccounts.contact(tenant, wa[i], "Customer " + i);
      if (i < 2) {
        TestAccounts.update(
            "insert into contact_tag (tenant_id, contact_id, tag) values (?, ?, 'vip')",
            tenant,
            contact);
      }
    }

    Document page = owner.get("app/campaigns.xhtml");
    assertThat(page.text()).contains("Campaigns").contains("No campaigns yet");
    String template = connection + "|spring_news|en_US";
    // Without a value for each placeholder and without a segment: every problem at once, and
    // the page now shows a row per placeholder to fill.
    Document refused =
        owner.submit(page, "create", Map.of("name", "Spring", "template_input", template), "save");
    assertThat(refused.text()).contains("segment is empty");
    Document unmapped =
        owner.submit(
            refused,
            "create",
            Map.of("name", "Spring", "template_input", template, "allTags", "vip"),
            "save");
    assertThat(unmapped.text())
        .contains("Placeholder {{1}}: give the text")
        .contains("Placeholder {{2}}: give the text");
    assertThat(TestAccounts.count("select count(*) from campaign where tenant_id = ?", tenant))
        .isZero();

    Document created =
        owner.submit(
            unmapped,
            "create",
            Map.of(
                "name",
                "Spring <b>sale</b>",
                "template_input",
                template,
                "rows:0:text",
                "Ana",
                "rows:1:text",
                "the spring sale",
                "allTags",
                "vip"),
            "save");
    assertThat(created.text()).contains("Campaign created as a draft").contains("Draft");
    assertThat(created.html()).contains("Spring &lt;b&gt;sale&lt;/b&gt;");
    long id =
        ((Number) TestAccounts.value("select id from campaign where tenant_id = ?", tenant))
            .longValue();

    Document started = owner.submit(created, "list", Map.of(), "table:0:start");
    assertThat(started.text()).contains("Campaign started.");
    await(
        () ->
            "COMPLETED".equals(TestAccounts.value("select state from campaign where id = ?", id)));
    Document detail = owner.get("app/campaign.xhtml?id=" + id);
    assertThat(detail.text())
        .contains("Completed")
        .contains("2 recipients: 0 queued")
        .contains("+" + wa[0])
        .contains("+" + wa[1])
        .doesNotContain(wa[2]);
    // The template exists only in KretaNote's table, not at the simulated Meta: Meta refuses each
    // send, and the page shows each recipient's failure with Meta's code and the reason in words.
    assertThat(detail.text())
        .contains("2 failed")
        .contains("Meta error 132001")
        .contains("does not exist in this language");
    assertThat(sim.sent(pnid)).isEmpty();

    // A start time is picked in the owner's zone: 09:30 in Kolkata is 04:00 UTC. A time that is
    // no time is refused with the expected shape, and nothing is created.
    Document badTime =
        owner.submit(
            owner.get("app/campaigns.xhtml"),
            "create",
            Map.of("name", "Later", "template_input", template, "startAt_input", "next week"),
            "save");
    assertThat(badTime.text()).contains("The start time must look like 2026-12-01 09:30.");
    assertThat(
            TestAccounts.count(
                "select count(*) from campaign where tenant_id = ? and name = 'Later'", tenant))
        .isZero();
    Document later =
        owner.submit(
            owner.get("app/campaigns.xhtml"),
            "create",
            Map.of("name", "Later", "template_input", template, "allTags", "vip"),
            "save");
    Document scheduled =
        owner.submit(
            later,
            "create",
            Map.of(
                "name",
                "Later",
                "template_input",
                template,
                "rows:0:text",
                "Ana",
                "rows:1:text",
                "later",
                "allTags",
                "vip",
                "startAt_input",
                "2030-01-15 09:30"),
            "save");
    assertThat(scheduled.text()).contains("Campaign scheduled.").contains("Scheduled");
    assertThat(
            TestAccounts.count(
                "select count(*) from campaign where tenant_id = ? and name = 'Later'"
                    + " and state = 'SCHEDULED' and scheduled_at = '2030-01-15 04:00:00'",
                tenant))
        .isEqualTo(1);
    assertThat(scheduled.select("tr:contains(Later)").text()).contains("starts 2030-01-15 09:30");

    // Another business, a malformed id, an agent of this business.
    TestAccounts.User other = TestAccounts.owner("Stranger", run);
    WebClient stranger = signIn(other);
    assertThat(stranger.raw("app/campaign.xhtml?id=" + id).statusCode()).isEqualTo(404);
    assertThat(stranger.get("app/campaigns.xhtml").text()).doesNotContain("Spring");
    assertThat(owner.raw("app/campaign.xhtml?id=1%27%20or%201=1").statusCode()).isEqualTo(404);
    TestAccounts.User agent = TestAccounts.user(tenant, "agent-" + run + "@example.com", "AGENT");
    Document agentView = signIn(agent).get("app/campaigns.xhtml");
    assertThat(agentView.text()).contains("Spring");
    assertThat(agentView.getElementById("create")).isNull();
    assertThat(agentView.select("[id$=:pause], [id$=:start], [id$=:cancel]")).isEmpty();
  }

  WebClient signIn(TestAccounts.User user) {
    return WebClient.signedIn(base, user);
  }

  static String phone() {
    return "4917" + (10_000_000 + (int) (Math.random() * 89_999_999));
  }

  static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(45);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("not reached within 45 s");
  }
}
