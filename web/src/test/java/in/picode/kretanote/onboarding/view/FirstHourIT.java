package in.picode.kretanote.onboarding.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
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
 * A new business's first hour over HTTP (issue 21, items 6-10): the checklist on Home, forms that
 * name every problem at once and cut nothing, the sandbox's plans and simulated customer, the
 * campaign list that follows a started campaign, the contact page's template and tag, the contacts
 * export by tag, the texts, and the business's own privacy page.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class FirstHourIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("first-hour", Map.of());
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  String run = UUID.randomUUID().toString().substring(0, 8);

  WebClient signIn(TestAccounts.User user) {
    return WebClient.signedIn(base, user);
  }

  long connect(WebClient owner, long tenant) {
    Document connected =
        owner.submit(owner.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    return ((Number)
            TestAccounts.value("select id from whatsapp_connection where tenant_id = ?", tenant))
        .longValue();
  }

  static void approvedTemplate(long tenant, String name) {
    TestAccounts.update(
        "insert into message_template (tenant_id, connection_id, waba_id, name, language,"
            + " category, status, components, updated_at)"
            + " select tenant_id, id, waba_id, ?, 'en_US', 'UTILITY', 'APPROVED',"
            + " '[{\"type\":\"BODY\",\"text\":\"Hi {{1}}.\"}]', now(6)"
            + " from whatsapp_connection where tenant_id = ?",
        name, tenant);
  }

  @Test
  void homeShowsTheChecklistAndItsProgressInsteadOfAWelcome() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Checklist", run);
    WebClient owner = signIn(user);
    Document home = owner.get("app/index.xhtml");
    assertThat(home.text()).doesNotContain("Welcome,").contains("Get started");
    assertThat(home.getElementById("checklist-progress").text()).isEqualTo("0 of 5 done");
    assertThat(home.select("#checklist a").eachAttr("href"))
        .anySatisfy(h -> assertThat(h).endsWith("/app/settings/whatsapp.xhtml"))
        .anySatisfy(h -> assertThat(h).endsWith("/app/settings/business-hours.xhtml"));

    connect(owner, user.tenantId());
    TestAccounts.contact(user.tenantId(), phone(), "First contact");
    Document after = owner.get("app/index.xhtml");
    assertThat(after.getElementById("checklist-progress").text()).isEqualTo("2 of 5 done");
    assertThat(after.getElementById("step-connect").className()).isEqualTo("done");
    assertThat(after.getElementById("step-contacts").className()).isEqualTo("done");
    assertThat(after.getElementById("step-hours").className())
        .as("no business-hours bean deployed: unknown is not done")
        .isEqualTo("todo");

    TestAccounts.User agent =
        TestAccounts.user(user.tenantId(), "agent-" + run + "@example.com", "AGENT");
    assertThat(signIn(agent).get("app/index.xhtml").getElementById("checklist"))
        .as("the steps are the owner's and admins'")
        .isNull();
  }

  @Test
  void formsNameEveryProblemAtOnceAndCutNothing() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Forms", run);
    WebClient owner = signIn(user);
    connect(owner, user.tenantId());

    Document campaign =
        owner.submit(
            owner.get("app/campaigns.xhtml"),
            "create",
            Map.of("name", "", "template_input", "", "startAt_input", "tomorrow"),
            "save");
    assertThat(campaign.text())
        .contains("Give the campaign a name.")
        .contains("Pick a template.")
        .contains("The start time must look like");

    Map<String, String> empty = new HashMap<>();
    empty.put("name", "Bad Name");
    empty.put("language", "");
    empty.put("body", "");
    empty.put("footer", "f".repeat(61));
    Document template = owner.submit(owner.get("app/templates.xhtml"), "create", empty, "save");
    assertThat(template.text())
        .contains("lowercase letters, digits and underscores only")
        .contains("A language code such as en or en_US is needed")
        .contains("The body text is needed")
        .contains("The footer has at most 60 characters");

    long contact = TestAccounts.contact(user.tenantId(), phone(), "Tagged");
    Document page = owner.get("app/contact.xhtml?id=" + contact);
    assertThat(page.getElementById("contact:newTag").hasAttr("maxlength"))
        .as("the browser must not cut a long tag silently")
        .isFalse();
    String longTag = "t".repeat(41);
    Document refused = owner.submit(page, "contact", Map.of("newTag", longTag), "addTag");
    assertThat(refused.text()).contains("A tag has 1 to 40 characters");
    assertThat(
            TestAccounts.count(
                "select count(*) from contact_tag where tenant_id = ? and contact_id = ?",
                user.tenantId(),
                contact))
        .isZero();
  }

  @Test
  void theCampaignListFollowsAStartedCampaignWithoutAFreshLoad() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Campaignlist", run);
    long tenant = user.tenantId();
    WebClient owner = signIn(user);
    long connection = connect(owner, tenant);
    approvedTemplate(tenant, "hello_" + run);
    long contact = TestAccounts.contact(tenant, phone(), "Vip");
    TestAccounts.update(
        "insert into contact_tag (tenant_id, contact_id, tag) values (?, ?, 'vip')",
        tenant,
        contact);
    String template = connection + "|hello_" + run + "|en_US";
    // The placeholder's value row appears once the template is chosen.
    Document unmapped =
        owner.submit(
            owner.get("app/campaigns.xhtml"),
            "create",
            Map.of("name", "Spring", "template_input", template, "allTags", "vip"),
            "save");
    Document created =
        owner.submit(
            unmapped,
            "create",
            Map.of(
                "name",
                "Spring",
                "template_input",
                template,
                "rows:0:text",
                "Ana",
                "allTags",
                "vip"),
            "save");
    assertThat(created.text()).contains("Draft");
    Document started = owner.submit(created, "list", Map.of(), "table:0:start");
    assertThat(started.text()).contains("Campaign started.");
    assertThat(started.select("[id^=list:poll]"))
        .as("the list polls while a campaign is scheduled or running")
        .isNotEmpty();
    await(
        () ->
            "COMPLETED"
                .equals(
                    TestAccounts.value("select state from campaign where tenant_id = ?", tenant)));
    Document refreshed = owner.submit(started, "list", Map.of(), "refresh");
    assertThat(refreshed.getElementById("list:table:0:state").text()).isEqualTo("Completed");
    assertThat(refreshed.getElementById("list:table:0:progress").text()).startsWith("1 recipient:");
  }

  @Test
  void aContactCanBeWrittenFirstWithATemplateAndTheExportKeepsTheTagFilter() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Contactpage", run);
    long tenant = user.tenantId();
    WebClient owner = signIn(user);
    connect(owner, tenant);
    approvedTemplate(tenant, "first_" + run);
    String tagged = phone();
    String other = phone();
    long contact = TestAccounts.contact(tenant, tagged, "Tagged One");
    TestAccounts.contact(tenant, other, "Untagged One");
    TestAccounts.update(
        "insert into contact_tag (tenant_id, contact_id, tag) values (?, ?, 'vip')",
        tenant,
        contact);

    Document page = owner.get("app/contact.xhtml?id=" + contact);
    assertThat(page.getElementById("sendTemplate")).isNotNull();
    String choice =
        page.select("#sendTemplate\\:template option").eachAttr("value").stream()
            .filter(v -> v.contains("first_" + run))
            .findFirst()
            .orElseThrow();
    Document sent =
        owner.submit(
            page, "sendTemplate", Map.of("template_input", choice, "values", "Ana"), "send");
    assertThat(sent.location()).contains("/app/conversation.xhtml");
    assertThat(
            TestAccounts.count(
                "select count(*) from message where tenant_id = ? and contact_id = ?"
                    + " and direction = 'OUTBOUND'",
                tenant,
                contact))
        .isOne();

    Document list =
        owner.submit(owner.get("app/contacts.xhtml"), "list", Map.of("tag_input", "vip"), "export");
    String csv = owner.lastResponse().body();
    assertThat(list).isNotNull();
    assertThat(csv).contains(tagged).doesNotContain(other);
  }

  @Test
  void theSandboxOffersDemoPlansAndASimulatedCustomer() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Sandbox", run);
    long tenant = user.tenantId();
    WebClient owner = signIn(user);
    Document billing = owner.get("app/settings/billing.xhtml");
    assertThat(billing.select("#choose\\:plan_input option").eachText())
        .anySatisfy(t -> assertThat(t).startsWith("Starter (demo)"));
    Document noPlan =
        owner.submit(billing, "choose", Map.of("plan_input", "", "seats", "1"), "start");
    assertThat(noPlan.text()).contains("Choose a plan.").doesNotContain("'null'");

    connect(owner, tenant);
    Document settings = owner.get("app/settings/whatsapp.xhtml");
    MetaSimulator sim = ItMeta.start();
    URI before = sim.callback();
    sim.setCallback(URI.create(base.toString()).resolve("webhooks/whatsapp"));
    try {
      Document simulated = owner.submit(settings, "manage", Map.of(), "rows:0:simulateCustomer");
      assertThat(simulated.text()).contains("A simulated customer wrote to this number");
      await(
          () ->
              TestAccounts.count(
                      "select count(*) from message where tenant_id = ? and direction = 'INBOUND'",
                      tenant)
                  > 0);
    } finally {
      sim.setCallback(before);
    }
  }

  @Test
  void theBusinessLinksItsCustomersToAPolicyWithItsOwnPeriod() {
    TestAccounts.clearAddressThrottle();
    TestAccounts.User user = TestAccounts.owner("Privacypage", run);
    WebClient owner = signIn(user);
    Document settings = owner.get("app/settings/privacy.xhtml");
    assertThat(settings.getElementById("current").text()).doesNotContain(" .");
    Document saved = owner.submit(settings, "period", Map.of("days", "90"), "save");
    assertThat(saved.getElementById("current").text()).startsWith("Now: 90 days.");
    String link = saved.getElementById("public-page-link").attr("href");
    assertThat(link).contains("/privacy.xhtml?business=");
    URI uri = URI.create(link);
    WebClient visitor = new WebClient(URI.create(base.toString()));
    Document page = visitor.get("privacy.xhtml?" + uri.getRawQuery());
    assertThat(page.getElementById("business").text())
        .contains("Privacypage " + run)
        .contains("90 days")
        .contains("until the business erases it");
    assertThat(page.text()).doesNotContain("KretaNote runs KretaNote");
    assertThat(page.getElementById("contacts-kept").text()).contains("kept until");

    Document unknown = visitor.get("privacy.xhtml?business=" + "x".repeat(43));
    assertThat(unknown.getElementById("no-business")).isNotNull();
    assertThat(unknown.getElementById("business")).isNull();

    assertThat(owner.get("app/analytics.xhtml").text()).doesNotContain("kretanote.analytics");
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
