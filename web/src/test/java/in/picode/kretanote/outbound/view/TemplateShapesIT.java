package in.picode.kretanote.outbound.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.meta.SimState;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates of issue 20 over HTTP against the Meta simulator: an image-header template with a named
 * parameter is created from the page with its sample (uploaded through the Resumable Upload API),
 * previewed, approved and sent from a conversation with its image and value, and the history shows
 * what the customer received; a bad draft names every problem at once and reaches nobody; a media
 * template sent without its media is refused before Meta.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class TemplateShapesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("template-shapes", Map.of());
  }

  @ArquillianResource URL base;

  static MetaSimulator meta;
  URI callbackBefore;
  WebClient owner;
  long tenant;
  String pnid;
  String waba;
  String customer;
  String run;

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I'};

  @BeforeAll
  static void simulator() {
    meta = ItMeta.start();
  }

  @BeforeEach
  void connectedOwner() {
    TestAccounts.clearAddressThrottle();
    meta.clearFaults();
    run = UUID.randomUUID().toString().substring(0, 8);
    TestAccounts.User user = TestAccounts.owner("Shapes", run);
    tenant = user.tenantId();
    owner = WebClient.signedIn(base, user);
    Document connected =
        owner.submit(owner.get("app/settings/whatsapp.xhtml"), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    pnid =
        (String)
            TestAccounts.value(
                "select phone_number_id from whatsapp_connection where tenant_id = ?", tenant);
    waba =
        (String)
            TestAccounts.value(
                "select waba_id from whatsapp_connection where tenant_id = ?", tenant);
    customer = "4917" + (10_000_000 + (int) (Math.random() * 89_999_999));
    callbackBefore = meta.callback();
    meta.setCallback(URI.create(base.toString()).resolve("webhooks/whatsapp"));
  }

  @AfterEach
  void restore() {
    meta.setCallback(callbackBefore);
  }

  static void await(BooleanSupplier condition) {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("condition not met in 20 s");
      }
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  String connectionId() {
    return String.valueOf(
        TestAccounts.value("select id from whatsapp_connection where tenant_id = ?", tenant));
  }

  long templates() {
    return TestAccounts.count("select count(*) from message_template where tenant_id = ?", tenant);
  }

  @Test
  void anImageTemplateWithANamedParameterIsCreatedApprovedAndSentAsTheCustomerReadsIt() {
    String name = "table_" + run;
    Map<String, String> fields = new HashMap<>();
    fields.put("name", name);
    fields.put("language", "en_US");
    // WebClient's multipart post sends inputs only: the selects go as fields.
    fields.put("connection_input", connectionId());
    fields.put("category_input", "UTILITY");
    fields.put("headerFormat_input", "IMAGE");
    fields.put("body", "Hi {{first_name}}, *your table* is ready");
    fields.put("examples", "Ana");
    fields.put("footer", "Kreta Bakery");
    // Without the sample: Meta requires one for an image header, said before anything is sent.
    Document noSample = owner.submit(owner.get("app/templates.xhtml"), "create", fields, "save");
    assertThat(noSample.text()).contains("Meta requires a sample image for a image header");
    assertThat(templates()).isZero();
    assertThat(noSample.select("#create\\:sample")).as("the sample input is offered").isNotEmpty();

    Document created =
        owner.attach(noSample, "create", "table.png", "image/png", PNG, fields, "save");
    assertThat(created.text()).contains("Template " + name + " submitted to Meta");
    SimState.Template atMeta =
        meta.templates(waba).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertThat(atMeta.components().toString())
        .contains("\"format\":\"IMAGE\"")
        .contains("\"header_handle\":[\"4::")
        .contains("{\"param_name\":\"first_name\",\"example\":\"Ana\"}");
    // The list shows the template as WhatsApp renders it: image placeholder, bold, footer.
    Document list = owner.get("app/templates.xhtml");
    assertThat(list.select(".wa-media-image").text()).contains("Image");
    assertThat(list.select(".wa-body strong").eachText()).contains("your table");
    assertThat(list.select(".wa-body").text()).contains("Hi Ana, your table is ready");
    assertThat(list.select(".wa-footer").eachText()).contains("Kreta Bakery");

    TestAccounts.update(
        "update message_template set status = 'APPROVED' where tenant_id = ? and name = ?",
        tenant,
        name);
    meta.setTemplateStatus(waba, name, "en_US", "APPROVED", null);
    meta.customerWrites(pnid, customer, "Is my table ready?");
    await(
        () ->
            TestAccounts.count(
                    "select count(*) from message where tenant_id = ? and direction = 'INBOUND'",
                    tenant)
                == 1);
    long conversation =
        ((Number)
                TestAccounts.value(
                    "select conversation_id from message where tenant_id = ? and direction ="
                        + " 'INBOUND'",
                    tenant))
            .longValue();
    Document page = owner.get("app/conversation.xhtml?id=" + conversation);
    int before = meta.sentMessages(pnid).size();
    owner.submit(
        page,
        "conv",
        Map.of(
            "template_input",
            name + "|en_US",
            "templateValues",
            "Ben",
            "templateMedia",
            "https://cdn.example/table.png"),
        "sendTemplate");
    await(() -> meta.sentMessages(pnid).size() > before);
    String sent =
        meta.sentMessages(pnid).get(meta.sentMessages(pnid).size() - 1).request().toString();
    assertThat(sent)
        .contains("{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example/table.png\"}}")
        .contains("{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ben\"}");
    Document history = owner.get("app/conversation.xhtml?id=" + conversation);
    assertThat(history.text())
        .contains("Hi Ben, *your table* is ready")
        .contains("Kreta Bakery")
        .doesNotContain("[template " + name);
  }

  @Test
  void aBadDraftNamesEveryProblemAtOnceAndNothingReachesMeta() {
    int calls = meta.templates(waba).size();
    Map<String, String> fields = new HashMap<>();
    fields.put("name", "bad_" + run);
    fields.put("language", "en_US");
    // WebClient's multipart post sends inputs only: the selects go as fields.
    fields.put("connection_input", connectionId());
    fields.put("category_input", "MARKETING");
    fields.put("headerFormat_input", "IMAGE");
    fields.put("body", "Hi {{first_name}}, code {{code}}");
    fields.put("examples", "Ana");
    fields.put("buttons:0:buttonType_input", "URL");
    fields.put("buttons:0:buttonText", "Track");
    fields.put("buttons:0:buttonUrl", "https://track.example/{{1}}");
    Document first = owner.submit(owner.get("app/templates.xhtml"), "create", fields, "save");
    Document refused =
        owner.attach(
            first,
            "create",
            "menu.pdf",
            "application/pdf",
            "%PDF-1.4 menu".getBytes(),
            fields,
            "save");
    assertThat(refused.text())
        .contains("image/jpeg, image/png, not application/pdf")
        .contains("2 placeholders (first_name, code)")
        .contains("Meta requires an example of the full link");
    assertThat(templates()).isZero();
    assertThat(meta.templates(waba)).hasSize(calls);
  }

  @Test
  void aMediaTemplateSentWithoutItsMediaIsRefusedBeforeMeta() {
    long connection =
        ((Number)
                TestAccounts.value(
                    "select id from whatsapp_connection where tenant_id = ?", tenant))
            .longValue();
    TestAccounts.update(
        "insert into message_template (tenant_id, connection_id, waba_id, name, language,"
            + " category, status, components, updated_at) values (?, ?, ?, 'menu_doc', 'en_US',"
            + " 'UTILITY', 'APPROVED', ?, now(6))",
        tenant,
        connection,
        waba,
        "[{\"type\":\"HEADER\",\"format\":\"DOCUMENT\"},{\"type\":\"BODY\",\"text\":\"Our menu\"}]");
    meta.customerWrites(pnid, customer, "Menu?");
    await(
        () ->
            TestAccounts.count(
                    "select count(*) from message where tenant_id = ? and direction = 'INBOUND'",
                    tenant)
                == 1);
    long conversation =
        ((Number)
                TestAccounts.value(
                    "select conversation_id from message where tenant_id = ? and direction ="
                        + " 'INBOUND'",
                    tenant))
            .longValue();
    Document refused =
        owner.submit(
            owner.get("app/conversation.xhtml?id=" + conversation),
            "conv",
            Map.of("template_input", "menu_doc|en_US", "templateValues", ""),
            "sendTemplate");
    assertThat(refused.text()).contains("The header needs a document");
    assertThat(
            TestAccounts.count(
                "select count(*) from message where tenant_id = ? and direction = 'OUTBOUND'",
                tenant))
        .isZero();
    List<SimState.SentMessage> sent = meta.sentMessages(pnid);
    assertThat(sent).isEmpty();
  }
}
