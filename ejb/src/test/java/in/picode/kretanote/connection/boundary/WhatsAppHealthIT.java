package in.picode.kretanote.connection.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.connection.control.HealthAssessment;
import in.picode.kretanote.connection.control.HealthStore;
import in.picode.kretanote.connection.control.Problem;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Status;
import in.picode.kretanote.connection.entity.WhatsAppHealthCheck;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Notification;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
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
 * Health checks against the Meta simulator: a change of state (quality drop, expired token,
 * unsubscribed app) makes exactly one notification however often the probe runs; a hiccup at Meta
 * changes nothing; a connection another server has claimed is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppHealthIT {

  static final Duration INTERVAL = Duration.ofMinutes(15);

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("health");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject WhatsAppConnections connections;
  @Inject HealthChecks health;
  @Inject Notifications notifications;
  @Inject Tenants tenants;

  SimulatorControl sim;
  long tenant;
  String waba;
  String pnid;
  WhatsAppConnection connection;
  Instant clock;

  @BeforeEach
  void connectedNumber() {
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
    tenant = tenants.create("Health " + UUID.randomUUID().toString().substring(0, 8)).getId();
    waba = SimulatorControl.newId();
    pnid = SimulatorControl.newId();
    String code = sim.signupCode(waba, pnid, "+1 555 0200 " + pnid.substring(pnid.length() - 3));
    connection =
        call(() -> connections.connect(SignupRequest.of(code, waba, pnid, null), Actor.SYSTEM));
    assertThat(connection.getStatus()).isEqualTo(Status.CONNECTED);
    clock = Instant.now();
  }

  /** One scheduled run, one interval later than the last: every due connection is probed. */
  void probeRound() {
    clock = clock.plus(INTERVAL).plusSeconds(1);
    while (health.runDue(clock) > 0) {
      // claims come in batches; keep going until nothing is due at this time
    }
  }

  @Test
  void aHealthyNumberStaysQuiet() {
    probeRound();
    probeRound();
    assertThat(healthNotifications()).isEmpty();
    assertThat(history()).hasSize(2).allSatisfy(h -> assertThat(h.getProblems()).isNull());
    assertThat(current().getLastCheckedAt()).isNotNull();
    assertThat(current().getCanSendMessage()).isEqualTo("AVAILABLE");
  }

  @Test
  void qualityDropNotifiesExactlyOnce() {
    probeRound();
    sim.number(pnid, Json.createObjectBuilder().add("quality_rating", "YELLOW").build());
    probeRound();
    probeRound();
    probeRound();

    List<Notification> sent = healthNotifications();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getSubject()).contains("quality rating dropped");
    assertThat(sent.get(0).getSeverity()).isEqualTo(Notification.Severity.WARNING);
    assertThat(sent.get(0).getBody()).contains("What to do");
    WhatsAppConnection c = current();
    assertThat(c.getQualityRating()).isEqualTo("YELLOW");
    assertThat(c.getStatus()).isEqualTo(Status.CONNECTED);
    assertThat(HealthAssessment.explain(c, Instant.now()))
        .extracting(p -> p.title().english())
        .containsExactly(Problem.QUALITY_YELLOW.title());
    assertThat(history()).filteredOn(WhatsAppHealthCheck::isStateChanged).hasSize(1);

    sim.number(pnid, Json.createObjectBuilder().add("quality_rating", "GREEN").build());
    probeRound();
    probeRound();
    assertThat(healthNotifications())
        .hasSize(2)
        .last()
        .extracting(Notification::getSubject)
        .asString()
        .contains("healthy again");
  }

  @Test
  void expiredTokenNotifiesExactlyOnceAndAsksToReconnect() {
    assertThat(sim.expireTokensOf(waba)).isPositive();
    probeRound();
    probeRound();

    List<Notification> sent = healthNotifications();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getSubject()).contains("expired or was revoked");
    assertThat(sent.get(0).getSeverity()).isEqualTo(Notification.Severity.PROBLEM);
    WhatsAppConnection c = current();
    assertThat(c.getStatus()).isEqualTo(Status.RECONNECT_NEEDED);
    assertThat(HealthAssessment.explain(c, Instant.now()))
        .extracting(p -> p.fix().english())
        .anyMatch(fix -> fix.contains("Reconnect"));
  }

  @Test
  void unsubscribedAppIsNoticed() {
    sim.unsubscribe(waba);
    probeRound();
    probeRound();
    assertThat(healthNotifications())
        .singleElement()
        .extracting(Notification::getSubject)
        .asString()
        .contains("no longer receives");
  }

  @Test
  void aHiccupAtMetaChangesNothing() {
    sim.number(pnid, Json.createObjectBuilder().add("quality_rating", "RED").build());
    probeRound();
    assertThat(healthNotifications()).hasSize(1);
    sim.fault(
        Json.createObjectBuilder()
            .add("kind", "meta_error")
            .add("code", 2)
            .add("path", pnid + "|" + waba + "|debug_token")
            .add("times", -1)
            .build());
    probeRound();
    sim.clearFaults();
    assertThat(healthNotifications()).as("unknown is not a change").hasSize(1);
    assertThat(current().getHealthProblems()).contains("QUALITY_RED");
    assertThat(history().get(0).getProbeErrors()).contains("code 2");
  }

  @Test
  void aConnectionClaimedElsewhereIsNotProbedTwice() throws Exception {
    clock = clock.plus(INTERVAL).plusSeconds(1);
    try (Connection other = ItDatabase.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement("select id from whatsapp_connection where id = ? for update")) {
        lock.setLong(1, connection.getId());
        lock.executeQuery().close();
        // "Another server" holds the row: this run must skip it, not wait and not probe it.
        while (health.runDue(clock) > 0) {}
        assertThat(history()).isEmpty();
        try (PreparedStatement claim =
            other.prepareStatement(
                "update whatsapp_connection set next_probe_at = ? where id = ?")) {
          claim.setTimestamp(1, java.sql.Timestamp.from(clock.plus(INTERVAL)));
          claim.setLong(2, connection.getId());
          claim.executeUpdate();
        }
      }
      other.commit();
    }
    while (health.runDue(clock) > 0) {}
    assertThat(history()).as("claimed by the other server until its next interval").isEmpty();
    probeRound();
    assertThat(history()).hasSize(1);
  }

  private WhatsAppConnection current() {
    return call(() -> connections.find(connection.getId()).orElseThrow());
  }

  private List<WhatsAppHealthCheck> history() {
    return call(() -> health.history(connection.getId(), 50));
  }

  private List<Notification> healthNotifications() {
    return call(() -> notifications.ofKind(HealthStore.KIND));
  }

  private <T> T call(Callable<T> work) {
    try {
      return Tenancy.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
