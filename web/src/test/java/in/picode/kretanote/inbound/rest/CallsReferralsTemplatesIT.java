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
 * Issue 20, inbound items 4 to 7 and 12, through signed HTTP webhooks in the shapes of Meta's
 * webhook references: calls as conversation entries and call permission answers on the contact,
 * template quality (RED pauses the campaigns sending it), category and content updates,
 * Click-to-WhatsApp referrals on the message, the conversation and Analytics, number changes and
 * identity warnings, and the number a conversation is on. Each with its bad input: unknown call
 * ids, unknown and other tenants' templates, referrals without media, a number change to a number
 * another contact has.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class CallsReferralsTemplatesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("inbound4", Map.of());
  }

  @ArquillianResource URL base;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final long now = Instant.now().getEpochSecond() - 600;

  private static String customer() {
    return "4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_000_000));
  }

  private URI endpoint() {
    return URI.create(base.toString()).resolve("webhooks/whatsapp");
  }

  /** Posts one change of {@code field} for the tenant's number (value with metadata). */
  private byte[] send(Tenant tenant, String field, String inner, int pad) {
    return postApplied(
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
            + " ".repeat(pad));
  }

  /**
   * Account-level changes are routed by a numeric WABA id (as Meta's are): the tenant's connection
   * gets one.
   */
  private static String waba(Tenant tenant) {
    String waba = "77" + tenant.phoneNumberId();
    Webhooks.execute(
        "UPDATE whatsapp_connection SET waba_id = ? WHERE tenant_id = ? AND id = ?",
        waba,
        tenant.id(),
        tenant.connectionId());
    return waba;
  }

  /** Posts one account-level change of {@code field} for the tenant's WABA. */
  private byte[] sendAccount(Tenant tenant, String field, String value, int pad) {
    return postApplied(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
            + waba(tenant)
            + "\",\"time\":"
            + now
            + ",\"changes\":[{\"value\":"
            + value
            + ",\"field\":\""
            + field
            + "\"}]}]}"
            + " ".repeat(pad));
  }

  private byte[] postApplied(String body) {
    byte[] bytes = Webhooks.utf8(body);
    assertThat(post(endpoint(), bytes).status()).isEqualTo(200);
    assertThat(Webhooks.awaitApplied(bytes)).isEqualTo("APPLIED");
    return bytes;
  }

  private static String contacts(String waId) {
    return "\"contacts\":[{\"profile\":{\"name\":\"Kunde "
        + waId
        + "\"},\"wa_id\":\""
        + waId
        + "\"}]";
  }

  private static String call(
      String id, String event, String direction, String waId, long at, String extra) {
    boolean customerCalls = direction.equals("USER_INITIATED");
    return "{\"id\":\""
        + id
        + "\",\"from\":\""
        + (customerCalls ? waId : "15550001111")
        + "\",\"to\":\""
        + (customerCalls ? "15550001111" : waId)
        + "\",\"event\":\""
        + event
        + "\",\"timestamp\":\""
        + at
        + "\",\"direction\":\""
        + direction
        + "\""
        + extra
        + "}";
  }

  private static String terminate(String status, long start, int duration) {
    return ",\"status\":\""
        + status
        + "\""
        + (duration > 0
            ? ",\"start_time\":\""
                + start
                + "\",\"end_time\":\""
                + (start + duration)
                + "\",\"duration\":"
                + duration
            : "");
  }

  private static long contactId(Tenant tenant, String waId) {
    return count("SELECT id FROM contact WHERE tenant_id = ? AND wa_id = ?", tenant.id(), waId);
  }

  private static List<String> callRow(Tenant tenant, String callId) {
    List<List<String>> found =
        rows(
            "SELECT direction, state, COALESCE(duration_seconds, -1) FROM call_log"
                + " WHERE tenant_id = ? AND call_id = ?",
            tenant.id(),
            callId);
    assertThat(found).as("call %s", callId).hasSize(1);
    return found.get(0);
  }

  @Test
  void callsBecomeConversationEntriesAnsweredMissedOrOutgoingWithTheirDuration() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Calls " + run);
    String waId = customer();
    String answered = "wacid.in." + run;
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(answered, "connect", "USER_INITIATED", waId, now, "")
            + "]",
        0);
    byte[] ended =
        send(
            tenant,
            "calls",
            contacts(waId)
                + ",\"calls\":["
                + call(
                    answered,
                    "terminate",
                    "USER_INITIATED",
                    waId,
                    now + 125,
                    terminate("COMPLETED", now + 5, 120))
                + "]",
            0);
    assertThat(callRow(tenant, answered)).containsExactly("INCOMING", "ENDED", "120");

    String missed = "wacid.missed." + run;
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(missed, "connect", "USER_INITIATED", waId, now + 200, "")
            + "]",
        0);
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(
                missed, "terminate", "USER_INITIATED", waId, now + 230, terminate("FAILED", 0, 0))
            + "]",
        0);
    assertThat(callRow(tenant, missed)).containsExactly("INCOMING", "MISSED", "-1");

    // a business-initiated call: statuses, then its end
    String outgoing = "wacid.out." + run;
    for (String status : List.of("RINGING", "ACCEPTED")) {
      send(
          tenant,
          "calls",
          "\"statuses\":[{\"id\":\""
              + outgoing
              + "\",\"timestamp\":\""
              + (now + 300)
              + "\",\"type\":\"call\",\"status\":\""
              + status
              + "\",\"recipient_id\":\""
              + waId
              + "\"}]",
          0);
    }
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(
                outgoing,
                "terminate",
                "BUSINESS_INITIATED",
                waId,
                now + 400,
                terminate("COMPLETED", now + 310, 90))
            + "]",
        0);
    assertThat(callRow(tenant, outgoing)).containsExactly("OUTGOING", "ENDED", "90");

    // a terminate for a call KretaNote never saw still becomes an entry
    String unknown = "wacid.unknown." + run;
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(
                unknown,
                "terminate",
                "USER_INITIATED",
                waId,
                now + 500,
                terminate("COMPLETED", now + 490, 10))
            + "]",
        0);
    assertThat(callRow(tenant, unknown)).containsExactly("INCOMING", "ENDED", "10");

    // redelivered and replayed: nothing new, and a late connect does not reopen an ended call
    post(endpoint(), ended);
    send(
        tenant,
        "calls",
        contacts(waId)
            + ",\"calls\":["
            + call(answered, "connect", "USER_INITIATED", waId, now, "")
            + "]",
        3);
    assertThat(count("SELECT COUNT(*) FROM call_log WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(4);
    assertThat(callRow(tenant, answered)).containsExactly("INCOMING", "ENDED", "120");
    assertThat(count("SELECT COUNT(*) FROM conversation WHERE tenant_id = ?", tenant.id()))
        .isEqualTo(1);

    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-calls-" + run + "@example.com", "OWNER");
    long conversation = count("SELECT id FROM conversation WHERE tenant_id = ?", tenant.id());
    WebClient browser = WebClient.signedIn(base, owner);
    Document page = browser.get("app/conversation.xhtml?id=" + conversation);
    assertThat(page.select(".call")).hasSize(4);
    assertThat(page.select(".call .call-outcome").eachText())
        .contains("Answered, 2 min 0 s", "Missed", "Answered, 1 min 30 s");
    assertThat(page.select(".call.out .call-dir").text()).contains("Outgoing call");
  }

  @Test
  void aCallPermissionAnswerIsStoredOnTheContactAndAnOlderOneDoesNotUndoIt() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Permission " + run);
    String waId = customer();
    long expires = now + 7 * 86_400;
    String accept =
        "{\"from\":\""
            + waId
            + "\",\"id\":\"wamid.perm1."
            + run
            + "\",\"timestamp\":\""
            + (now + 60)
            + "\",\"type\":\"interactive\",\"interactive\":{\"type\":\"call_permission_reply\","
            + "\"call_permission_reply\":{\"response\":\"accept\",\"is_permanent\":false,"
            + "\"expiration_timestamp\":"
            + expires
            + ",\"response_source\":\"user_action\"}}}";
    send(tenant, "messages", contacts(waId) + ",\"messages\":[" + accept + "]", 0);
    long contact = contactId(tenant, waId);
    String state =
        "SELECT call_permission, call_permission_permanent,"
            + " UNIX_TIMESTAMP(call_permission_expires_at) DIV 1 FROM contact"
            + " WHERE tenant_id = ? AND id = ?";
    assertThat(rows(state, tenant.id(), contact))
        .containsExactly(List.of("ACCEPT", "0", Long.toString(expires)));

    // an older reject delivered late changes nothing
    String olderReject =
        accept
            .replace("wamid.perm1.", "wamid.perm0.")
            .replace("\"" + (now + 60) + "\"", "\"" + now + "\"")
            .replace("\"accept\"", "\"reject\"");
    send(tenant, "messages", contacts(waId) + ",\"messages\":[" + olderReject + "]", 0);
    assertThat(rows(state, tenant.id(), contact).get(0).get(0)).isEqualTo("ACCEPT");

    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-perm-" + run + "@example.com", "OWNER");
    Document page = WebClient.signedIn(base, owner).get("app/contact.xhtml?id=" + contact);
    assertThat(page.select("[id$=callPermission]").text())
        .contains("the customer allowed calls from the business");
  }

  private static long template(Tenant tenant, String metaId, String name, String category) {
    Webhooks.execute(
        "INSERT INTO message_template (tenant_id, connection_id, waba_id, meta_id, name, language,"
            + " category, status, components, updated_at) VALUES (?, ?, ?, ?, ?, 'en', ?,"
            + " 'APPROVED', ?, NOW(6))",
        tenant.id(),
        tenant.connectionId(),
        waba(tenant),
        metaId,
        name,
        category,
        "[{\"type\":\"BODY\",\"text\":\"Hello {{1}}\"},{\"type\":\"FOOTER\",\"text\":\"Old footer\"}]");
    return count(
        "SELECT id FROM message_template WHERE tenant_id = ? AND name = ?", tenant.id(), name);
  }

  private static long campaign(Tenant tenant, String name, String template) {
    Webhooks.execute(
        "INSERT INTO campaign (tenant_id, connection_id, name, template_name, template_language,"
            + " body_values, state, scheduled_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'en',"
            + " '[]', 'SCHEDULED', NOW(6) + INTERVAL 1 DAY, NOW(6), NOW(6))",
        tenant.id(),
        tenant.connectionId(),
        name,
        template);
    return count("SELECT id FROM campaign WHERE tenant_id = ? AND name = ?", tenant.id(), name);
  }

  private static String quality(String metaId, String name, String score) {
    return "{\"previous_quality_score\":\"GREEN\",\"new_quality_score\":\""
        + score
        + "\",\"message_template_id\":"
        + metaId
        + ",\"message_template_name\":\""
        + name
        + "\",\"message_template_language\":\"en\"}";
  }

  @Test
  void aRedQualityScoreIsStoredNotifiedAndPausesTheCampaignsSendingThatTemplateOnly() {
    Tenant tenant = Webhooks.tenantWithNumber("Quality " + run);
    Tenant other = Webhooks.tenantWithNumber("Quality other " + run);
    String metaId = Long.toString(900_000_000L + ThreadLocalRandom.current().nextInt(99_999_999));
    long tpl = template(tenant, metaId, "spring_sale_" + run, "MARKETING");
    template(tenant, metaId + "1", "receipt_" + run, "UTILITY");
    // the other tenant has a template of the same name in its own account
    long theirs = template(other, metaId + "2", "spring_sale_" + run, "MARKETING");
    long sale = campaign(tenant, "Sale " + run, "spring_sale_" + run);
    long receipts = campaign(tenant, "Receipts " + run, "receipt_" + run);
    long theirSale = campaign(other, "Their sale " + run, "spring_sale_" + run);

    byte[] yellow =
        sendAccount(
            tenant,
            "message_template_quality_update",
            quality(metaId, "spring_sale_" + run, "YELLOW"),
            0);
    assertThat(string("SELECT quality FROM message_template WHERE id = ?", tpl))
        .isEqualTo("YELLOW");
    assertThat(string("SELECT state FROM campaign WHERE id = ?", sale)).isEqualTo("SCHEDULED");

    sendAccount(
        tenant, "message_template_quality_update", quality(metaId, "spring_sale_" + run, "RED"), 1);
    assertThat(string("SELECT quality FROM message_template WHERE id = ?", tpl)).isEqualTo("RED");
    assertThat(rows("SELECT state, pause_reason FROM campaign WHERE id = ?", sale).get(0))
        .satisfies(
            r -> {
              assertThat(r.get(0)).isEqualTo("PAUSED");
              assertThat(r.get(1)).contains("RED");
            });
    assertThat(string("SELECT state FROM campaign WHERE id = ?", receipts)).isEqualTo("SCHEDULED");
    assertThat(string("SELECT state FROM campaign WHERE id = ?", theirSale)).isEqualTo("SCHEDULED");
    assertThat(string("SELECT quality FROM message_template WHERE id = ?", theirs)).isNull();
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification WHERE tenant_id = ? AND kind = 'WHATSAPP_TEMPLATE'"
                    + " AND subject LIKE '%quality is RED'",
                tenant.id()))
        .isEqualTo(1);

    // the YELLOW event replayed after RED changes nothing and notifies nobody again
    post(endpoint(), yellow);
    Webhooks.awaitNothingPending(java.time.Duration.ofSeconds(30));
    assertThat(string("SELECT quality FROM message_template WHERE id = ?", tpl)).isEqualTo("RED");

    // a quality update for a template nobody synced changes no template; it is notified
    sendAccount(
        tenant, "message_template_quality_update", quality("123456789", "never_synced", "RED"), 0);
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification WHERE tenant_id = ? AND subject ="
                    + " 'Meta updated a template KretaNote does not know'",
                tenant.id()))
        .isEqualTo(1);
    // one that names no template at all is stored with the reason
    byte[] nameless =
        sendAccount(
            tenant, "message_template_quality_update", "{\"new_quality_score\":\"RED\"}", 0);
    assertThat(
            string(
                "SELECT i.reason FROM webhook_event_issue i JOIN webhook_event e"
                    + " ON e.id = i.event_id WHERE e.body_sha256 = ?",
                (Object) Webhooks.sha256(nameless)))
        .contains("names no template");
  }

  @Test
  void aCategoryChangeIsStoredAndShownAndAComponentsUpdateResyncsTheContent() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Category " + run);
    String metaId = Long.toString(800_000_000L + ThreadLocalRandom.current().nextInt(99_999_999));
    long tpl = template(tenant, metaId, "order_update_" + run, "UTILITY");
    String change =
        "{\"message_template_id\":"
            + metaId
            + ",\"message_template_name\":\"order_update_"
            + run
            + "\",\"message_template_language\":\"en\",\"previous_category\":\"UTILITY\","
            + "\"new_category\":\"MARKETING\"}";
    sendAccount(tenant, "template_category_update", change, 0);
    sendAccount(tenant, "template_category_update", change, 2);
    assertThat(rows("SELECT category, previous_category FROM message_template WHERE id = ?", tpl))
        .containsExactly(List.of("MARKETING", "UTILITY"));

    sendAccount(
        tenant,
        "message_template_components_update",
        "{\"message_template_id\":"
            + metaId
            + ",\"message_template_name\":\"order_update_"
            + run
            + "\",\"message_template_language\":\"en\",\"message_template_element\":"
            + "\"Hi {{1}}, your order shipped\",\"message_template_footer\":\"New footer\","
            + "\"message_template_buttons\":[{\"message_template_button_type\":\"URL\","
            + "\"message_template_button_text\":\"Track\","
            + "\"message_template_button_url\":\"https://example.com/t/{{1}}\"}]}",
        0);
    String components = string("SELECT components FROM message_template WHERE id = ?", tpl);
    assertThat(components)
        .contains("Hi {{1}}, your order shipped")
        .contains("New footer")
        .contains("https://example.com/t/{{1}}")
        .doesNotContain("Old footer");

    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-cat-" + run + "@example.com", "OWNER");
    Document page = WebClient.signedIn(base, owner).get("app/templates.xhtml");
    assertThat(page.select("span[id$=':category']").text()).isEqualTo("Marketing");
    assertThat(page.select("span[id$=':category']").attr("title")).isEqualTo("MARKETING");
    assertThat(page.select("[id$=previousCategory]").text()).contains("was Utility");
    assertThat(page.select("[id$=previousCategory]").attr("title")).isEqualTo("UTILITY");
  }

  private String referred(String waId, String wamid, long at, String referral) {
    return "{\"from\":\""
        + waId
        + "\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\""
        + at
        + "\",\"type\":\"text\",\"text\":{\"body\":\"Is this still available?\"},"
        + "\"referral\":"
        + referral
        + "}";
  }

  @Test
  void aReferralIsStoredOnTheMessageShownInTheConversationAndCountedPerAd() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Ads " + run);
    String ad = "1202" + run.hashCode();
    String withMedia =
        "{\"source_url\":\"https://fb.me/abc\",\"source_id\":\""
            + ad
            + "\",\"source_type\":\"ad\",\"headline\":\"Winter sale "
            + run
            + "\",\"body\":\"Half price\",\"media_type\":\"image\","
            + "\"image_url\":\"https://scontent.example/ad.jpg\",\"ctwa_clid\":\"ARA"
            + run
            + "\"}";
    String first = customer();
    byte[] referredBody =
        send(
            tenant,
            "messages",
            contacts(first)
                + ",\"messages\":["
                + referred(first, "wamid.ref1." + run, now, withMedia)
                + "]",
            0);
    // a second customer from the same ad, whose referral has no media at all
    String second = customer();
    String noMedia =
        "{\"source_url\":\"https://fb.me/abc\",\"source_id\":\""
            + ad
            + "\",\"source_type\":\"ad\",\"headline\":\"Winter sale "
            + run
            + "\"}";
    send(
        tenant,
        "messages",
        contacts(second)
            + ",\"messages\":["
            + referred(second, "wamid.ref2." + run, now + 5, noMedia)
            + "]",
        0);
    post(endpoint(), referredBody);
    Webhooks.awaitNothingPending(java.time.Duration.ofSeconds(30));
    assertThat(
            rows(
                "SELECT source_id, source_type, headline, media_type, ctwa_clid FROM message_referral"
                    + " WHERE tenant_id = ? ORDER BY id",
                tenant.id()))
        .containsExactly(
            List.of(ad, "ad", "Winter sale " + run, "image", "ARA" + run),
            java.util.Arrays.asList(ad, "ad", "Winter sale " + run, null, null));
    // the message itself is stored as always
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND text = 'Is this still available?'",
                tenant.id()))
        .isEqualTo(2);

    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-ads-" + run + "@example.com", "OWNER");
    WebClient browser = WebClient.signedIn(base, owner);
    long conversation =
        count(
            "SELECT conversation_id FROM message_referral WHERE tenant_id = ? AND wamid = ?",
            tenant.id(),
            "wamid.ref1." + run);
    Document page = browser.get("app/conversation.xhtml?id=" + conversation);
    assertThat(page.select("[id$=referral]").text())
        .contains("Came from an ad")
        .contains("Winter sale " + run)
        .contains("Ad id " + ad);
    assertThat(page.select("[id$=convNumber]").text()).contains("15550001111");

    // one conversation answered by the business and one closed
    Webhooks.execute(
        "INSERT INTO message (tenant_id, conversation_id, contact_id, connection_id, wamid,"
            + " direction, type, text, status, created_at, received_at) SELECT tenant_id, id,"
            + " contact_id, connection_id, ?, 'OUTBOUND', 'text', 'Yes!', 'SENT', NOW(6), NOW(6)"
            + " FROM conversation WHERE id = ?",
        "wamid.reply." + run,
        conversation);
    Webhooks.execute(
        "UPDATE conversation SET status = 'CLOSED', closed_at = NOW(6) WHERE tenant_id = ?"
            + " AND id <> ?",
        tenant.id(),
        conversation);
    Document analytics = browser.get("app/analytics.xhtml");
    assertThat(analytics.select("table.ads tr").text()).contains("Winter sale " + run);
    assertThat(analytics.select(".ad-conversations").text()).isEqualTo("2");
    assertThat(analytics.select(".ad-replied").text()).isEqualTo("1");
    assertThat(analytics.select(".ad-resolved").text()).isEqualTo("1");
  }

  private String system(String waId, String wamid, long at, String system) {
    return "{\"from\":\""
        + waId
        + "\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\""
        + at
        + "\",\"type\":\"system\",\"system\":"
        + system
        + "}";
  }

  @Test
  void aNumberChangeMovesTheContactWithItsHistoryUnlessTheNewNumberIsTaken() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Moves " + run);
    String old = customer();
    String fresh = customer();
    send(
        tenant,
        "messages",
        contacts(old)
            + ",\"messages\":[{\"from\":\""
            + old
            + "\",\"id\":\"wamid.before."
            + run
            + "\",\"timestamp\":\""
            + now
            + "\",\"type\":\"text\",\"text\":{\"body\":\"Hello\"}}]",
        0);
    long contact = contactId(tenant, old);
    send(
        tenant,
        "messages",
        "\"messages\":["
            + system(
                old,
                "wamid.moved." + run,
                now + 10,
                "{\"body\":\"User A changed from "
                    + old
                    + " to "
                    + fresh
                    + "\",\"wa_id\":\""
                    + fresh
                    + "\",\"type\":\"user_changed_number\"}")
            + "]",
        0);
    assertThat(contactId(tenant, fresh)).isEqualTo(contact);
    assertThat(
            count(
                "SELECT COUNT(*) FROM message WHERE tenant_id = ? AND contact_id = ?",
                tenant.id(),
                contact))
        .isEqualTo(2);

    // a customer moving to a number another contact already has: nothing moves, it is recorded
    String mover = customer();
    String taken = customer();
    for (String w : List.of(mover, taken)) {
      send(
          tenant,
          "messages",
          contacts(w)
              + ",\"messages\":[{\"from\":\""
              + w
              + "\",\"id\":\"wamid.hi."
              + w
              + "\",\"timestamp\":\""
              + now
              + "\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}]",
          0);
    }
    long moverId = contactId(tenant, mover);
    long takenId = contactId(tenant, taken);
    String conflicting =
        "\"messages\":["
            + system(
                mover,
                "wamid.conflict." + run,
                now + 20,
                "{\"body\":\"User B changed from "
                    + mover
                    + " to "
                    + taken
                    + "\",\"wa_id\":\""
                    + taken
                    + "\",\"type\":\"user_changed_number\"}")
            + "]";
    send(tenant, "messages", conflicting, 0);
    send(tenant, "messages", conflicting, 2);
    assertThat(contactId(tenant, mover)).isEqualTo(moverId);
    assertThat(contactId(tenant, taken)).isEqualTo(takenId);
    assertThat(
            rows(
                "SELECT contact_id, other_contact_id, new_wa_id FROM contact_number_conflict"
                    + " WHERE tenant_id = ?",
                tenant.id()))
        .containsExactly(List.of(Long.toString(moverId), Long.toString(takenId), taken));

    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-moves-" + run + "@example.com", "OWNER");
    Document page = WebClient.signedIn(base, owner).get("app/contact.xhtml?id=" + moverId);
    assertThat(page.select(".number-conflict").text())
        .contains("moved to +" + taken)
        .contains("merge the two contacts");
  }

  @Test
  void anIdentityChangeIsAWarningOnTheContactPage() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Identity " + run);
    String waId = customer();
    send(
        tenant,
        "messages",
        "\"messages\":["
            + system(
                waId,
                "wamid.ident." + run,
                now,
                "{\"body\":\"User's security code changed\",\"identity\":\"abc123\","
                    + "\"type\":\"customer_identity_changed\",\"customer\":\""
                    + waId
                    + "\"}")
            + "]",
        0);
    long contact = contactId(tenant, waId);
    assertThat(
            string(
                "SELECT identity_changed_at IS NOT NULL FROM contact WHERE tenant_id = ? AND id = ?",
                tenant.id(),
                contact))
        .isEqualTo("1");
    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-ident-" + run + "@example.com", "OWNER");
    Document page = WebClient.signedIn(base, owner).get("app/contact.xhtml?id=" + contact);
    assertThat(page.select("[id$=identityWarning]").text())
        .contains("identity changed")
        .contains("User's security code changed");
  }

  @Test
  void withSeveralNumbersTheInboxOffersANumberFilterAndTheConversationNamesItsNumber() {
    TestAccounts.clearAddressThrottle();
    Tenant tenant = Webhooks.tenantWithNumber("Numbers " + run);
    String second = "1066" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
    Webhooks.execute(
        "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
            + " display_phone_number, verified_name, status, created_at, updated_at)"
            + " VALUES (?, ?, ?, '15550002222', 'Second shop', 'CONNECTED', NOW(6), NOW(6))",
        tenant.id(),
        "waba-" + tenant.phoneNumberId(),
        second);
    long secondConnection =
        count(
            "SELECT id FROM whatsapp_connection WHERE tenant_id = ? AND phone_number_id = ?",
            tenant.id(),
            second);
    String waId = customer();
    send(
        tenant,
        "messages",
        contacts(waId)
            + ",\"messages\":[{\"from\":\""
            + waId
            + "\",\"id\":\"wamid.n1."
            + run
            + "\",\"timestamp\":\""
            + now
            + "\",\"type\":\"text\",\"text\":{\"body\":\"On the first\"}}]",
        0);
    postApplied(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba-"
            + tenant.phoneNumberId()
            + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550002222\",\"phone_number_id\":\""
            + second
            + "\"},"
            + contacts(waId)
            + ",\"messages\":[{\"from\":\""
            + waId
            + "\",\"id\":\"wamid.n2."
            + run
            + "\",\"timestamp\":\""
            + now
            + "\",\"type\":\"text\",\"text\":{\"body\":\"On the second\"}}]},"
            + "\"field\":\"messages\"}]}]}");
    long onSecond =
        count(
            "SELECT id FROM conversation WHERE tenant_id = ? AND connection_id = ?",
            tenant.id(),
            secondConnection);
    TestAccounts.User owner =
        TestAccounts.user(tenant.id(), "owner-numbers-" + run + "@example.com", "OWNER");
    WebClient browser = WebClient.signedIn(base, owner);
    Document inbox = browser.get("app/inbox.xhtml");
    assertThat(inbox.select("select[id$=number_input] option").eachText())
        .contains("All numbers", "15550002222 (Second shop)");
    Document page = browser.get("app/conversation.xhtml?id=" + onSecond);
    assertThat(page.select("[id$=convNumber]").text()).contains("+15550002222 (Second shop)");
  }
}
