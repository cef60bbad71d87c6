package in.picode.kretanote.messaging.view;

import static in.picode.kretanote.testing.Webhooks.count;
import static in.picode.kretanote.testing.Webhooks.rows;
import static in.picode.kretanote.testing.Webhooks.string;
import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.Inbox.Owner;
import in.picode.kretanote.messaging.boundary.Inbox.State;
import in.picode.kretanote.messaging.control.InboxQuery;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.TestAccounts.User;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import in.picode.kretanote.testing.Webhooks.Tenant;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard over plain HTTP (no JavaScript): hostile message text, another tenant's ids in the
 * URL, bad CSV files, snoozing, and the inbox query's plan and keyset pages against MariaDB.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class DashboardIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("dashboard", Map.of());
  }

  @ArquillianResource URL base;

  @BeforeEach
  void freshAddress() {
    TestAccounts.clearAddressThrottle();
  }

  @AfterAll
  static void cleanUp() {
    TestAccounts.clearAddressThrottle();
  }

  record Business(Tenant tenant, User owner) {}

  static Business business(String label) {
    String run = TestAccounts.run();
    Tenant tenant = Webhooks.tenantWithNumber(label + " " + run);
    User owner =
        TestAccounts.user(
            tenant.id(), "owner-" + label.toLowerCase() + "-" + run + "@example.com", "OWNER");
    return new Business(tenant, owner);
  }

  static String number() {
    return "4917" + (10_000_000L + ThreadLocalRandom.current().nextLong(89_999_999L));
  }

  @Test
  void hostileMessageTextIsShownAsTextInTheInboxAndTheConversation() {
    Business a = business("Hostile");
    String waId = number();
    String hostile =
        "<script>document.title='pwned'</script><img src=x onerror=alert(1)> "
            + "W".repeat(300)
            + " مرحبا بك 👋";
    Inbound.text(base, a.tenant(), waId, "<b>Mallory</b>", hostile);
    long conversation = Inbound.conversationOf(a.tenant(), waId);
    WebClient browser = WebClient.signedIn(base, a.owner());

    Document inbox = browser.get("app/inbox.xhtml");
    assertThat(inbox.select("ul.inbox script")).isEmpty();
    assertThat(inbox.select("ul.inbox img")).isEmpty();
    assertThat(inbox.select("ul.inbox b")).as("the contact name is text too").isEmpty();
    assertThat(inbox.select(".inbox-row .who").text()).isEqualTo("<b>Mallory</b>");
    assertThat(inbox.select(".inbox-row .preview").text()).startsWith("<script>document.title=");

    Document page = browser.get("app/conversation.xhtml?id=" + conversation);
    assertThat(browser.lastResponse().statusCode()).isEqualTo(200);
    // The only scripts in the history are PrimeFaces' own, with the page's nonce, for the
    // reply and react links; nothing the customer wrote.
    assertThat(page.select(".history script"))
        .allSatisfy(
            s -> {
              assertThat(s.attr("nonce")).isNotBlank();
              assertThat(s.data()).startsWith("$(function(){PrimeFaces.cw(\"CommandLink\"");
              assertThat(s.data()).doesNotContain("pwned");
            });
    assertThat(page.select(".history img")).isEmpty();
    assertThat(page.select(".bubble.in .text").text()).isEqualTo(hostile);
    assertThat(browser.lastResponse().body())
        .contains("&lt;script&gt;document.title=")
        .doesNotContain("<script>document.title='pwned'");
    assertThat(page.select(".bubble.in .text").attr("dir")).isEqualTo("auto");
    assertThat(page.text()).contains("Reply window open for 23 h");
    // Reading is the page's postback once shown, not the GET (security finding 10).
    browser.submit(page, "conv", Map.of(), "markRead");
    assertThat(string("SELECT unread_count FROM conversation WHERE id = ?", conversation))
        .as("opening the conversation marks it read")
        .isEqualTo("0");
  }

  @Test
  void anotherBusinesssConversationAndContactAreNotFoundAndStayUntouched() {
    Business a = business("Alpha");
    Business b = business("Beta");
    String waId = number();
    Inbound.text(base, b.tenant(), waId, "Bea", "Private to Beta");
    long bConversation = Inbound.conversationOf(b.tenant(), waId);
    long bContact = count("SELECT contact_id FROM conversation WHERE id = ?", bConversation);
    List<List<String>> before =
        rows(
            "SELECT status, unread_count, assignee_id, version FROM conversation WHERE id = ?",
            bConversation);

    WebClient alpha = WebClient.signedIn(base, a.owner());
    Document page = alpha.get("app/conversation.xhtml?id=" + bConversation);
    assertThat(alpha.lastResponse().statusCode()).isEqualTo(404);
    assertThat(page.text()).doesNotContain("Private to Beta").doesNotContain("Bea");
    alpha.get("app/contact.xhtml?id=" + bContact);
    assertThat(alpha.lastResponse().statusCode()).isEqualTo(404);
    alpha.get("app/conversation.xhtml?id=abc");
    assertThat(alpha.lastResponse().statusCode()).isEqualTo(404);
    alpha.get("app/conversation.xhtml?id=99999999999999999999");
    assertThat(alpha.lastResponse().statusCode()).isEqualTo(404);

    Document inbox = alpha.get("app/inbox.xhtml");
    assertThat(inbox.text()).doesNotContain("Private to Beta");
    Document contacts = alpha.get("app/contacts.xhtml");
    assertThat(contacts.text()).doesNotContain("Bea");

    assertThat(
            rows(
                "SELECT status, unread_count, assignee_id, version FROM conversation WHERE id = ?",
                bConversation))
        .as("Beta's conversation is unchanged")
        .isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM conversation_note WHERE tenant_id = ?", b.tenant().id()))
        .isZero();
  }

  @Test
  void theContactPageShowsConsentAndWhyItChangedAndRecordsAChangeWithANote() {
    Business a = business("Consent");
    String waId = number();
    Inbound.text(base, a.tenant(), waId, "Dora", "Hello");
    long contact =
        count(
            "SELECT contact_id FROM conversation WHERE id = ?",
            Inbound.conversationOf(a.tenant(), waId));
    Inbound.text(base, a.tenant(), waId, "Dora", "STOP");
    assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", contact))
        .as("STOP withdrew marketing and utility consent")
        .isEqualTo(2);

    WebClient browser = WebClient.signedIn(base, a.owner());
    String url = "app/contact.xhtml?id=" + contact;
    Document page = browser.get(url);
    assertThat(page.text()).contains("Opted out of marketing").contains("The customer wrote STOP");
    assertThat(page.select(".consent-states tr").eachText())
        .contains("Marketing Opted out", "Utility Opted out", "Authentication Not recorded");
    Document optedOut =
        browser.submit(
            browser.get("app/contacts.xhtml"), "list", Map.of("optedOut_input", "true"), "search");
    assertThat(optedOut.select("tr:contains(Dora) .opt-out").text()).isEqualTo("Marketing");

    Document refused =
        browser.submit(
            page,
            "contact",
            Map.of("consentGranted_input", "true", "consentNote", "  "),
            "recordConsent");
    assertThat(refused.text()).contains("Say how the customer told you");
    assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", contact))
        .isEqualTo(2);

    Document recorded =
        browser.submit(
            page,
            "contact",
            Map.of(
                "consentGranted_input", "true", "consentNote", "Asked for offers at the counter"),
            "recordConsent");
    assertThat(recorded.text())
        .contains("Consent recorded.")
        .contains("Recorded by " + a.owner().email() + ": Asked for offers at the counter")
        .contains("Not opted out");
    Document optedIn =
        browser.submit(
            browser.get("app/contacts.xhtml"), "list", Map.of("optedOut_input", "false"), "search");
    assertThat(optedIn.select("tr:contains(Dora) .opt-out").text()).isEqualTo("No");
    assertThat(
            rows(
                "SELECT category, granted, source, actor FROM consent_event"
                    + " WHERE contact_id = ? ORDER BY id DESC LIMIT 1",
                contact))
        .containsExactly(List.of("MARKETING", "1", "AGENT", a.owner().email()));
  }

  @Test
  void notesAssignLabelsCloseAndSnoozeOverPlainPosts() {
    Business a = business("Desk");
    User agent =
        TestAccounts.user(a.tenant().id(), "agent-" + TestAccounts.run() + "@example.com", "AGENT");
    String waId = number();
    Inbound.text(base, a.tenant(), waId, "Carla", "Is my order shipped?");
    long conversation = Inbound.conversationOf(a.tenant(), waId);
    WebClient browser = WebClient.signedIn(base, agent);
    String url = "app/conversation.xhtml?id=" + conversation;

    Document page =
        browser.submit(browser.get(url), "conv", Map.of("note", "Customer is VIP"), "addNote");
    assertThat(page.text()).contains("Customer is VIP");
    assertThat(
            count("SELECT COUNT(*) FROM conversation_note WHERE conversation_id = ?", conversation))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM message WHERE conversation_id = ?", conversation))
        .as("a note is never a message")
        .isEqualTo(1);
    browser.submit(page, "conv", Map.of("note", "   "), "addNote");
    assertThat(browser.lastResponse().body()).contains("A note cannot be empty");
    assertThat(
            count("SELECT COUNT(*) FROM conversation_note WHERE conversation_id = ?", conversation))
        .isEqualTo(1);

    page = browser.submit(browser.get(url), "conv", Map.of(), "assignMe");
    assertThat(count("SELECT assignee_id FROM conversation WHERE id = ?", conversation))
        .isEqualTo(agent.id());
    page = browser.submit(page, "conv", Map.of("newLabel", "Shipping"), "addLabel");
    page = browser.submit(page, "conv", Map.of("newLabel", "Shipping"), "addLabel");
    assertThat(
            count(
                "SELECT COUNT(*) FROM conversation_label WHERE conversation_id = ?", conversation))
        .as("the same label twice is one label")
        .isEqualTo(1);
    assertThat(page.select(".labels .label").text()).contains("Shipping");

    Business other = business("Other");
    page =
        browser.submit(
            page, "conv", Map.of("assignee_input", String.valueOf(other.owner().id())), "assign");
    assertThat(page.text()).contains("Value is not valid");
    assertThat(count("SELECT assignee_id FROM conversation WHERE id = ?", conversation))
        .as("another business's user cannot be assigned")
        .isEqualTo(agent.id());

    page = browser.submit(page, "conv", Map.of(), "snooze1h");
    assertThat(
            string(
                "SELECT snoozed_until > UTC_TIMESTAMP(6) FROM conversation WHERE id = ?",
                conversation))
        .isEqualTo("1");
    assertThat(inbox(a.tenant(), agent.id(), Owner.MINE, State.OPEN)).doesNotContain(conversation);
    assertThat(inbox(a.tenant(), agent.id(), Owner.MINE, State.SNOOZED)).contains(conversation);
    Webhooks.execute(
        "UPDATE conversation SET snoozed_until = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE id = ?",
        conversation);
    assertThat(inbox(a.tenant(), agent.id(), Owner.MINE, State.OPEN))
        .as("a snooze that ran out is open again, no timer needed")
        .contains(conversation);

    page = browser.submit(browser.get(url), "conv", Map.of(), "snooze1h");
    Inbound.text(base, a.tenant(), waId, "Carla", "Hello?");
    assertThat(string("SELECT snoozed_until FROM conversation WHERE id = ?", conversation))
        .as("the customer writing wakes a snoozed conversation")
        .isNull();

    page = browser.submit(browser.get(url), "conv", Map.of(), "close");
    assertThat(string("SELECT status FROM conversation WHERE id = ?", conversation))
        .isEqualTo("CLOSED");
    assertThat(inbox(a.tenant(), agent.id(), Owner.ALL, State.CLOSED)).contains(conversation);
    page = browser.submit(page, "conv", Map.of(), "reopen");
    assertThat(string("SELECT status FROM conversation WHERE id = ?", conversation))
        .isEqualTo("OPEN");
    Document analytics = browser.get("app/analytics.xhtml");
    assertThat(analytics.text()).contains("Delivery funnel").doesNotContain("Meta cost");
    assertThat(analytics.select("nav.sidebar").text()).contains("Inbox");
    assertThat(analytics.select("nav.sidebar a[href*=settings/team.xhtml]"))
        .as("an agent sees no link to the members page (only Teams, read-only)")
        .isEmpty();
    browser.get("app/settings/team.xhtml");
    assertThat(browser.lastResponse().statusCode()).as("an agent has no team admin").isEqualTo(403);
    Document contacts = browser.get("app/contacts.xhtml");
    assertThat(contacts.getElementById("fields")).as("an agent defines no fields").isNull();
    assertThat(TestAccounts.auditActions(a.tenant().id()))
        .contains(
            "conversation.assigned",
            "conversation.snoozed",
            "conversation.closed",
            "conversation.reopened");
  }

  @Test
  void badCsvFilesImportNothingAndSayWhy() {
    Business a = business("Csv");
    WebClient browser = WebClient.signedIn(base, a.owner());
    long before = count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", a.tenant().id());

    Document page =
        upload(
            browser,
            "phone,name\n+49 151 1234567,J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(page.text()).contains("The file is not UTF-8 text");
    assertThat(page.getElementById("mapping")).isNull();

    page = upload(browser, "phone,name\n+49 151 1234567,Ana\n".getBytes(StandardCharsets.UTF_16));
    assertThat(page.text()).contains("not UTF-8");

    byte[] big = new byte[2 * 1024 * 1024 + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    page = upload(browser, big);
    assertThat(page.text()).contains("larger than 2048 KB");

    page = upload(browser, "name,city\nAna,Berlin\n".getBytes(StandardCharsets.UTF_8));
    page = browser.submit(page, "mapping", Map.of(), "check");
    assertThat(page.text()).contains("Choose the column that holds the phone numbers");

    page =
        upload(
            browser,
            ("phone,name,email\n"
                    + "+49 151 1111111,Ana,ana@example.com\n"
                    + "0151 2222222,Ben,\n"
                    + "+49 151 1111111,Ana again,\n"
                    + "+49 151 3333333,Cem,not-an-email\n"
                    + "+49 151 4444444,Dana,dana@example.com\n")
                .getBytes(StandardCharsets.UTF_8));
    page = browser.submit(page, "mapping", Map.of(), "check");
    assertThat(page.text()).contains("3 rows have problems").contains("nothing was imported");
    assertThat(page.select("table.problems td").eachText())
        .contains("3", "4", "5")
        .anyMatch(t -> t.contains("has no country code"))
        .anyMatch(t -> t.contains("already on line 2"))
        .anyMatch(t -> t.contains("not an email address"));
    assertThat(page.getElementById("mapping:import")).as("no import button").isNull();
    assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", a.tenant().id()))
        .isEqualTo(before);

    page =
        upload(
            browser,
            ("\uFEFFPhone,Full name,Tags\n"
                    + "+49 151 5555555,\"=HYPERLINK(\"\"x\"\")\",vip;newsletter\n"
                    + "0049 151 6666666,Eve,\n")
                .getBytes(StandardCharsets.UTF_8));
    page = browser.submit(page, "mapping", Map.of(), "check");
    assertThat(page.text()).contains("2 contacts are ready to import");
    page = browser.submit(page, "mapping", Map.of(), "import");
    assertThat(page.text()).contains("2 new contacts, 0 updated");
    assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", a.tenant().id()))
        .isEqualTo(before + 2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM contact_tag WHERE tenant_id = ? AND tag IN ('vip',"
                    + " 'newsletter')",
                a.tenant().id()))
        .isEqualTo(2);

    Document list = browser.get("app/contacts.xhtml");
    browser.submit(list, "list", Map.of(), "export");
    String csv = browser.lastResponse().body();
    assertThat(browser.lastResponse().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/csv");
    assertThat(csv).contains("491515555555").contains("'=HYPERLINK").contains("vip");
  }

  @Test
  void finding09_onlyOwnersAndAdminsExportTheFilteredListAndEachExportIsAudited() {
    Business a = business("Export");
    long tenant = a.tenant().id();
    String run = TestAccounts.run();
    User agent = TestAccounts.user(tenant, "agent-export-" + run + "@example.com", "AGENT");
    String vip1 = number();
    String vip2 = number();
    String plain = number();
    long c1 = TestAccounts.contact(tenant, vip1, "Vera Vip");
    long c2 = TestAccounts.contact(tenant, vip2, "=Victor Vip");
    TestAccounts.contact(tenant, plain, "Paula Plain");
    for (long contact : List.of(c1, c2)) {
      TestAccounts.update(
          "INSERT INTO contact_tag (tenant_id, contact_id, tag) VALUES (?, ?, 'vip')",
          tenant,
          contact);
    }
    TestAccounts.update(
        "INSERT INTO custom_field (tenant_id, name, type, created_at)"
            + " VALUES (?, '=HYPERLINK(1)', 'TEXT', now(6))",
        tenant);

    WebClient agentBrowser = WebClient.signedIn(base, agent);
    Document agentList = agentBrowser.get("app/contacts.xhtml");
    assertThat(agentList.text()).contains("Vera Vip");
    assertThat(agentList.getElementById("list:export"))
        .as("no export button for an agent")
        .isNull();
    Document refused =
        agentBrowser.submit(agentList, "list", Map.of(), "search", Map.of("list:export", ""));
    assertThat(agentBrowser.lastResponse().headers().firstValue("Content-Type").orElse(""))
        .as("an agent's forged export postback gets no CSV")
        .startsWith("text/html");
    assertThat(refused.text()).doesNotContain("phone,name,email");

    WebClient ownerBrowser = WebClient.signedIn(base, a.owner());
    Document ownerList = ownerBrowser.get("app/contacts.xhtml");
    assertThat(ownerList.getElementById("list:export")).isNotNull();
    ownerBrowser.submit(ownerList, "list", Map.of("tag_input", "vip"), "export");
    assertThat(ownerBrowser.lastResponse().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/csv");
    String csv = ownerBrowser.lastResponse().body();
    assertThat(csv).contains(vip1).contains(vip2).doesNotContain(plain);
    assertThat(csv.lines().count()).as("header and the two tagged contacts").isEqualTo(3);
    assertThat(csv.lines().findFirst().orElseThrow())
        .as("a custom field's name is neutralised in the header")
        .endsWith(",'=HYPERLINK(1)");
    assertThat(csv).contains("'=Victor Vip");

    assertThat(
            rows(
                "SELECT actor_email, detail FROM audit_event WHERE tenant_id = ?"
                    + " AND action = 'contacts.exported'",
                tenant))
        .as("one export, by the owner, with the filter")
        .containsExactly(List.of(a.owner().email(), "tag \"vip\""));
  }

  @Test
  void finding02_formsRefuseMarkupInBusinessPersonAndLabelNames() {
    String run = TestAccounts.run();
    String hostile = "</script><meta http-equiv=refresh content=\"0;url=/x\">";
    WebClient visitor = new WebClient(java.net.URI.create(base.toString()));
    Map<String, String> form = new java.util.HashMap<>();
    form.put("companyName", "Bistro " + run + " " + hostile);
    form.put("ownerName", "Ana Owner");
    form.put("email", "markup-" + run + "@example.com");
    form.put("password", "a long enough pass phrase " + run);
    form.put("legalName", "Bistro " + run + " GmbH");
    form.put("addressLine", "Hauptstraße 1");
    form.put("postalCode", "10115");
    form.put("city", "Berlin");
    form.put("country", "DE");
    form.put("taxId", "");
    Document page = visitor.submit(visitor.get("signup.xhtml"), "signup", form, "submit");
    assertThat(page.text()).contains("A business name cannot contain < or >");
    form.put("companyName", "Bistro " + run);
    form.put("ownerName", "Ana <b>Owner</b>");
    page = visitor.submit(visitor.get("signup.xhtml"), "signup", form, "submit");
    assertThat(page.text()).contains("A name cannot contain < or >");
    assertThat(count("SELECT COUNT(*) FROM tenant WHERE name LIKE ?", "Bistro " + run + "%"))
        .as("no business was created")
        .isZero();

    Business b = business("Labels");
    WebClient owner = WebClient.signedIn(base, b.owner());
    page =
        owner.submit(
            owner.get("app/settings/labels.xhtml"),
            "create",
            Map.of("name", "<img src=x>"),
            "save");
    assertThat(page.text()).contains("A label cannot contain < or >");
    assertThat(count("SELECT COUNT(*) FROM label WHERE tenant_id = ?", b.tenant().id())).isZero();
  }

  Document upload(WebClient browser, byte[] content) {
    return browser.upload(
        browser.get("app/contacts-import.xhtml"),
        "upload",
        "file",
        "contacts.csv",
        content,
        "send");
  }

  @Test
  void inboxPagesUseTheIndexAndNeverRepeatOrSkip() throws SQLException {
    Business a = business("Plan");
    List<String> fruit =
        List.of("apples", "bananas", "cherries", "dates", "figs", "grapes", "lemons");
    for (int i = 0; i < 7; i++) {
      Inbound.text(
          base, a.tenant(), number(), "Customer " + i, "Do you sell " + fruit.get(i) + "?");
    }
    Webhooks.execute(
        "UPDATE conversation SET last_activity_at = '2026-01-01 10:00:00' WHERE tenant_id = ?",
        a.tenant().id());
    List<Long> all = inbox(a.tenant(), a.owner().id(), Owner.ALL, State.OPEN);
    assertThat(all).hasSize(7);
    List<Long> paged = new ArrayList<>();
    Inbox.Cursor cursor = null;
    while (true) {
      List<Object[]> page =
          query(
              InboxQuery.page(
                  a.tenant().id(),
                  a.owner().id(),
                  Owner.ALL,
                  State.OPEN,
                  null,
                  null,
                  cursor,
                  Instant.now(),
                  3));
      if (page.isEmpty()) {
        break;
      }
      page.forEach(r -> paged.add(((Number) r[0]).longValue()));
      Object[] last = page.get(page.size() - 1);
      cursor = new Inbox.Cursor(((Timestamp) last[3]).toInstant(), ((Number) last[0]).longValue());
    }
    assertThat(paged).as("equal activity times: the id breaks ties").isEqualTo(all);

    for (Owner owner : Owner.values()) {
      InboxQuery.Sql sql =
          InboxQuery.page(
              a.tenant().id(),
              a.owner().id(),
              owner,
              State.OPEN,
              null,
              null,
              new Inbox.Cursor(Instant.now(), Long.MAX_VALUE),
              Instant.now(),
              50);
      List<Object[]> plan = query(new InboxQuery.Sql("EXPLAIN " + sql.sql(), sql.params()));
      Object[] first = plan.get(0);
      String described = java.util.Arrays.toString(first);
      assertThat(described).as(owner + " plan").contains("conversation_");
      assertThat(described).as(owner + " plan " + described).doesNotContain("filesort");
      assertThat(sql.sql()).doesNotContainIgnoringCase("offset");
    }
    assertThat(
            query(
                InboxQuery.page(
                    a.tenant().id(),
                    a.owner().id(),
                    Owner.ALL,
                    State.OPEN,
                    null,
                    "banana",
                    null,
                    Instant.now(),
                    50)))
        .as("search over message text (the walk for common words)")
        .hasSize(1);
    List<Object[]> matched =
        query(InboxQuery.searchMatches(a.tenant().id(), "bananas please", 1000));
    assertThat(matched).as("step 1 uses the full-text index: every word required").isEmpty();
    matched = query(InboxQuery.searchMatches(a.tenant().id(), "banana", 1000));
    assertThat(matched).as("step 1, full-text prefix match").hasSize(1);
    Business other = business("Fruit");
    Inbound.text(base, other.tenant(), number(), "Other", "Bananas for another business");
    assertThat(query(InboxQuery.searchMatches(a.tenant().id(), "banana", 1000)))
        .as("another tenant's messages never match")
        .hasSize(1);
    assertThat(
            query(
                InboxQuery.page(
                    a.tenant().id(),
                    a.owner().id(),
                    Owner.ALL,
                    State.OPEN,
                    null,
                    "Customer 5",
                    null,
                    Instant.now(),
                    50)))
        .as("search by contact name")
        .hasSize(1);
  }

  static List<Long> inbox(Tenant tenant, long userId, Owner owner, State state) {
    List<Long> ids = new ArrayList<>();
    query(InboxQuery.page(tenant.id(), userId, owner, state, null, null, null, Instant.now(), 100))
        .forEach(r -> ids.add(((Number) r[0]).longValue()));
    return ids;
  }

  static List<Object[]> query(InboxQuery.Sql sql) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.params().size(); i++) {
        Object p = sql.params().get(i);
        s.setObject(i + 1, p instanceof Instant t ? Timestamp.from(t) : p);
      }
      List<Object[]> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql.sql(), e);
    }
  }
}
