package in.picode.kretanote.connection.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Status;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Embedded Signup on the server, against the Meta simulator: the whole flow, each step failing, the
 * refusals (replayed or foreign code, missing permissions, wrong WABA or number, a number another
 * tenant holds) storing nothing, retry, reconnect, disconnect, and routing by phone number id.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppSignupIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("signup");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject WhatsAppConnections connections;
  @Inject ConnectionRouting routing;
  @Inject ConnectionStore store;
  @Inject GraphApi graph;
  @Inject Tenants tenants;

  SimulatorControl sim;
  long tenant;
  String waba;
  String pnid;

  @BeforeEach
  void freshTenantAndNumber() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
    tenant = newTenant();
    waba = SimulatorControl.newId();
    pnid = SimulatorControl.newId();
  }

  long newTenant() {
    return tenants.create("Signup " + UUID.randomUUID().toString().substring(0, 8)).getId();
  }

  String code() {
    return sim.signupCode(waba, pnid, "+1 555 0100 " + pnid.substring(pnid.length() - 3));
  }

  WhatsAppConnection connect(long as, String code) {
    return call(
        as, () -> connections.connect(SignupRequest.of(code, waba, pnid, null), Actor.SYSTEM));
  }

  @Test
  void connectsANumberEndToEnd() throws Exception {
    WhatsAppConnection c = connect(tenant, code());

    assertThat(c.getStatus()).isEqualTo(Status.CONNECTED);
    assertThat(c.getFailedStep()).isNull();
    assertThat(c.getWabaId()).isEqualTo(waba);
    assertThat(c.getPhoneNumberId()).isEqualTo(pnid);
    assertThat(c.getDisplayPhoneNumber()).startsWith("+1 555 0100");
    assertThat(c.getVerifiedName()).startsWith("Test Business");
    assertThat(c.getQualityRating()).isEqualTo("GREEN");
    assertThat(c.getMessagingLimit()).isEqualTo("TIER_250");
    assertThat(c.getHealth().getNextProbeAt()).isAfter(c.getConnectedAt());
    assertThat(sim.isRegistered(pnid)).as("number registered at Meta").isTrue();
    AccessToken token = call(tenant, () -> store.token(c.getId()).orElseThrow());
    assertThat(graph.isSubscribed(token, waba)).as("our app subscribed to the WABA").isTrue();

    try (Connection db = ItDatabase.connect();
        PreparedStatement s =
            db.prepareStatement(
                "select access_token, status, tenant_id from whatsapp_connection where id = ?")) {
      s.setLong(1, c.getId());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        byte[] stored = rs.getBytes(1);
        assertThat(stored).isNotNull();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as("the token is stored encrypted")
            .doesNotContain(token.value().substring(0, 24));
        assertThat(rs.getString(2)).isEqualTo("CONNECTED");
        assertThat(rs.getLong(3)).isEqualTo(tenant);
      }
    }
    assertThat(auditActions(tenant)).contains("WHATSAPP_CONNECTED");

    List<JsonObject> ours = new ArrayList<>();
    for (JsonValue v : sim.calls()) {
      JsonObject call = v.asJsonObject();
      if (call.getString("path").contains(pnid) || call.getString("path").contains(waba)) {
        ours.add(call);
      }
    }
    assertThat(ours).extracting(o -> o.getString("path")).anyMatch(p -> p.endsWith("/register"));
    assertThat(ours).allSatisfy(o -> assertThat(o.getBoolean("authorization_present")).isTrue());
    assertThat(ours).allSatisfy(o -> assertThat(o.getString("query", "")).doesNotContain("token"));

    assertThat(routing.byPhoneNumberId(pnid))
        .as("routing works without a tenant bound")
        .contains(new ConnectionRouting.Route(tenant, c.getId()));
  }

  @Test
  void replayedOrForeignCodeIsRefusedAndStoresNothing() throws Exception {
    String code = code();
    WhatsAppConnection c = connect(tenant, code);
    assertThat(c.getStatus()).isEqualTo(Status.CONNECTED);
    byte[] token = storedToken(c.getId());

    assertRefused(tenant, code, Step.EXCHANGE_CODE, "already used");
    assertThat(storedToken(c.getId())).as("a replay changes nothing").isEqualTo(token);

    long other = newTenant();
    waba = SimulatorControl.newId();
    pnid = SimulatorControl.newId();
    assertRefused(other, "AQthisCodeWasNeverIssuedByMeta", Step.EXCHANGE_CODE, "not issued for");
    assertThat(call(other, connections::list)).isEmpty();
    assertThat(auditActions(other)).contains("WHATSAPP_CONNECT_REFUSED");
  }

  @Test
  void tokenWithoutTheWhatsAppPermissionsIsRefused() {
    String onlyManage =
        sim.signupCode(waba, pnid, "+1 555 0100 301", "whatsapp_business_management");
    assertRefused(tenant, onlyManage, Step.CHECK_TOKEN, "Sending messages was not granted");
    String none = sim.signupCode(waba, pnid, "+1 555 0100 302", "business_management");
    assertRefused(tenant, none, Step.CHECK_TOKEN, "Both were not granted");
    assertThat(call(tenant, connections::list)).isEmpty();
  }

  @Test
  void wabaOrNumberTheTokenDoesNotCoverIsRefused() {
    String code = code();
    String otherWaba = SimulatorControl.newId();
    assertThatThrownBy(
            () ->
                call(
                    tenant,
                    () ->
                        connections.connect(
                            SignupRequest.of(code, otherWaba, pnid, null), Actor.SYSTEM)))
        .isInstanceOf(ConnectRefusedException.class)
        .hasMessageContaining("does not cover the WhatsApp Business Account");

    String code2 = code();
    String strangerNumber = SimulatorControl.newId();
    sim.signupCode(SimulatorControl.newId(), strangerNumber, "+1 555 0100 999");
    assertThatThrownBy(
            () ->
                call(
                    tenant,
                    () ->
                        connections.connect(
                            SignupRequest.of(code2, waba, strangerNumber, null), Actor.SYSTEM)))
        .isInstanceOf(ConnectRefusedException.class)
        .hasMessageContaining("not part of the WhatsApp Business Account");
    assertThat(call(tenant, connections::list)).isEmpty();
  }

  @Test
  void numberHeldByAnotherTenantIsRefusedUntilItIsDisconnected() throws Exception {
    WhatsAppConnection first = connect(tenant, code());
    byte[] before = storedToken(first.getId());

    long other = newTenant();
    assertRefused(
        other, code(), Step.CHECK_TOKEN, "already connected to another KretaNote account");
    assertThat(call(other, connections::list)).isEmpty();
    // Two tenants racing past the early check: the database's unique key decides.
    assertThatThrownBy(
            () ->
                call(other, () -> store.begin(waba, pnid, null, AccessToken.of("EAAraced"), null)))
        .isInstanceOf(ConnectRefusedException.class)
        .hasMessageContaining("already connected to another KretaNote account");
    assertThat(call(other, connections::list)).isEmpty();
    assertThat(storedToken(first.getId())).as("the holder's token is untouched").isEqualTo(before);
    assertThat(call(tenant, () -> connections.find(first.getId()).orElseThrow().getStatus()))
        .isEqualTo(Status.CONNECTED);

    call(tenant, () -> connections.disconnect(first.getId(), Actor.SYSTEM));
    // Free now. As at Meta, the number keeps the two-step PIN the first holder registered it
    // with, so registration stops there with the explanation; the number is the new tenant's.
    WhatsAppConnection taken = connect(other, code());
    assertFailedAt(taken, Step.REGISTER_NUMBER, "two-step verification PIN");
    assertThat(routing.byPhoneNumberId(pnid).orElseThrow().tenantId()).isEqualTo(other);
  }

  @Test
  void malformedRequestsAreRefusedBeforeMetaIsAsked() {
    assertThatThrownBy(() -> SignupRequest.of("", waba, pnid, null))
        .isInstanceOf(ConnectRefusedException.class)
        .hasMessageContaining("did not hand over an authorization code");
    assertThatThrownBy(() -> SignupRequest.of("x".repeat(5000), waba, pnid, null))
        .hasMessageContaining("not one Meta issues");
    assertThatThrownBy(() -> SignupRequest.of("AQ<script>", waba, pnid, null))
        .hasMessageContaining("not one Meta issues");
    assertThatThrownBy(() -> SignupRequest.of("AQok", "12ab", pnid, null))
        .hasMessageContaining("WhatsApp Business Account id is not valid");
    assertThatThrownBy(() -> SignupRequest.of("AQok", waba, "", null))
        .hasMessageContaining("did not tell which phone number id");
    assertThatThrownBy(() -> SignupRequest.of("AQok", waba, "1".repeat(40), null))
        .hasMessageContaining("phone number id is not valid");
  }

  @Test
  void exchangeOrCheckFailingAtMetaStoresNothing() {
    sim.httpStatus(500, "GET", "oauth/access_token");
    assertRefused(tenant, code(), Step.EXCHANGE_CODE, "temporary problem");
    sim.metaError(2, "GET", "debug_token");
    assertRefused(tenant, code(), Step.CHECK_TOKEN, "temporary problem");
    sim.delay(4000, "GET", "debug_token");
    assertRefused(tenant, code(), Step.CHECK_TOKEN, "did not answer in time");
    assertThat(call(tenant, connections::list)).isEmpty();
  }

  @Test
  void subscribeFailingLeavesAFailedConnectionThatRetryCompletes() {
    sim.metaError(131000, "POST", "/subscribed_apps$");
    WhatsAppConnection failed = connect(tenant, code());
    assertFailedAt(failed, Step.SUBSCRIBE_APP, "could not subscribe");
    assertThat(sim.isRegistered(pnid)).as("no step after the failed one ran").isFalse();

    WhatsAppConnection retried =
        call(tenant, () -> connections.retry(failed.getId(), Actor.SYSTEM));
    assertThat(retried.getStatus()).isEqualTo(Status.CONNECTED);
    assertThat(retried.getFailureReason()).isNull();
    assertThat(auditActions(tenant))
        .contains("WHATSAPP_CONNECT_FAILED", "WHATSAPP_TOKEN_USED", "WHATSAPP_CONNECTED");
  }

  @Test
  void registerFailingIsExplainedAndRetryable() {
    sim.metaError(133005, "POST", "/register$");
    WhatsAppConnection failed = connect(tenant, code());
    assertFailedAt(failed, Step.REGISTER_NUMBER, "two-step verification PIN");
    assertThat(failed.getFailureReason()).contains("Meta error 133005");
    // Stored as codes too, so the settings page words the reason in the reader's language.
    WhatsAppConnection stored =
        call(tenant, () -> connections.list()).stream()
            .filter(c -> c.getId().equals(failed.getId()))
            .findFirst()
            .orElseThrow();
    List<Wording> reason = connections.failureReason(stored);
    assertThat(reason)
        .extracting(Wording::code)
        .startsWith("ConnectionWords.STEP_REGISTER_NUMBER", "ConnectionWords.WHY_PIN");
    assertThat(String.join(" ", Wording.english(reason))).isEqualTo(stored.getFailureReason());

    assertThat(call(tenant, () -> connections.retry(failed.getId(), Actor.SYSTEM)).getStatus())
        .isEqualTo(Status.CONNECTED);
    assertThat(sim.isRegistered(pnid)).isTrue();
  }

  @Test
  void readingTheNumberFailingIsRetryable() {
    sim.metaError(1, "GET", "/" + pnid + "$");
    WhatsAppConnection failed = connect(tenant, code());
    assertFailedAt(failed, Step.READ_NUMBER, "could not read your phone number");

    sim.metaError(190, "GET", "/" + pnid + "$");
    WhatsAppConnection again = call(tenant, () -> connections.retry(failed.getId(), Actor.SYSTEM));
    assertFailedAt(again, Step.READ_NUMBER, "Connect again");

    assertThat(call(tenant, () -> connections.retry(failed.getId(), Actor.SYSTEM)).getStatus())
        .isEqualTo(Status.CONNECTED);
  }

  @Test
  void reconnectReplacesTheToken() throws Exception {
    WhatsAppConnection first = connect(tenant, code());
    byte[] before = storedToken(first.getId());
    AccessToken oldToken = call(tenant, () -> store.token(first.getId()).orElseThrow());

    WhatsAppConnection second = connect(tenant, code());
    assertThat(second.getId()).isEqualTo(first.getId());
    assertThat(second.getStatus()).isEqualTo(Status.CONNECTED);
    assertThat(storedToken(first.getId())).isNotEqualTo(before);
    assertThat(call(tenant, () -> store.token(first.getId()).orElseThrow())).isNotEqualTo(oldToken);
    assertThat(auditActions(tenant)).contains("WHATSAPP_RECONNECTED");
  }

  @Test
  void disconnectUnsubscribesAndDestroysTheTokenAtOnce() throws Exception {
    WhatsAppConnection c = connect(tenant, code());
    AccessToken token = call(tenant, () -> store.token(c.getId()).orElseThrow());

    WhatsAppConnections.Disconnected done =
        call(tenant, () -> connections.disconnect(c.getId(), Actor.SYSTEM));
    assertThat(done.notes()).isEmpty();
    assertThat(done.connection().getStatus()).isEqualTo(Status.DISCONNECTED);
    assertThat(storedToken(c.getId())).as("ciphertext gone").isNull();
    assertThat(call(tenant, () -> store.token(c.getId()))).isEmpty();
    assertThat(graph.isSubscribed(token, waba)).isFalse();
    assertThat(routing.byPhoneNumberId(pnid)).isEmpty();
    assertThat(auditActions(tenant)).contains("WHATSAPP_DISCONNECTED");
    assertThat(call(tenant, connections::list))
        .as("the connection stays as history")
        .extracting(WhatsAppConnection::getId)
        .contains(c.getId());
    assertThat(call(tenant, () -> connections.disconnect(c.getId(), Actor.SYSTEM)).notes())
        .as("disconnecting twice changes nothing")
        .isEmpty();
  }

  @Test
  void disconnectHappensEvenWhenMetaFails() throws Exception {
    WhatsAppConnection c = connect(tenant, code());
    sim.httpStatus(500, "DELETE", "/subscribed_apps$");
    WhatsAppConnections.Disconnected done =
        call(tenant, () -> connections.disconnect(c.getId(), Actor.SYSTEM));
    assertThat(done.connection().getStatus()).isEqualTo(Status.DISCONNECTED);
    assertThat(done.notes()).singleElement().asString().contains("could not be told");
    assertThat(storedToken(c.getId())).isNull();
  }

  @Test
  void anotherTenantCannotSeeRetryOrDisconnectAConnection() throws Exception {
    WhatsAppConnection c = connect(tenant, code());
    long other = newTenant();
    assertThat(call(other, () -> connections.find(c.getId()))).isEmpty();
    assertThatThrownBy(() -> call(other, () -> connections.retry(c.getId(), Actor.SYSTEM)))
        .isInstanceOf(ConnectionNotFoundException.class);
    assertThatThrownBy(() -> call(other, () -> connections.disconnect(c.getId(), Actor.SYSTEM)))
        .isInstanceOf(ConnectionNotFoundException.class);
    assertThat(storedToken(c.getId())).isNotNull();
    assertThat(call(tenant, () -> connections.find(c.getId()).orElseThrow().getStatus()))
        .isEqualTo(Status.CONNECTED);
  }

  private void assertRefused(long as, String code, Step step, String reason) {
    assertThatThrownBy(() -> connect(as, code))
        .isInstanceOfSatisfying(
            ConnectRefusedException.class,
            e -> {
              assertThat(e.step()).isEqualTo(step);
              assertThat(e.getMessage()).contains(reason);
            });
  }

  private void assertFailedAt(WhatsAppConnection c, Step step, String reason) {
    assertThat(c.getStatus()).isEqualTo(Status.FAILED);
    assertThat(c.getFailedStep()).isEqualTo(step);
    assertThat(c.getFailureReason()).contains(reason);
    assertThat(routing.byPhoneNumberId(pnid))
        .as("a failed attempt still holds the number")
        .isPresent();
  }

  private byte[] storedToken(long id) throws Exception {
    try (Connection db = ItDatabase.connect();
        PreparedStatement s =
            db.prepareStatement("select access_token from whatsapp_connection where id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBytes(1);
      }
    }
  }

  private List<String> auditActions(long t) {
    List<String> actions = new ArrayList<>();
    try (Connection db = ItDatabase.connect();
        PreparedStatement s =
            db.prepareStatement("select action from audit_event where tenant_id = ? order by id")) {
      s.setLong(1, t);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return actions;
  }

  private static <T> T call(long tenant, Callable<T> work) {
    try {
      return Tenancy.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
