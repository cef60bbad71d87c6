package in.picode.kretanote.connection.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.sandbox.meta.Fault;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.Mailbox;
import in.picode.kretanote.testing.ServerOutput;
import in.picode.kretanote.testing.SharedServer;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.WebClient;
import in.picode.kretanote.testing.Webhooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WhatsApp settings page as an owner uses it (sandbox mode): connect through the same hidden
 * form Meta's Embedded Signup script fills, or the simulated-number button; see refusals and failed
 * steps in plain words with a retry; disconnect after confirming. And the promise that no page, no
 * response and no line of the server log ever carries an access token.
 */
@ExtendWith(SharedServer.class)
@RunAsClient
class WhatsAppSettingsIT {

  static final String PASSWORD = "correct horse battery";
  static final String PAGE = "app/settings/whatsapp.xhtml";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Webhooks.app("whatsapp", Map.of());
  }

  static MetaSimulator meta;
  static ServerOutput serverLog;
  static Mailbox mailbox;

  @ArquillianResource URL base;

  SimulatorControl sim = SimulatorControl.fromTestJvm();
  WebClient owner;
  String email;
  long tenant;

  @BeforeAll
  static void start() {
    meta = ItMeta.start();
    serverLog = ServerOutput.capture();
    mailbox = new Mailbox();
  }

  @AfterAll
  static void stop() {
    serverLog.close();
    mailbox.close();
  }

  @BeforeEach
  void signedInOwner() throws Exception {
    meta.clearFaults();
    String run = UUID.randomUUID().toString().substring(0, 8);
    email = "owner-" + run + "@example.com";
    owner = client();
    Map<String, String> f = new HashMap<>();
    f.put("companyName", "WA " + run);
    f.put("ownerName", "Ana Owner");
    f.put("email", email);
    f.put("password", PASSWORD);
    f.put("legalName", "WA " + run + " GmbH");
    f.put("addressLine", "Hauptstraße 1");
    f.put("postalCode", "10115");
    f.put("city", "Berlin");
    f.put("country", "DE");
    f.put("taxId", "");
    assertThat(owner.submit(owner.get("signup.xhtml"), "signup", f, "submit").text())
        .contains("we sent a confirmation link");
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "update user_account set status = 'ACTIVE', email_verified_at = now(6)"
                    + " where email = ?")) {
      s.setString(1, email);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    tenant = tenantOf(email);
    Document home = signIn(owner, email);
    assertThat(home.location()).contains("/app/");
  }

  WebClient client() {
    return new WebClient(URI.create(base.toString()));
  }

  Document signIn(WebClient browser, String who) {
    return browser.submit(
        browser.get("login.xhtml"), "login", Map.of("email", who, "password", PASSWORD), "submit");
  }

  Document completeSignup(String code, String waba, String pnid) {
    return owner.submit(
        owner.get(PAGE),
        "signup",
        Map.of("code", code, "wabaId", waba, "phoneNumberId", pnid, "businessId", ""),
        "complete");
  }

  @Test
  void ownerConnectsAndNoTokenEverLeaks() throws Exception {
    Document page = owner.get(PAGE);
    assertThat(page.text()).contains("No number is connected yet").contains("Sandbox mode");
    assertThat(page.getElementById("signup:code")).as("the hidden hand-over form").isNotNull();

    String waba = SimulatorControl.newId();
    String pnid = SimulatorControl.newId();
    Document done = completeSignup(sim.signupCode(waba, pnid, "+1 555 0300 111"), waba, pnid);
    assertThat(done.location()).contains(PAGE);
    assertThat(done.text())
        .contains("+1 555 0300 111 is connected")
        .contains("Connected")
        .contains("Nothing stands in the way: this number can send.");

    Document simulated = owner.submit(owner.get(PAGE), "sandbox", Map.of(), "simulate");
    assertThat(simulated.text()).contains("is connected").contains("Sandbox Business");
    assertThat(simulated.select("article.number")).hasSize(2);

    List<String> tokens = ItMeta.issuedTokens();
    assertThat(tokens)
        .as("the simulator issued tokens for both numbers")
        .hasSizeGreaterThanOrEqualTo(2);
    List<String> seen = new ArrayList<>();
    for (String path :
        List.of(
            PAGE,
            "app/",
            "app/index.xhtml",
            "app/contacts.xhtml",
            "index.xhtml",
            "login.xhtml",
            "health",
            "health/ready",
            "health/live",
            "metrics",
            "api/",
            "app/settings/whatsapp.xhtml?code=x")) {
      HttpResponse<String> r = owner.raw(path);
      seen.add(path + " " + r.statusCode() + "\n" + r.headers().map() + "\n" + r.body());
    }
    for (String text : seen) {
      assertNoToken(text, tokens);
    }
    assertNoToken(databaseText(), tokens);
    assertNoToken(storedTokenBytes(), tokens);
    Thread.sleep(500); // let the last log lines through
    String log = serverLog.text();
    assertThat(log).as("the server log was captured").contains("WhatsApp number connected");
    assertNoToken(log, tokens);
  }

  @Test
  void refusalsAreExplainedAndStoreNothing() throws Exception {
    String waba = SimulatorControl.newId();
    String pnid = SimulatorControl.newId();
    assertThat(completeSignup("AQneverIssued", waba, pnid).text())
        .contains("The number was not connected.")
        .contains("not issued for KretaNote");
    assertThat(completeSignup("", waba, pnid).text())
        .contains("did not hand over an authorization code");
    assertThat(completeSignup("AQ<script>alert(1)</script>", waba, pnid).text())
        .contains("not one Meta issues");
    assertThat(completeSignup("AQok", "waba", pnid).text())
        .contains("WhatsApp Business Account id is not valid");
    String onlyManage =
        sim.signupCode(waba, pnid, "+1 555 0300 222", "whatsapp_business_management");
    assertThat(completeSignup(onlyManage, waba, pnid).text())
        .contains("Sending messages was not granted");
    assertThat(connectionRows()).isZero();
  }

  @Test
  void aFailedStepIsShownWithRetry() throws Exception {
    meta.inject(Fault.metaError(131000).onMethod("POST").onPath("/subscribed_apps$"));
    String waba = SimulatorControl.newId();
    String pnid = SimulatorControl.newId();
    Document failed = completeSignup(sim.signupCode(waba, pnid, "+1 555 0300 333"), waba, pnid);
    assertThat(failed.text())
        .contains("The number is not connected yet.")
        .contains("Not finished")
        .contains("Why can't I send?")
        .contains("Setting up the number stopped at: subscribing to your account's messages")
        .contains("Meta error 131000")
        .doesNotContain("Nothing stands in the way");
    assertThat(failed.select("article.number").attr("data-status")).isEqualTo("FAILED");

    Document retried = owner.submit(failed, "manage", Map.of(), "rows:0:retry");
    assertThat(retried.text()).contains("is connected").contains("Nothing stands in the way");
    assertThat(retried.getElementById("manage:rows:0:retry")).isNull();
  }

  @Test
  void disconnectAsksFirstThenDestroysTheToken() throws Exception {
    owner.submit(owner.get(PAGE), "sandbox", Map.of(), "simulate");
    Document asked = owner.submit(owner.get(PAGE), "manage", Map.of(), "rows:0:disconnect");
    assertThat(asked.text()).contains("destroys its authorization at once");
    assertThat(storedTokenCount()).isEqualTo(1);

    Document cancelled = owner.submit(asked, "confirmDisconnect", Map.of(), "no");
    assertThat(cancelled.getElementById("confirmDisconnect")).isNull();
    assertThat(storedTokenCount()).isEqualTo(1);

    asked = owner.submit(owner.get(PAGE), "manage", Map.of(), "rows:0:disconnect");
    Document done = owner.submit(asked, "confirmDisconnect", Map.of(), "yes");
    assertThat(done.text())
        .contains("The number is disconnected")
        .contains("Disconnected")
        .contains("Connect it again");
    assertThat(storedTokenCount()).as("no token left in the database").isZero();
    assertThat(done.getElementById("manage:rows:0:disconnect")).isNull();
  }

  /**
   * The production path end to end: the minute timer (health interval PT20S in arquillian.xml)
   * probes the number, sees the quality drop, and the owner gets one notification on the dashboard
   * and one mail, not one per probe; an admin who reads Spanish gets the same notice in Spanish, in
   * the mail and on the dashboard.
   */
  @Test
  void theTimerNoticesAQualityDropAndTellsTheOwnerOnce() throws Exception {
    String admin = member("admin", "ADMIN", "es");
    Document connected = owner.submit(owner.get(PAGE), "sandbox", Map.of(), "simulate");
    assertThat(connected.text()).contains("is connected");
    String pnid = phoneNumberIdOf(tenant);
    meta.setQuality(pnid, "YELLOW");

    var mail = mailbox.awaitSubject(email, "quality rating dropped", 150);
    assertThat(String.valueOf(mail.getContent())).contains("What to do:").contains("/app/");
    var spanish =
        mailbox.awaitSubject(admin, "La calificación de calidad del número bajó a media", 30);
    assertThat(String.valueOf(spanish.getContent()))
        .contains("Nuevo: La calificación de calidad del número bajó a media.")
        .contains("Qué hacer: Revisa las campañas")
        .contains("/app/", "propietario o administrador de WA ")
        .doesNotContain("What to do", "New:", "owner or admin");
    Document home = owner.get("app/");
    assertThat(home.text()).contains("Notifications").contains("quality rating dropped");
    Document adminHome = signIn(client(), admin);
    assertThat(adminHome.select(".notifications").text())
        .contains("Notificaciones", "bajó a media", "Qué hacer:")
        .doesNotContain("quality rating", "What to do");
    assertThat(owner.get(PAGE).text()).contains("Quality Medium").contains("What to do:");

    long deadline = System.currentTimeMillis() + 150_000;
    while (count("select count(*) from whatsapp_health_check where tenant_id = ?") < 2
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(2000);
    }
    assertThat(count("select count(*) from whatsapp_health_check where tenant_id = ?"))
        .as("probed again meanwhile")
        .isGreaterThanOrEqualTo(2);
    assertThat(count("select count(*) from notification where tenant_id = ?")).isEqualTo(1);
    assertThat(mailbox.count(email, "WhatsApp")).as("one mail, not one per probe").isEqualTo(1);
  }

  /** A new active member of the owner's tenant (with the owner's password) in {@code language}. */
  private String member(String label, String role, String language) throws Exception {
    String address = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status, email_verified_at, language) select tenant_id, ?, ?,"
                    + " password_hash, ?, 'ACTIVE', now(6), ? from user_account where email = ?")) {
      s.setString(1, address);
      s.setString(2, label);
      s.setString(3, role);
      s.setString(4, language);
      s.setString(5, email);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    return address;
  }

  private static String phoneNumberIdOf(long tenantId) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select phone_number_id from whatsapp_connection where tenant_id = ?")) {
      s.setLong(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void onlyOwnersReachTheSettingsAndSeeNotifications() throws Exception {
    String agent = member("agent", "AGENT", null);
    try (Connection c = ItDatabase.connect();
        PreparedStatement n =
            c.prepareStatement(
                "insert into notification (tenant_id, created_at, kind, severity, subject, body,"
                    + " dedupe_key) values (?, now(6), 'WHATSAPP_HEALTH', 'WARNING',"
                    + " 'WhatsApp +1 555: quality dropped', 'New: quality', ?)")) {
      n.setLong(1, tenant);
      n.setString(2, "test:" + agent);
      n.executeUpdate();
    }
    assertThat(owner.get("app/").text()).contains("Notifications").contains("quality dropped");
    assertThat(owner.get("app/").select("a[href*=settings/whatsapp]")).isNotEmpty();

    WebClient agentBrowser = client();
    Document agentHome = signIn(agentBrowser, agent);
    assertThat(agentHome.location()).contains("/app/");
    assertThat(agentHome.text()).doesNotContain("quality dropped");
    assertThat(agentHome.select("a[href*=settings/whatsapp]")).isEmpty();
    assertThat(agentBrowser.raw(PAGE).statusCode()).isEqualTo(403);
  }

  private static void assertNoToken(String text, List<String> tokens) {
    for (String token : tokens) {
      byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
      List<String> forms =
          List.of(
              token,
              token.substring(0, 40),
              Base64.getEncoder().encodeToString(bytes),
              Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
              Base64.getMimeEncoder().encodeToString(bytes).split("\r\n")[0]);
      for (String form : forms) {
        assertThat(text).as("a token in some form").doesNotContain(form);
      }
    }
  }

  private long tenantOf(String who) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("select tenant_id from user_account where email = ?")) {
      s.setString(1, who);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private int connectionRows() throws Exception {
    return count("select count(*) from whatsapp_connection where tenant_id = ?");
  }

  private int storedTokenCount() throws Exception {
    return count(
        "select count(*) from whatsapp_connection where tenant_id = ? and access_token is not null");
  }

  private int count(String sql) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Every text column of every row of the tables this feature writes. */
  private static String databaseText() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = ItDatabase.connect()) {
      for (String table :
          List.of("whatsapp_connection", "whatsapp_health_check", "audit_event", "notification")) {
        try (ResultSet rs = c.createStatement().executeQuery("select * from " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              int type = meta.getColumnType(i);
              if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR) {
                all.append(rs.getString(i)).append('\n');
              }
            }
          }
        }
      }
    }
    assertThat(all).contains("WHATSAPP_CONNECTED");
    return all.toString();
  }

  private static String storedTokenBytes() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = ItDatabase.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select access_token from whatsapp_connection where access_token is not null")) {
      while (rs.next()) {
        all.append(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    assertThat(all).isNotEmpty();
    return all.toString();
  }

  static Element first(Document d, String css) {
    return d.selectFirst(css);
  }
}
