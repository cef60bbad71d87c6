package in.picode.kretanote.inbound.rest;

import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.post;
import static in.picode.kretanote.testing.Webhooks.rows;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, inbound items 1 to 3, through signed HTTP webhooks: a customer's "Stop promotions" and
 * resume ({@code user_preferences}) in the consent ledger, messages sent from the WhatsApp Business
 * app ({@code smb_message_echoes}) as outbound messages from the phone, and customers' edits and
 * deletions changing the message they name, each replayed and redelivered, and never across
 * tenants.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class CoexistenceWebhooksIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("coexistence", Map.of());
  }

  @ArquillianResource URL base;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final long now = Instant.now().getEpochSecond() - 600;

  private static String customer() {
    return "4916" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_000_000));
  }

  /** Posts one change of {@code field} for the tenant's number; {@code pad} varies the bytes. */
  private byte[] send(Tenant tenant, String field, String inner, int pad) {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba-"
            + tenant.phoneNumberId()
            + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\""
            + tenant.phoneNumberId()
            + "\"},"
            + inner
            + "},\"field\":\""
            + field
            + "\"}]}]}"
            + " ".repeat(pad);
    byte[] bytes = Webhooks.utf8(body);
    URI endpoint = URI.create(base.toString()).resolve("webhooks/whatsapp");
    assertThat(post(endpoint, bytes).status()).isEqualTo(200);
    assertThat(Webhooks.awaitApplied(bytes)).isEqualTo("APPLIED");
    return bytes;
  }

  private static String contact(String waId) {
    return "\"contacts\":[{\"profile\":{\"name\":\"Kunde "
        + waId
        + "\"},\"wa_id\":\""
        + waId
        + "\"}]";
  }

  private byte[] preference(Tenant tenant, String waId, String value, long at, int pad) {
    return send(
        tenant,
        "user_preferences",
        contact(waId)
            + ",\"user_preferences\":[{\"wa_id\":\""
            + waId
            + "\",\"detail\":\"User requested to "
            + value
            + " marketing messages\",\"category\":\"marketing_messages\",\"value\":\""
            + value
            + "\",\"timestamp\":"
            + at
            + "}]",
        pad);
  }

  private byte[] customerMessage(Tenant tenant, String waId, String message, int pad) {
    return send(tenant, "messages", contact(waId) + ",\"messages\":[" + message + "]", pad);
  }

  private static String text(String waId, String wamid, long at, String body) {
    return "{\"from\":\""
        + waId
        + "\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\""
        + at
        + "\",\"type\":\"text\",\"text\":{\"body\":\""
        + body
        + "\"}}";
  }

  private static String edit(String waId, String wamid, long at, String original, String body) {
    return "{\"from\":\""
        + waId
        + "\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\""
        + at
        + "\",\"type\":\"edit\",\"edit\":{\"original_message_id\":\""
        + original
        + "\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\""
        + body
        + "\"}}}}";
  }

  private static String revoke(String waId, String wamid, long at, String original) {
    return "{\"from\":\""
        + waId
        + "\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\""
        + at
        + "\",\"type\":\"revoke\",\"revoke\":{\"original_message_id\":\""
        + original
        + "\"}}";
  }

  private static long contactId(Tenant tenant, String waId) {
    return count("SELECT id FROM contact WHERE tenant_id = ? AND wa_id = ?", tenant.id(), waId);
  }

  /** text, previous_text, edited_at set, deleted_at set, of the tenant's message {@code wamid}. */
  private static List<String> message(Tenant tenant, String wamid) {
    List<List<String>> found =
        rows(
            "SELECT text, previous_text, edited_at IS NOT NULL, deleted_at IS NOT NULL"
                + " FROM message WHERE tenant_id = ? AND wamid = ?",
            tenant.id(),
            wamid);
    assertThat(found).as("message %s", wamid).hasSize(1);
    return found.get(0);
  }

  @Test
  void stopPromotionsWithdrawsMarketingConsentOnceAndResumeGrantsItAgain() {
    Tenant tenant = Webhooks.tenantWithNumber("Prefs " + run);
    String waId = customer();
    byte[] stop = preference(tenant, waId, "stop", now, 0);
    long contact = contactId(tenant, waId);
    String consent =
        "SELECT granted FROM contact_consent WHERE tenant_id = ? AND contact_id = ?"
            + " AND category = 'MARKETING'";
    String ledger =
        "SELECT COUNT(*) FROM consent_event WHERE tenant_id = ? AND contact_id = ?"
            + " AND category = 'MARKETING' AND source = 'META_USER_PREFERENCE'";
    // what the send guard reads: a marketing template to this customer is refused
    assertThat(string(consent, tenant.id(), contact)).isEqualTo("0");
    assertThat(count(ledger, tenant.id(), contact)).isEqualTo(1);
    assertThat(
            string(
                "SELECT evidence FROM consent_event WHERE tenant_id = ? AND contact_id = ?",
                tenant.id(),
                contact))
        .startsWith("stop marketing_messages at " + now + " event ");

    // Meta redelivers the same body, and the same preference in another body: nothing new
    assertThat(post(URI.create(base.toString()).resolve("webhooks/whatsapp"), stop).status())
        .isEqualTo(200);
    preference(tenant, waId, "stop", now, 3);
    assertThat(count(ledger, tenant.id(), contact)).isEqualTo(1);

    preference(tenant, waId, "resume", now + 60, 0);
    assertThat(string(consent, tenant.id(), contact)).isEqualTo("1");
    assertThat(count(ledger, tenant.id(), contact)).isEqualTo(2);

    // the old stop replayed after the resume does not undo the customer's newer choice
    preference(tenant, waId, "stop", now, 7);
    assertThat(string(consent, tenant.id(), contact)).isEqualTo("1");
    assertThat(count(ledger, tenant.id(), contact)).isEqualTo(2);
  }

  @Test
  void messagesSentFromTheBusinessAppAreStoredOnceAsOutboundFromThePhoneWithTheirStatuses() {
    Tenant tenant = Webhooks.tenantWithNumber("Echo " + run);
    String waId = customer();
    String wamid = "wamid.echo." + run;
    String echo =
        "\"message_echoes\":[{\"from\":\"15550001111\",\"to\":\""
            + waId
            + "\",\"id\":\""
            + wamid
            + "\",\"timestamp\":\""
            + now
            + "\",\"type\":\"text\",\"text\":{\"body\":\"Your order is ready\"}}]";
    send(tenant, "smb_message_echoes", echo, 0);
    send(tenant, "smb_message_echoes", echo, 2); // replayed in another body
    assertThat(
            rows(
                "SELECT m.direction, m.from_phone, m.status, m.text, c.wa_id FROM message m"
                    + " JOIN contact c ON c.id = m.contact_id WHERE m.tenant_id = ?"
                    + " AND m.wamid = ?",
                tenant.id(),
                wamid))
        .containsExactly(List.of("OUTBOUND", "1", "SENT", "Your order is ready", waId));
    assertThat(count("SELECT COUNT(*) FROM conversation WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(1);

    send(
        tenant,
        "messages",
        "\"statuses\":[{\"id\":\""
            + wamid
            + "\",\"status\":\"read\",\"timestamp\":\""
            + (now + 30)
            + "\",\"recipient_id\":\""
            + waId
            + "\"}]",
        0);
    assertThat(
            string(
                "SELECT status FROM message WHERE tenant_id = ? AND wamid = ?", tenant.id(), wamid))
        .isEqualTo("READ");
  }

  @Test
  void anEditChangesTheTextKeepingThePreviousOneAndARevokeMarksTheMessageDeleted() {
    Tenant tenant = Webhooks.tenantWithNumber("Edits " + run);
    String waId = customer();
    String original = "wamid.orig." + run;
    customerMessage(tenant, waId, text(waId, original, now, "See you at 5"), 0);
    byte[] edited =
        customerMessage(
            tenant, waId, edit(waId, "wamid.edit." + run, now + 10, original, "See you at 6"), 0);
    assertThat(message(tenant, original)).containsExactly("See you at 6", "See you at 5", "1", "0");
    // the edit is not a message of its own: the conversation shows one message, not unread twice
    assertThat(count("SELECT unread_count FROM conversation WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(1);
    // redelivered and replayed in another body: nothing changes
    post(URI.create(base.toString()).resolve("webhooks/whatsapp"), edited);
    customerMessage(
        tenant, waId, edit(waId, "wamid.edit." + run, now + 10, original, "See you at 6"), 4);
    assertThat(message(tenant, original)).containsExactly("See you at 6", "See you at 5", "1", "0");

    customerMessage(tenant, waId, revoke(waId, "wamid.revoke." + run, now + 20, original), 0);
    assertThat(message(tenant, original).get(3)).isEqualTo("1");
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND type NOT IN ('edit','revoke')",
                tenant.id()))
        .isEqualTo(1);
  }

  @Test
  void anEditOfAMessageNotStoredYetAppliesWhenTheMessageArrives() {
    Tenant tenant = Webhooks.tenantWithNumber("Early edit " + run);
    String waId = customer();
    String original = "wamid.late." + run;
    customerMessage(
        tenant, waId, edit(waId, "wamid.early-edit." + run, now + 10, original, "Two pizzas"), 0);
    customerMessage(tenant, waId, revoke(waId, "wamid.early-revoke." + run, now + 20, original), 0);
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND wamid = ?",
                tenant.id(),
                original))
        .isZero();
    customerMessage(tenant, waId, text(waId, original, now, "One pizza"), 0);
    assertThat(message(tenant, original)).containsExactly("Two pizzas", "One pizza", "1", "1");
  }

  @Test
  void anEditNeverChangesAnotherTenantsOrAnotherCustomersMessage() {
    Tenant mine = Webhooks.tenantWithNumber("Mine " + run);
    Tenant theirs = Webhooks.tenantWithNumber("Theirs " + run);
    String waId = customer();
    String shared = "wamid.shared." + run;
    // the other tenant has a message under this wamid; this tenant does not
    customerMessage(theirs, waId, text(waId, shared, now, "Their text"), 0);
    customerMessage(mine, waId, edit(waId, "wamid.x-edit." + run, now + 10, shared, "Hijacked"), 0);
    customerMessage(mine, waId, revoke(waId, "wamid.x-revoke." + run, now + 20, shared), 0);
    assertThat(message(theirs, shared)).containsExactly("Their text", null, "0", "0");

    // in one tenant, a customer cannot edit another customer's message
    String other = customer();
    String hers = "wamid.hers." + run;
    customerMessage(mine, other, text(other, hers, now, "Table for two"), 0);
    customerMessage(
        mine, waId, edit(waId, "wamid.y-edit." + run, now + 30, hers, "Table for ten"), 0);
    assertThat(message(mine, hers)).containsExactly("Table for two", null, "0", "0");
  }

  @Test
  void theConversationPageShowsTheMarksAndHidesDeletedTextAndTheEditRows() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Page " + run);
    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-page-" + run + "@example.com", "OWNER");
    String waId = customer();
    customerMessage(tenant, waId, text(waId, "wamid.p1." + run, now, "Before the edit"), 0);
    customerMessage(tenant, waId, text(waId, "wamid.p2." + run, now + 1, "Secret regret"), 0);
    customerMessage(
        tenant,
        waId,
        edit(waId, "wamid.p3." + run, now + 10, "wamid.p1." + run, "After the edit"),
        0);
    customerMessage(tenant, waId, revoke(waId, "wamid.p4." + run, now + 20, "wamid.p2." + run), 0);
    send(
        tenant,
        "smb_message_echoes",
        "\"message_echoes\":[{\"from\":\"15550001111\",\"to\":\""
            + waId
            + "\",\"id\":\"wamid.p5."
            + run
            + "\",\"timestamp\":\""
            + (now + 30)
            + "\",\"type\":\"text\",\"text\":{\"body\":\"Typed on the phone\"}}]",
        0);
    long conversation = count("SELECT id FROM conversation WHERE tenant_id = ?", tenant.id());
    WebClient browser = WebClient.signedIn(base, owner);
    Document page = browser.get("app/conversation.xhtml?id=" + conversation);
    assertThat(browser.lastResponse().statusCode()).isEqualTo(200);
    assertThat(page.select(".bubble")).hasSize(3);
    assertThat(page.select(".bubble.in .text").first().text()).isEqualTo("After the edit");
    assertThat(page.select(".bubble.in .edited").text())
        .contains("Edited")
        .contains("Before the edit");
    assertThat(page.select(".bubble.in .deleted em").text())
        .isEqualTo("🚫 This message was deleted by the customer");
    assertThat(page.select(".bubble.in > .text").eachText()).doesNotContain("Secret regret");
    assertThat(page.select(".bubble.out .from-phone").text())
        .contains("Sent from the WhatsApp Business app");
    assertThat(page.select(".bubble.out .text").text()).isEqualTo("Typed on the phone");

    preference(tenant, waId, "stop", now, 0);
    long contact = contactId(tenant, waId);
    assertThat(browser.get("app/contact.xhtml?id=" + contact).text())
        .contains("The customer pressed \"Stop promotions\" in WhatsApp");
  }
}
