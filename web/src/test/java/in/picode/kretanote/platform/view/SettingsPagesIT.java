package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The templates page and the label and custom-field settings over HTTP: bad input (duplicate, too
 * long, a malformed template name, Meta's own refusal) is refused with a sentence and changes
 * nothing; renames and deletes say what they touch; another business gets 404 for the ids and
 * changes nothing; an agent gets 403 on the settings pages and a read-only templates list.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class SettingsPagesIT {

  static final String TOO_LONG = "x".repeat(41);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("settings-pages", Map.of());
  }

  @ArquillianResource URL base;

  static MetaSimulator meta;
  SimulatorControl sim = SimulatorControl.fromTestJvm();
  String run;

  @BeforeAll
  static void simulator() {
    meta = ItMeta.start();
  }

  @BeforeEach
  void fresh() {
    TestAccounts.clearAddressThrottle();
    meta.clearFaults();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void labelsAreCreatedRenamedAndDeletedWithTheirConversations() {
    Webhooks.Tenant tenant = Webhooks.tenantWithNumber("Labels " + run);
    TestAccounts.User user =
        TestAccounts.user(tenant.id(), "owner-labels-" + run + "@example.com", "OWNER");
    WebClient owner = signIn(user);

    Document page = owner.get("app/settings/labels.xhtml");
    assertThat(page.text()).contains("No labels yet.");
    Document created = owner.submit(page, "create", Map.of("name", " VIP "), "save");
    assertThat(created.text()).contains("Label \"VIP\" created.");
    assertThat(owner.submit(created, "create", Map.of("name", "vip"), "save").text())
        .contains("A label named \"vip\" exists already.");
    assertThat(owner.submit(created, "create", Map.of("name", TOO_LONG), "save").text())
        .contains("A label has 1 to 40 characters");
    assertThat(owner.submit(created, "create", Map.of("name", "   "), "save").text())
        .contains("A label has 1 to 40 characters");
    assertThat(owner.submit(created, "create", Map.of("name", "<b>Billing</b>"), "save").text())
        .as("markup is refused in a label name (security finding 2)")
        .contains("A label cannot contain < or >");
    Document second = owner.submit(created, "create", Map.of("name", "Billing & Co"), "save");
    assertThat(second.text()).contains("Billing & Co");
    assertThat(owner.lastResponse().body())
        .as("the name is escaped in the page as sent")
        .contains("Billing &amp; Co")
        .doesNotContain("Billing & Co");
    assertThat(labels(tenant.id())).containsExactly("Billing & Co", "VIP");

    long vip = id("select id from label where tenant_id = ? and name = 'VIP'", tenant.id());
    long billing = id("select id from label where tenant_id = ? and name <> 'VIP'", tenant.id());
    for (int i = 0; i < 2; i++) {
      long message =
          Webhooks.outboundMessage(
              tenant, "49151" + Math.abs(run.hashCode()) + i, "wamid." + run + i);
      TestAccounts.update(
          "insert into conversation_label (tenant_id, conversation_id, label_id)"
              + " select tenant_id, conversation_id, ? from message where id = ?",
          vip,
          message);
    }
    Document list = owner.get("app/settings/labels.xhtml");
    assertThat(list.select("tr:has(td:contains(VIP)) [id$=:count]").text()).isEqualTo("2");

    // Rename: a name taken by another label (any capitals) and an overlong one are refused.
    Document rename = owner.get("app/settings/labels.xhtml?rename=" + vip);
    assertThat(rename.getElementById("rename:name").val()).isEqualTo("VIP");
    assertThat(owner.submit(rename, "rename", Map.of("name", "BILLING & CO"), "save").text())
        .contains("exists already");
    assertThat(owner.submit(rename, "rename", Map.of("name", TOO_LONG), "save").text())
        .contains("1 to 40 characters");
    assertThat(labels(tenant.id())).containsExactly("Billing & Co", "VIP");
    assertThat(owner.submit(rename, "rename", Map.of("name", "Gold"), "save").text())
        .contains("Label renamed to \"Gold\".");
    assertThat(labels(tenant.id())).containsExactly("Billing & Co", "Gold");

    // Another business: 404 for the ids, nothing changed.
    TestAccounts.User stranger = TestAccounts.owner("Stranger", run);
    WebClient other = signIn(stranger);
    assertThat(other.raw("app/settings/labels.xhtml?rename=" + vip).statusCode()).isEqualTo(404);
    assertThat(other.raw("app/settings/labels.xhtml?delete=" + vip).statusCode()).isEqualTo(404);
    assertThat(other.get("app/settings/labels.xhtml").text()).doesNotContain("Gold");
    assertThat(owner.raw("app/settings/labels.xhtml?delete=1%20or%201=1").statusCode())
        .isEqualTo(404);

    // An agent of this business is refused the settings page.
    TestAccounts.User agentUser =
        TestAccounts.user(tenant.id(), "agent-labels-" + run + "@example.com", "AGENT");
    WebClient agent = signIn(agentUser);
    assertThat(agent.raw("app/settings/labels.xhtml").statusCode()).isEqualTo(403);
    assertThat(agent.get("app/inbox.xhtml").select("a[href*=settings/labels]")).isEmpty();

    Document confirm = owner.get("app/settings/labels.xhtml?delete=" + vip);
    assertThat(confirm.getElementById("confirm:question").text())
        .contains("The label is on 2 conversations");
    Document deleted = owner.submit(confirm, "confirm", Map.of(), "delete");
    assertThat(deleted.text()).contains("Label deleted and taken off 2 conversations.");
    assertThat(labels(tenant.id())).containsExactly("Billing & Co");
    assertThat(
            TestAccounts.count(
                "select count(*) from conversation_label where tenant_id = ?", tenant.id()))
        .isZero();
    assertThat(
            TestAccounts.count(
                "select count(*) from conversation where tenant_id = ?", tenant.id()))
        .isEqualTo(2);
    assertThat(TestAccounts.auditActions(tenant.id()))
        .contains("label.created", "label.renamed", "label.deleted");
    assertThat(billing).isNotEqualTo(vip);
  }

  @Test
  void customFieldsAreDefinedRenamedAndDeletedWithTheirValues() {
    TestAccounts.User user = TestAccounts.owner("Fields", run);
    long tenant = user.tenantId();
    WebClient owner = signIn(user);

    Document page = owner.get("app/settings/custom-fields.xhtml");
    assertThat(page.text()).contains("No custom fields yet.");
    Document created =
        owner.submit(
            page, "create", Map.of("name", "Customer number", "type_input", "NUMBER"), "save");
    assertThat(created.text()).contains("Field \"Customer number\" defined.").contains("Number");
    assertThat(
            owner
                .submit(
                    created,
                    "create",
                    Map.of("name", "customer NUMBER", "type_input", "TEXT"),
                    "save")
                .text())
        .contains("exists already");
    assertThat(
            owner
                .submit(created, "create", Map.of("name", TOO_LONG, "type_input", "TEXT"), "save")
                .text())
        .contains("A field name has 1 to 40 characters");
    assertThat(
            owner
                .submit(created, "create", Map.of("name", "Odd", "type_input", "COLOUR"), "save")
                .text())
        .doesNotContain("Field \"Odd\" defined.");
    owner.submit(created, "create", Map.of("name", "Birthday", "type_input", "DATE"), "save");
    assertThat(fields(tenant)).containsExactly("Birthday", "Customer number");

    long number = id("select id from custom_field where tenant_id = ? and type = 'NUMBER'", tenant);
    for (int i = 0; i < 2; i++) {
      long contact = TestAccounts.contact(tenant, "49152" + Math.abs(run.hashCode()) + i, "C" + i);
      TestAccounts.update(
          "insert into contact_field_value (tenant_id, contact_id, field_id, value)"
              + " values (?, ?, ?, ?)",
          tenant,
          contact,
          number,
          String.valueOf(100 + i));
    }
    Document list = owner.get("app/settings/custom-fields.xhtml");
    assertThat(list.select("tr:has(td:contains(Customer number)) [id$=:count]").text())
        .isEqualTo("2");

    Document rename = owner.get("app/settings/custom-fields.xhtml?rename=" + number);
    assertThat(owner.submit(rename, "rename", Map.of("name", "BIRTHDAY"), "save").text())
        .contains("exists already");
    assertThat(owner.submit(rename, "rename", Map.of("name", "Account"), "save").text())
        .contains("Field renamed to \"Account\".");
    assertThat(fields(tenant)).containsExactly("Account", "Birthday");
    assertThat(
            TestAccounts.count(
                "select count(*) from contact_field_value where field_id = ?", number))
        .as("values survive a rename")
        .isEqualTo(2);

    TestAccounts.User stranger = TestAccounts.owner("Stranger", run);
    WebClient other = signIn(stranger);
    assertThat(other.raw("app/settings/custom-fields.xhtml?rename=" + number).statusCode())
        .isEqualTo(404);
    assertThat(other.raw("app/settings/custom-fields.xhtml?delete=" + number).statusCode())
        .isEqualTo(404);
    assertThat(other.get("app/settings/custom-fields.xhtml").text()).doesNotContain("Account");
    TestAccounts.User agentUser =
        TestAccounts.user(tenant, "agent-fields-" + run + "@example.com", "AGENT");
    assertThat(signIn(agentUser).raw("app/settings/custom-fields.xhtml").statusCode())
        .isEqualTo(403);

    Document confirm = owner.get("app/settings/custom-fields.xhtml?delete=" + number);
    assertThat(confirm.getElementById("confirm:question").text())
        .contains("2 contacts have a value for this field");
    assertThat(owner.submit(confirm, "confirm", Map.of(), "delete").text())
        .contains("Field deleted with its 2 values.");
    assertThat(fields(tenant)).containsExactly("Birthday");
    assertThat(
            TestAccounts.count(
                "select count(*) from contact_field_value where tenant_id = ?", tenant))
        .isZero();
    assertThat(TestAccounts.count("select count(*) from contact where tenant_id = ?", tenant))
        .isEqualTo(2);
    assertThat(TestAccounts.auditActions(tenant))
        .contains("field.created", "field.renamed", "field.deleted");
  }

  @Test
  void theWhyCannotSendPanelReadsInTheOwnersLanguageWithItsDates() {
    TestAccounts.User user = TestAccounts.owner("Panel", run);
    long tenant = user.tenantId();
    TestAccounts.update("UPDATE user_account SET language = 'es' WHERE id = ?", user.id());
    WebClient owner = signIn(user);
    owner.submit(owner.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    TestAccounts.update(
        "UPDATE whatsapp_connection SET health_problems = 'QUALITY_YELLOW,TOKEN_EXPIRING',"
            + " token_expires_at = '2030-03-05 10:00:00' WHERE tenant_id = ?",
        tenant);

    String page = owner.get("app/settings/whatsapp.xhtml").text();

    assertThat(page)
        .contains("El acceso de KretaNote a tu cuenta de WhatsApp caduca pronto.")
        .contains("Caduca el 5 de marzo de 2030.")
        .contains("La calificación de calidad del número bajó a media.")
        .contains("Revisa las campañas y plantillas recientes")
        .doesNotContain("quality rating");
  }

  @Test
  void templatesAreSubmittedSyncedAndDeletedAtMeta() {
    TestAccounts.User user = TestAccounts.owner("Templates", run);
    long tenant = user.tenantId();
    WebClient owner = signIn(user);
    assertThat(owner.get("app/templates.xhtml").text())
        .contains("No WhatsApp number is connected yet.");
    Document connected =
        owner.submit(owner.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    String waba =
        (String)
            TestAccounts.value(
                "select waba_id from whatsapp_connection where tenant_id = ?", tenant);

    Document page = owner.get("app/templates.xhtml");
    assertThat(page.text()).contains("No templates known for this number");
    Map<String, String> good =
        Map.of(
            "name", "order_update",
            "language", "en_US",
            "category_input", "UTILITY",
            "body", "Hi {{1}}, your order {{2}} has shipped.",
            "examples", "Ana\nA-17",
            "footer", "Reply STOP to opt out",
            "buttons:0:buttonText", "Track it",
            "buttons:0:buttonUrl", "https://example.com/track");
    assertThat(owner.submit(page, "create", with(good, "name", "Order Update"), "save").text())
        .contains("lowercase letters, digits and underscores only");
    assertThat(owner.submit(page, "create", with(good, "examples", "Ana"), "save").text())
        .contains(
            "The body uses 2 placeholders: give one example value for each, one a line (1 given).");
    assertThat(
            owner
                .submit(page, "create", with(good, "body", "Hi {{1}}, order {{3}}."), "save")
                .text())
        .contains("without gaps");
    assertThat(
            owner
                .submit(
                    page, "create", with(good, "buttons:0:buttonUrl", "http://x.example"), "save")
                .text())
        .contains("starts with https://");
    assertThat(templates(tenant)).isZero();
    assertThat(templateCalls(waba, "POST")).as("nothing reached Meta").isZero();

    Document created = owner.submit(page, "create", good, "save");
    assertThat(created.text())
        .contains("Template order_update submitted to Meta")
        .contains("order_update")
        .contains("In review")
        .contains("Waiting for Meta's review.");
    // Meta's own name stays on hover, as owners compare with Meta's WhatsApp Manager.
    assertThat(created.select("span[id$=':status']").attr("title")).isEqualTo("PENDING");
    assertThat(created.text())
        // The list shows the template as WhatsApp does, with the example values filled in.
        .contains("Hi Ana, your order A-17 has shipped.")
        .contains("Track it");
    assertThat(
            TestAccounts.value(
                "select status from message_template where tenant_id = ? and name = 'order_update'",
                tenant))
        .isEqualTo("PENDING");

    // Meta's own refusal: the simulated Meta knows the template, KretaNote forgot it.
    TestAccounts.update("delete from message_template where tenant_id = ?", tenant);
    Document refused = owner.submit(owner.get("app/templates.xhtml"), "create", good, "save");
    assertThat(refused.text())
        .contains("Meta did not accept the template.")
        .contains("already exists in this language")
        .contains("(Meta error");
    assertThat(templates(tenant)).isZero();

    // Approved at Meta; a sync brings the status (and the template back).
    sim.templateStatus(waba, "order_update", "en_US", "APPROVED");
    Document synced = owner.submit(owner.get("app/templates.xhtml"), "sync", Map.of(), "sync");
    assertThat(synced.text())
        .contains("Synced: Meta lists 1 template for this number")
        .contains("Approved");
    assertThat(synced.select("span[id$=':status']").attr("title")).isEqualTo("APPROVED");
    long id = id("select id from message_template where tenant_id = ?", tenant);
    assertThat(TestAccounts.value("select status from message_template where id = ?", id))
        .isEqualTo("APPROVED");

    // Rejected with a reason: shown in words.
    TestAccounts.update(
        "update message_template set status = 'REJECTED', reason = 'INCORRECT_CATEGORY' where id ="
            + " ?",
        id);
    assertThat(owner.get("app/templates.xhtml").text())
        .contains("Rejected by Meta: the category does not fit the content.");
    TestAccounts.update(
        "update message_template set status = 'APPROVED', reason = null where id = ?", id);

    // Another business and an agent.
    WebClient other = signIn(TestAccounts.owner("Stranger", run));
    assertThat(other.raw("app/templates.xhtml?delete=" + id).statusCode()).isEqualTo(404);
    assertThat(other.get("app/templates.xhtml").text()).doesNotContain("order_update");
    WebClient agent =
        signIn(TestAccounts.user(tenant, "agent-templates-" + run + "@example.com", "AGENT"));
    Document agentView = agent.get("app/templates.xhtml");
    assertThat(agentView.text()).contains("order_update").contains("Approved");
    assertThat(agentView.getElementById("create")).isNull();
    assertThat(agentView.getElementById("sync")).isNull();
    assertThat(agentView.select("[id$=deleteLink]")).isEmpty();
    assertThat(agent.raw("app/templates.xhtml?delete=" + id).statusCode()).isEqualTo(404);
    assertThat(TestAccounts.value("select status from message_template where id = ?", id))
        .isEqualTo("APPROVED");

    Document confirm = owner.get("app/templates.xhtml?delete=" + id);
    assertThat(confirm.getElementById("confirm").text()).contains("Delete order_update?");
    Document deleted = owner.submit(confirm, "confirm", Map.of(), "delete");
    assertThat(deleted.text()).contains("Template order_update deleted at Meta.");
    assertThat(TestAccounts.value("select status from message_template where id = ?", id))
        .isEqualTo("DELETED");
    assertThat(templateCalls(waba, "DELETE")).isEqualTo(1);
  }

  long templateCalls(String waba, String method) {
    return sim.calls().stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("method").equals(method))
        .filter(c -> c.getString("path").contains(waba + "/message_templates"))
        .count();
  }

  static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  static java.util.List<String> labels(long tenant) {
    return TestAccounts.strings("select name from label where tenant_id = ? order by name", tenant);
  }

  static java.util.List<String> fields(long tenant) {
    return TestAccounts.strings(
        "select name from custom_field where tenant_id = ? order by name", tenant);
  }

  static long templates(long tenant) {
    return TestAccounts.count("select count(*) from message_template where tenant_id = ?", tenant);
  }

  static long id(String sql, Object... params) {
    return ((Number) TestAccounts.value(sql, params)).longValue();
  }

  WebClient signIn(TestAccounts.User user) {
    return WebClient.signedIn(base, user);
  }
}
