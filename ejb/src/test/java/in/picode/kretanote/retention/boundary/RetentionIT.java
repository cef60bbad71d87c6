package in.picode.kretanote.retention.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.retention.control.PurgeSteps;
import in.picode.kretanote.tenant.boundary.SignIns;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.RequestedMails;
import in.picode.kretanote.testing.SimulatorControl;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The privacy promises, proven in the database: retention deletes exactly what is older than the
 * period (rows and files) unless a legal hold keeps it; account deletion revokes at once and purges
 * every row and file of the tenant after the grace period, leaving other tenants alone; a
 * data-subject export holds the contact and nobody else; bad input changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

  static final String PASSWORD = "Owner-pass-2026!";

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("retention");
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject RetentionPurge retention;
  @Inject AccountPurge accountPurge;
  @Inject AccountDeletions deletions;
  @Inject RetentionSettings settings;
  @Inject DataSubjectRequests dsr;
  @Inject PrivacyOverview overview;
  @Inject Tenants tenants;
  @Inject WhatsAppConnections connections;
  @Inject TokenVault vault;
  @Inject SignIns signIns;
  @Inject PasswordHashing passwords;
  @Inject PurgeSteps purgeSteps;
  @Inject RequestedMails mails;

  Path mediaRoot;
  SimulatorControl sim;

  @BeforeEach
  void setUp() {
    mediaRoot =
        Path.of(ConfigProvider.getConfig().getValue("kretanote.media.dir", String.class))
            .toAbsolutePath();
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
  }

  // ---------------------------------------------------------------- registry

  @Test
  void everyTableWithATenantIdHasAPurgeStep() throws Exception {
    try (Connection c = ItDatabase.connect()) {
      assertThat(PurgeSteps.tenantTables(c))
          .as("tenant tables found")
          .contains("message", "contact");
      assertThat(purgeSteps.tables())
          .as("steps of every feature's TenantData, found through CDI")
          .contains("outbox", "message", "contact_consent", "contact", "tenant_data_key");
      assertThat(purgeSteps.uncovered(c))
          .as("tables with tenant_id that no feature's TenantData purges: add a step for each")
          .isEmpty();
    }
  }

  // ---------------------------------------------------------------- retention

  @Test
  void theTimerDeletesExactlyWhatIsOlderThanTheDefaultPeriodFromEveryTableAndFromDisk()
      throws Exception {
    Instant now = Instant.now();
    Fixture f = fixture("Retention");
    Msg young = f.message(f.contact, now.minus(Duration.ofDays(179)), "young message");
    Msg old = f.message(f.contact, now.minus(Duration.ofDays(181)), "old message");
    long held = f.contact("held");
    Msg heldOld = f.message(held, now.minus(Duration.ofDays(400)), "held message");
    f.asAdmin(() -> dsr.setLegalHold(held, true, f.admin()));
    long oldCheck =
        f.insert(
            "INSERT INTO whatsapp_health_check (tenant_id, connection_id, checked_at, state_changed)"
                + " VALUES (?, ?, ?, false)",
            f.tenant,
            f.connection,
            ts(now.minus(Duration.ofDays(200))));
    long newCheck =
        f.insert(
            "INSERT INTO whatsapp_health_check (tenant_id, connection_id, checked_at, state_changed)"
                + " VALUES (?, ?, ?, false)",
            f.tenant,
            f.connection,
            ts(now.minus(Duration.ofDays(2))));

    retention.runDue(now);

    assertGone(old);
    assertKept(young);
    assertKept(heldOld);
    assertThat(count("SELECT COUNT(*) FROM whatsapp_health_check WHERE id = ?", oldCheck)).isZero();
    assertThat(count("SELECT COUNT(*) FROM whatsapp_health_check WHERE id = ?", newCheck)).isOne();
    assertThat(count("SELECT COUNT(*) FROM conversation WHERE tenant_id = ?", f.tenant))
        .as("conversations that still have messages stay")
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT deleted_count FROM purge_record WHERE tenant_ref = ? AND kind = 'RETENTION'"
                    + " AND item = 'message'",
                f.tenant))
        .isOne();
    assertThat(
            count(
                "SELECT deleted_count FROM purge_record WHERE tenant_ref = ? AND item = 'media files'",
                f.tenant))
        .isOne();
    assertThat(overview.purgeRecords(500)).anyMatch(r -> f.tenant == nz(r.tenantRef()));

    // Claimed and rescheduled: a second run at the same time does nothing more for this tenant.
    long records = count("SELECT COUNT(*) FROM purge_record WHERE tenant_ref = ?", f.tenant);
    retention.runDue(now);
    assertThat(count("SELECT COUNT(*) FROM purge_record WHERE tenant_ref = ?", f.tenant))
        .isEqualTo(records);
  }

  @Test
  void aTenantLegalHoldKeepsEverythingAndIsAudited() throws Exception {
    Instant now = Instant.now();
    Fixture f = fixture("Hold");
    Msg old = f.message(f.contact, now.minus(Duration.ofDays(181)), "kept by hold");
    assertThatThrownBy(() -> f.asAdmin(() -> settings.setLegalHold(true, "  ", f.admin())))
        .isInstanceOf(PrivacyRefusedException.class);
    assertThatThrownBy(
            () -> f.asAdmin(() -> settings.setLegalHold(true, "x".repeat(501), f.admin())))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("500");
    assertThat(f.call(() -> settings.current().legalHold())).isFalse();
    f.asAdmin(() -> settings.setLegalHold(true, "litigation 2026-17", f.admin()));

    // The settings row was written just now (database clock): run at a time after it.
    retention.runDue(Instant.now().plusSeconds(1));

    assertKept(old);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND action = 'LEGAL_HOLD_ON'"
                    + " AND detail LIKE '%litigation 2026-17%'",
                f.tenant))
        .isOne();
    assertThat(
            count(
                "SELECT COUNT(*) FROM purge_record WHERE tenant_ref = ? AND item LIKE 'skipped%'",
                f.tenant))
        .isOne();
  }

  @Test
  void aRetentionPeriodOutsideTheRangeOrFromAnAgentIsRefusedAndChangesNothing() throws Exception {
    Fixture f = fixture("Range");
    f.asAdmin(() -> settings.setPeriod(90, f.admin()));
    assertThatThrownBy(() -> f.asAdmin(() -> settings.setPeriod(29, f.admin())))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("between 30 and 730 days");
    assertThatThrownBy(() -> f.asAdmin(() -> settings.setPeriod(731, f.admin())))
        .isInstanceOf(PrivacyRefusedException.class);
    assertThatThrownBy(() -> f.asAdmin(() -> settings.setPeriod(null, f.admin())))
        .isInstanceOf(PrivacyRefusedException.class);
    Requester agent = new Requester(f.owner, "agent@example.test", Role.AGENT, null);
    assertThatThrownBy(() -> f.asAdmin(() -> settings.setPeriod(60, agent)))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("owner or admin");
    assertThat(count("SELECT retention_days FROM retention_setting WHERE tenant_id = ?", f.tenant))
        .isEqualTo(90);
    assertThat(f.call(() -> settings.current().retentionDays())).isEqualTo(90);
  }

  @Test
  void aTenantClaimedByAnotherServerIsLeftAlone() throws Exception {
    Fixture f = fixture("Claimed");
    Msg old = f.message(f.contact, Instant.now().minus(Duration.ofDays(181)), "claimed elsewhere");
    f.exec(
        "INSERT INTO retention_setting (tenant_id, next_run_at, lease_owner, lease_until)"
            + " VALUES (?, ?, 'other-server', ?)",
        f.tenant,
        ts(Instant.now().minusSeconds(60)),
        ts(Instant.now().plus(Duration.ofMinutes(10))));

    retention.runDue(Instant.now());
    assertKept(old);

    // The other server died: once its lease has run out, this one takes over.
    retention.runDue(Instant.now().plus(Duration.ofMinutes(11)));
    assertGone(old);
  }

  @Test
  void rawWebhookEventsGoAfterTheWebhookRetentionUnlessStillWaitingToBeApplied() throws Exception {
    Instant old = Instant.now().minus(Duration.ofDays(31));
    Instant fresh = Instant.now().minus(Duration.ofDays(29));
    long applied = event("APPLIED", old);
    long waiting = event("RECEIVED", old);
    long recent = event("APPLIED", fresh);
    insert(
        "INSERT INTO webhook_event_issue (event_id, kind, path, reason, created_at)"
            + " VALUES (?, 'NOT_APPLIED', 'entry[0]', 'test', ?)",
        applied,
        ts(old));

    assertThat(retention.purgeWebhookEvents(Instant.now())).isPositive();

    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE id = ?", applied)).isZero();
    assertThat(count("SELECT COUNT(*) FROM webhook_event_issue WHERE event_id = ?", applied))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE id = ?", waiting)).isOne();
    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE id = ?", recent)).isOne();
    assertThat(count("SELECT COUNT(*) FROM purge_record WHERE kind = 'WEBHOOK_EVENTS'"))
        .isPositive();
  }

  static long event(String state, Instant at) throws Exception {
    byte[] body = ("{\"test\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(body);
    return insert(
        "INSERT INTO webhook_event (body_sha256, body, body_bytes, received_at, last_received_at,"
            + " state) VALUES (?, ?, ?, ?, ?, ?)",
        sha,
        body,
        body.length,
        ts(at),
        ts(at),
        state);
  }

  // ---------------------------------------------------------------- account deletion

  @Test
  void deletionRevokesAtOnceAndThePurgeLeavesNothingOfTheTenantButTouchesNoOtherTenant()
      throws Exception {
    Instant now = Instant.now();
    Fixture f = fixture("Doomed");
    Fixture other = fixture("Bystander");
    other.message(other.contact, now.minus(Duration.ofDays(1)), "bystander message");
    f.message(f.contact, now.minus(Duration.ofDays(1)), "doomed message");
    // A canned response names its author: it must go before the tenant's users.
    f.insert(
        "INSERT INTO canned_response (tenant_id, shortcut, body, created_by, created_at,"
            + " updated_by, updated_at) VALUES (?, 'hours', 'Open 9-18 h', ?, NOW(6), ?, NOW(6))",
        f.tenant,
        f.owner,
        f.owner);
    Files.createDirectories(mediaRoot.resolve(f.tenant + "/stray"));
    Files.writeString(mediaRoot.resolve(f.tenant + "/stray/orphan.bin"), "orphan");
    String waba = SimulatorControl.newId();
    String pnid = SimulatorControl.newId();
    String code = sim.signupCode(waba, pnid, "+1 555 0300 " + pnid.substring(pnid.length() - 3));
    WhatsAppConnection live =
        f.call(() -> connections.connect(SignupRequest.of(code, waba, pnid, null), Actor.SYSTEM));
    assertThat(live.getStatus()).isEqualTo(WhatsAppConnection.Status.CONNECTED);
    byte[] sealedToken =
        bytes("SELECT access_token FROM whatsapp_connection WHERE id = ?", live.getId());
    assertThat(vault.decryptString(f.tenant, ConnectionStore.TOKEN_PURPOSE, sealedToken))
        .isNotBlank();
    Map<String, Long> bystanderBefore = rowsPerTable(other.tenant);

    // Bad input: nothing changes.
    assertThatThrownBy(() -> f.call(() -> deletions.request(f.ownerReq(), "wrong", f.name)))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> f.call(() -> deletions.request(f.ownerReq(), PASSWORD, f.name + "x")))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("exactly");
    assertThatThrownBy(
            () ->
                f.call(
                    () ->
                        deletions.request(
                            new Requester(f.admin, f.adminEmail, Role.ADMIN, null),
                            PASSWORD,
                            f.name)))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("owner");
    assertThat(tenantStatus(f.tenant)).isEqualTo("ACTIVE");
    assertThat(bytes("SELECT access_token FROM whatsapp_connection WHERE id = ?", live.getId()))
        .isNotNull();
    assertThat(count("SELECT COUNT(*) FROM account_deletion WHERE tenant_ref = ?", f.tenant))
        .isZero();

    // The request: revoked at once.
    AccountDeletions.Requested requested =
        f.call(() -> deletions.request(f.ownerReq(), PASSWORD, " " + f.name + " "));
    assertThat(requested.notes()).isEmpty();
    assertThat(tenantStatus(f.tenant)).isEqualTo("DELETION_PENDING");
    assertThat(bytes("SELECT access_token FROM whatsapp_connection WHERE id = ?", live.getId()))
        .as("no token is stored any more")
        .isNull();
    assertThat(unsubscribeCalls(waba)).as("the simulator saw the app unsubscribed").isOne();
    assertThat(signIns.verify(f.ownerEmail, PASSWORD, "203.0.113.9").success()).isFalse();
    assertThat(signIns.verify(f.ownerEmail, PASSWORD, "203.0.113.9").reason())
        .isEqualTo(SignIns.DELETION_PENDING);
    assertThatThrownBy(() -> f.call(() -> deletions.request(f.ownerReq(), PASSWORD, f.name)))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("already scheduled");
    assertThat(count("SELECT COUNT(*) FROM account_deletion WHERE tenant_ref = ?", f.tenant))
        .as("a replayed request schedules nothing more")
        .isOne();

    // Not yet due: nothing is purged.
    assertThat(accountPurge.runDue(now.plus(Duration.ofDays(29)))).isZero();
    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", f.tenant)).isPositive();

    // After the grace period.
    Instant later = requested.deletion().purgeAfter().plusSeconds(1);
    assertThat(accountPurge.runDue(later)).isGreaterThanOrEqualTo(1);

    assertThat(rowsPerTable(f.tenant))
        .as("every tenant_id table, for the deleted tenant")
        .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    assertThat(count("SELECT COUNT(*) FROM tenant WHERE id = ?", f.tenant)).isZero();
    assertThat(Files.exists(mediaRoot.resolve(Long.toString(f.tenant))))
        .as("media folder of the tenant")
        .isFalse();
    assertThatThrownBy(
            () -> vault.decryptString(f.tenant, ConnectionStore.TOKEN_PURPOSE, sealedToken))
        .as("an old copy of the token cannot be decrypted: its data key is destroyed")
        .isInstanceOf(RuntimeException.class);
    assertThat(rowsPerTable(other.tenant)).isEqualTo(bystanderBefore);
    assertThat(
            count(
                "SELECT COUNT(*) FROM account_deletion WHERE tenant_ref = ? AND status = 'PURGED'"
                    + " AND owner_email IS NULL AND receipt_sent_at IS NOT NULL"
                    + " AND summary LIKE '%message: 1%'",
                f.tenant))
        .isOne();
    assertThat(overview.deletions(100))
        .anyMatch(d -> d.tenantRef() == f.tenant && d.purgedAt() != null);
    assertThat(accountPurge.runDue(later)).as("replayed: nothing left to do").isZero();
  }

  @Test
  void theAccountPurgeDeletesOrRedactsEveryRawWebhookEventThatNamedTheTenantsCustomers()
      throws Exception {
    Fixture f = fixture("RawDoomed");
    Fixture other = fixture("RawBystander");
    String pnid = f.goLive();
    String otherPnid = other.goLive();
    String doomedCustomer = waId();
    String otherCustomer = waId();
    long onlyDoomed =
        applied(webhook(change(pnid, doomedCustomer, "Doomed Customer", "doomed secret text")));
    long shared =
        applied(
            webhook(
                change(pnid, doomedCustomer, "Doomed Customer", "doomed second text"),
                change(otherPnid, otherCustomer, "Kept Customer", "bystander text")));
    assertThat(routes(onlyDoomed)).containsExactly(f.tenant);
    assertThat(routes(shared)).containsExactlyInAnyOrder(f.tenant, other.tenant);
    assertThat(count("SELECT COUNT(*) FROM message WHERE tenant_id = ?", f.tenant)).isEqualTo(2);

    f.exec("UPDATE whatsapp_connection SET status = 'DISCONNECTED' WHERE tenant_id = ?", f.tenant);
    AccountDeletions.Requested requested =
        f.call(() -> deletions.request(f.ownerReq(), PASSWORD, f.name));
    assertThat(accountPurge.runDue(requested.deletion().purgeAfter().plusSeconds(1)))
        .isGreaterThanOrEqualTo(1);

    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE id = ?", onlyDoomed))
        .as("an event of the deleted tenant alone is deleted")
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_event WHERE body LIKE ? OR body LIKE ?",
                "%" + doomedCustomer + "%",
                "%doomed%text%"))
        .as("no raw event holds the deleted tenant's customer's number or texts")
        .isZero();
    assertThat(string("SELECT body FROM webhook_event WHERE id = ?", shared))
        .as("the other tenant's part of a shared event is kept")
        .contains(otherCustomer, "Kept Customer", "bystander text", otherPnid)
        .doesNotContain(pnid);
    assertThat(routes(shared)).containsExactly(other.tenant);
    assertThat(
            string(
                "SELECT summary FROM account_deletion WHERE tenant_ref = ? AND status = 'PURGED'",
                f.tenant))
        .contains("webhook_event: 1", "webhook_event redacted: 1");

    // The receipt: what and when, no link into the deleted account, no person's identifier kept.
    assertThat(mails.to(f.ownerEmail, "Deletion receipt"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.aboutLiveAccount()).isFalse();
              assertThat(String.join("\n\n", Wording.english(m.body())))
                  .contains("account number " + f.tenant, "was deleted on", "raw webhook copies")
                  .contains("webhook_event: 1")
                  .doesNotContain("http", f.ownerEmail);
            });
    assertThat(
            count(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'account_deletion' AND column_name LIKE '%by%'"))
        .as("the receipt row names no user")
        .isZero();
  }

  @Test
  void theOwnerCanCancelDuringTheGracePeriodWithTheRightPasswordOnly() throws Exception {
    Fixture f = fixture("Regret");
    f.call(() -> deletions.request(f.ownerReq(), PASSWORD, f.name));
    assertThatThrownBy(() -> deletions.cancel(f.ownerEmail, "wrong-password", "203.0.113.7"))
        .isInstanceOf(PrivacyRefusedException.class);
    assertThatThrownBy(() -> deletions.cancel(f.adminEmail, PASSWORD, "203.0.113.7"))
        .as("an admin cannot cancel")
        .isInstanceOf(PrivacyRefusedException.class);
    assertThat(tenantStatus(f.tenant)).isEqualTo("DELETION_PENDING");

    deletions.cancel(f.ownerEmail, PASSWORD, "203.0.113.7");

    assertThat(tenantStatus(f.tenant)).isEqualTo("ACTIVE");
    assertThat(signIns.verify(f.ownerEmail, PASSWORD, "203.0.113.7").success()).isTrue();
    assertThat(
            count(
                "SELECT COUNT(*) FROM account_deletion WHERE tenant_ref = ? AND status = 'CANCELLED'",
                f.tenant))
        .isOne();
    assertThat(accountPurge.runDue(Instant.now().plus(Duration.ofDays(31))))
        .as("a cancelled deletion is never purged")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ?", f.tenant)).isPositive();
    assertThatThrownBy(() -> deletions.cancel(f.ownerEmail, PASSWORD, "203.0.113.7"))
        .as("nothing left to cancel")
        .isInstanceOf(PrivacyRefusedException.class);
  }

  // ---------------------------------------------------------------- data-subject requests

  @Test
  void anExportHoldsEverythingAboutTheContactAndNothingAboutOthers() throws Exception {
    Instant now = Instant.now();
    Fixture a = fixture("Export");
    Fixture b = fixture("Elsewhere");
    a.message(a.contact, now.minus(Duration.ofDays(3)), "mine, first");
    a.message(a.contact, now.minus(Duration.ofDays(2)), "mine, \"quoted\", second");
    long neighbour = a.contact("neighbour");
    a.message(neighbour, now.minus(Duration.ofDays(1)), "the neighbour's secret");
    b.message(b.contact, now.minus(Duration.ofDays(1)), "another tenant's secret");

    long conversation =
        count(
            "SELECT id FROM conversation WHERE tenant_id = ? AND contact_id = ? LIMIT 1",
            a.tenant,
            a.contact);
    insert(
        "INSERT INTO contact_tag (tenant_id, contact_id, tag) VALUES (?, ?, 'vip-export')",
        a.tenant,
        a.contact);
    long label =
        insert(
            "INSERT INTO label (tenant_id, name, created_at) VALUES (?, 'label-export', NOW(6))",
            a.tenant);
    insert(
        "INSERT INTO conversation_label (tenant_id, conversation_id, label_id) VALUES (?, ?, ?)",
        a.tenant,
        conversation,
        label);
    insert(
        "INSERT INTO conversation_note (tenant_id, conversation_id, author_id, body, created_at)"
            + " VALUES (?, ?, ?, 'note-export: prefers mornings', NOW(6))",
        a.tenant,
        conversation,
        a.owner);
    byte[] zip = a.call(() -> dsr.export(a.contact, a.admin()));
    Map<String, String> files = unzip(zip);
    // Tags, labels and notes are data about the person too.
    assertThat(files).containsKeys("tags.csv", "labels.csv", "notes.csv");
    assertThat(files.get("tags.csv")).contains("vip-export");
    assertThat(files.get("labels.csv")).contains("label-export");
    assertThat(files.get("notes.csv")).contains("note-export: prefers mornings");
    // Readable fields, not the tables' internals.
    for (String csv : files.keySet()) {
      if (csv.endsWith(".csv")) {
        String header = files.get(csv).lines().findFirst().orElse("");
        assertThat(header)
            .as(csv)
            .doesNotContain("tenant_id")
            .doesNotContain("version")
            .doesNotContain("payload")
            .doesNotContain("identity_key");
      }
    }
    assertThat(files.get("contact.csv").lines().findFirst().orElseThrow())
        .contains("name")
        .contains("whatsapp_number");

    assertThat(files)
        .containsKeys(
            "export.json",
            "contact.csv",
            "messages.csv",
            "media.csv",
            "conversations.csv",
            "reactions.csv",
            "message_statuses.csv");
    JsonObject json =
        jakarta.json.Json.createReader(new java.io.StringReader(files.get("export.json")))
            .readObject();
    assertThat(json.getJsonArray("contact")).hasSize(1);
    assertThat(json.getJsonArray("contact").getJsonObject(0).getJsonNumber("id").longValue())
        .isEqualTo(a.contact);
    assertThat(json.getJsonArray("messages")).hasSize(2);
    assertThat(json.getJsonArray("media")).hasSize(2);
    assertThat(json.getJsonArray("reactions")).hasSize(2);
    assertThat(json.getJsonArray("message_statuses")).hasSize(2);
    String all = String.join("\n", files.values());
    assertThat(all).contains("mine, first").contains("mine, \"\"quoted\"\", second");
    assertThat(all).doesNotContain("neighbour").doesNotContain("another tenant's secret");
    for (JsonValue m : json.getJsonArray("messages")) {
      assertThat(m.asJsonObject().getJsonNumber("conversation_id").longValue())
          .isEqualTo(conversation);
      assertThat(m.asJsonObject()).doesNotContainKeys("tenant_id", "payload", "version");
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM data_subject_request WHERE tenant_id = ? AND contact_id = ?"
                    + " AND kind = 'EXPORT' AND outcome = 'DONE' AND actor_email = ?",
                a.tenant,
                a.contact,
                a.adminEmail))
        .isOne();
  }

  @Test
  void aRequestForAnotherTenantsContactIsRefusedLoggedAndChangesNothing() throws Exception {
    Fixture a = fixture("Snoop");
    Fixture b = fixture("Victim");
    b.message(b.contact, Instant.now().minus(Duration.ofDays(1)), "victim text");
    Map<String, Long> before = rowsPerTable(b.tenant);

    assertThatThrownBy(() -> a.call(() -> dsr.export(b.contact, a.admin())))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("no such contact");
    assertThatThrownBy(() -> a.call(() -> dsr.erase(b.contact, a.admin())))
        .isInstanceOf(PrivacyRefusedException.class);
    assertThatThrownBy(
            () ->
                a.call(
                    () -> {
                      dsr.correct(b.contact, "Renamed", null, null, a.admin());
                      return null;
                    }))
        .isInstanceOf(PrivacyRefusedException.class);
    assertThatThrownBy(
            () ->
                a.call(
                    () -> {
                      dsr.setAutomationOptOut(b.contact, true, a.admin());
                      return null;
                    }))
        .isInstanceOf(PrivacyRefusedException.class);

    assertThat(rowsPerTable(b.tenant)).isEqualTo(before);
    assertThat(count("SELECT automation_opt_out FROM contact WHERE id = ?", b.contact)).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM data_subject_request WHERE tenant_id = ? AND contact_id = ?"
                    + " AND outcome = 'REFUSED'",
                a.tenant,
                b.contact))
        .isEqualTo(4);
  }

  @Test
  void erasureLeavesOnlyASuppressionRecordAndTheAuditSaysWhat() throws Exception {
    Instant now = Instant.now();
    Fixture f = fixture("Erase");
    Msg m1 = f.message(f.contact, now.minus(Duration.ofDays(5)), "erase me");
    Msg m2 = f.message(f.contact, now.minus(Duration.ofDays(4)), "erase me too");
    long keep = f.contact("keep");
    Msg kept = f.message(keep, now.minus(Duration.ofDays(4)), "keep me");
    f.exec("UPDATE contact SET opted_out = TRUE WHERE id = ?", f.contact);
    String waId = string("SELECT wa_id FROM contact WHERE id = ?", f.contact);

    assertThatThrownBy(
            () ->
                f.call(
                    () -> {
                      dsr.correct(f.contact, "Name", "not-an-email", null, f.admin());
                      return null;
                    }))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(
            () ->
                f.call(
                    () -> {
                      dsr.correct(f.contact, "n".repeat(201), null, "12ab", f.admin());
                      return null;
                    }))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("200");
    assertThat(string("SELECT display_name FROM contact WHERE id = ?", f.contact))
        .isNotEqualTo("Name");
    f.call(
        () -> {
          dsr.correct(f.contact, "Corrected Name", "ana@example.test", "+49 151 1234", f.admin());
          return null;
        });
    assertThat(string("SELECT email FROM contact WHERE id = ?", f.contact))
        .isEqualTo("ana@example.test");

    f.asAdmin(() -> dsr.setLegalHold(f.contact, true, f.admin()));
    assertThatThrownBy(() -> f.call(() -> dsr.erase(f.contact, f.admin())))
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("legal hold");
    assertKept(m1);
    f.asAdmin(() -> dsr.setLegalHold(f.contact, false, f.admin()));

    f.call(() -> dsr.erase(f.contact, f.admin()));
    assertThatThrownBy(() -> f.call(() -> dsr.erase(f.contact, f.admin())))
        .as("erasing again finds nothing")
        .isInstanceOf(PrivacyRefusedException.class)
        .hasMessageContaining("no such contact");

    assertGone(m1);
    assertGone(m2);
    assertKept(kept);
    assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ?", f.contact)).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM conversation WHERE tenant_id = ? AND contact_id = ?",
                f.tenant,
                f.contact))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM suppression WHERE tenant_id = ?", f.tenant)).isOne();
    assertThat(dsr.suppressed(f.tenant, waId)).isTrue();
    assertThat(dsr.suppressed(f.tenant, "4915100000000")).isFalse();
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND action = 'DSR_ERASURE'"
                    + " AND detail LIKE '%message: 2%'",
                f.tenant))
        .isOne();
    assertThat(
            string(
                "SELECT detail FROM data_subject_request WHERE tenant_id = ? AND kind = 'ERASURE'"
                    + " AND outcome = 'DONE'",
                f.tenant))
        .contains("media files: 2")
        .doesNotContain(waId);
  }

  @Test
  void erasingAContactAlsoRemovesItFromTheRawWebhookEventsOfItsTenant() throws Exception {
    Fixture f = fixture("RawErase");
    String pnid = f.goLive();
    String erased = waId();
    String kept = waId();
    long alone = applied(webhook(change(pnid, erased, "Erased Person", "erased words one")));
    long both =
        applied(
            webhook(
                change(pnid, erased, "Erased Person", "erased words two"),
                change(pnid, kept, "Kept Person", "kept words")));
    long contact =
        count("SELECT id FROM contact WHERE tenant_id = ? AND wa_id = ?", f.tenant, erased);
    assertThat(contact).isPositive();

    f.call(() -> dsr.erase(contact, f.admin()));

    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE id = ?", alone)).isZero();
    assertThat(string("SELECT body FROM webhook_event WHERE id = ?", both))
        .doesNotContain(erased, "Erased Person", "erased words")
        .contains(kept, "Kept Person", "kept words");
    assertThat(
            string(
                "SELECT detail FROM data_subject_request WHERE tenant_id = ? AND kind = 'ERASURE'"
                    + " AND outcome = 'DONE'",
                f.tenant))
        .contains("webhook_event: 1", "webhook_event redacted: 1");
  }

  @Test
  void theAutomationOptOutIsWhatSendersAsk() throws Exception {
    Fixture f = fixture("Optout");
    assertThat(dsr.automatedProcessingAllowed(f.tenant, f.contact)).isTrue();
    f.call(
        () -> {
          dsr.setAutomationOptOut(f.contact, true, f.admin());
          return null;
        });
    assertThat(dsr.automatedProcessingAllowed(f.tenant, f.contact)).isFalse();
    assertThat(count("SELECT automation_opt_out FROM contact WHERE id = ?", f.contact)).isOne();
    Fixture other = fixture("Optout other");
    assertThat(dsr.automatedProcessingAllowed(other.tenant, f.contact))
        .as("another tenant's contact id is never allowed")
        .isFalse();
    f.call(
        () -> {
          dsr.setAutomationOptOut(f.contact, false, f.admin());
          return null;
        });
    assertThat(dsr.automatedProcessingAllowed(f.tenant, f.contact)).isTrue();
    assertThat(f.call(() -> dsr.history(f.contact))).hasSize(2);
  }

  // ---------------------------------------------------------------- fixtures and probes

  static String waId() {
    return "49" + (100000000L + ThreadLocalRandom.current().nextLong(899999999L));
  }

  /** A messages change in Meta's shape: one customer's profile and text message. */
  static String change(String pnid, String waId, String name, String text) {
    return ("{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550001\",\"phone_number_id\":\"%s\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\"%s\"},\"wa_id\":\"%s\"}],"
            + "\"messages\":[{\"from\":\"%s\",\"id\":\"wamid.%s\",\"timestamp\":\"%d\","
            + "\"type\":\"text\",\"text\":{\"body\":\"%s\"}}]}}")
        .formatted(pnid, name, waId, waId, UUID.randomUUID(), Instant.now().getEpochSecond(), text);
  }

  static String webhook(String... changes) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
        + SimulatorControl.newId()
        + "\",\"changes\":["
        + String.join(",", changes)
        + "]}]}";
  }

  /** Stores the body as Meta's delivery would and waits until the applier has applied it. */
  static long applied(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(body);
    Instant now = Instant.now();
    long id =
        insert(
            "INSERT INTO webhook_event (body_sha256, body, body_bytes, received_at,"
                + " last_received_at) VALUES (?, ?, ?, ?, ?)",
            sha,
            body,
            body.length,
            ts(now),
            ts(now));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"APPLIED".equals(string("SELECT state FROM webhook_event WHERE id = ?", id))) {
      assertThat(System.nanoTime())
          .as(
              "event %d applied within 30 s (state %s)",
              id, string("SELECT state FROM webhook_event WHERE id = ?", id))
          .isLessThan(deadline);
      Thread.sleep(200);
    }
    return id;
  }

  static java.util.List<Long> routes(long eventId) throws SQLException {
    java.util.List<Long> tenants = new java.util.ArrayList<>();
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT tenant_id FROM webhook_event_route WHERE event_id = ?")) {
      s.setLong(1, eventId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getLong(1));
        }
      }
    }
    return tenants;
  }

  record Msg(long id, String wamid, long media, Path file) {}

  Fixture fixture(String prefix) throws Exception {
    return new Fixture(prefix + " " + UUID.randomUUID().toString().substring(0, 8));
  }

  class Fixture {
    final String name;
    final long tenant;
    final long owner;
    final long admin;
    final String ownerEmail;
    final String adminEmail;
    final long connection;
    final long contact;

    Fixture(String name) throws Exception {
      this.name = name;
      tenant = tenants.create(name).getId();
      String tag = UUID.randomUUID().toString().substring(0, 12);
      ownerEmail = "owner-" + tag + "@example.test";
      adminEmail = "admin-" + tag + "@example.test";
      String hash = passwords.hash(PASSWORD);
      owner =
          insert(
              "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status,"
                  + " email_verified_at) VALUES (?, ?, 'Owner', ?, 'OWNER', 'ACTIVE', ?)",
              tenant,
              ownerEmail,
              hash,
              ts(Instant.now()));
      admin =
          insert(
              "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status,"
                  + " email_verified_at) VALUES (?, ?, 'Admin', ?, 'ADMIN', 'ACTIVE', ?)",
              tenant,
              adminEmail,
              hash,
              ts(Instant.now()));
      connection =
          insert(
              "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                  + " created_at, updated_at) VALUES (?, ?, ?, 'DISCONNECTED', ?, ?)",
              tenant,
              SimulatorControl.newId(),
              SimulatorControl.newId(),
              ts(Instant.now()),
              ts(Instant.now()));
      contact = contact("main");
    }

    Requester admin() {
      return new Requester(admin, adminEmail, Role.ADMIN, "198.51.100.1");
    }

    /** Makes the fixture's number the live owner of its phone number id; returns the id. */
    String goLive() throws SQLException {
      exec("UPDATE whatsapp_connection SET status = 'CONNECTED' WHERE id = ?", connection);
      return string("SELECT phone_number_id FROM whatsapp_connection WHERE id = ?", connection);
    }

    Requester ownerReq() {
      return new Requester(owner, ownerEmail, Role.OWNER, "198.51.100.2");
    }

    long contact(String label) throws SQLException {
      String wa = "49" + (100000000L + (long) (Math.random() * 899999999L));
      return insert(
          "INSERT INTO contact (tenant_id, identity_key, wa_id, profile_name, display_name,"
              + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          tenant,
          wa,
          wa,
          label + " " + name,
          label + " " + name,
          ts(Instant.now()),
          ts(Instant.now()));
    }

    /** A message with a conversation, a media row and its file, a status and a reaction. */
    Msg message(long contactId, Instant at, String text) throws Exception {
      long conversation;
      try (Connection c = ItDatabase.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT id FROM conversation WHERE tenant_id = ? AND contact_id = ?")) {
        s.setLong(1, tenant);
        s.setLong(2, contactId);
        try (ResultSet rs = s.executeQuery()) {
          conversation = rs.next() ? rs.getLong(1) : -1;
        }
      }
      if (conversation < 0) {
        conversation =
            insert(
                "INSERT INTO conversation (tenant_id, connection_id, contact_id, status, opened_at,"
                    + " last_activity_at) VALUES (?, ?, ?, 'OPEN', ?, ?)",
                tenant,
                connection,
                contactId,
                ts(at),
                ts(at));
      }
      String wamid = "wamid." + UUID.randomUUID();
      long id =
          insert(
              "INSERT INTO message (tenant_id, conversation_id, contact_id, connection_id, wamid,"
                  + " direction, type, text, status, created_at, received_at)"
                  + " VALUES (?, ?, ?, ?, ?, 'INBOUND', 'image', ?, 'RECEIVED', ?, ?)",
              tenant,
              conversation,
              contactId,
              connection,
              wamid,
              text,
              ts(at),
              ts(at));
      // The media folder's own layout (<tenant>/<number>.media); the purge refuses other paths.
      String relative =
          tenant + "/" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + ".media";
      Path file = mediaRoot.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, ("encrypted " + text).getBytes(StandardCharsets.UTF_8));
      long media =
          insert(
              "INSERT INTO media (tenant_id, message_id, media_id, mime_type, file_path, state,"
                  + " created_at, updated_at) VALUES (?, ?, ?, 'image/jpeg', ?, 'DOWNLOADED', ?, ?)",
              tenant,
              id,
              "media-" + UUID.randomUUID(),
              relative,
              ts(at),
              ts(at));
      insert(
          "INSERT INTO message_status (tenant_id, connection_id, wamid, status, occurred_at,"
              + " received_at) VALUES (?, ?, ?, 'read', ?, ?)",
          tenant,
          connection,
          wamid,
          ts(at),
          ts(at));
      insert(
          "INSERT INTO reaction (tenant_id, target_wamid, message_id, contact_id, emoji,"
              + " reaction_wamid, reacted_at, updated_at) VALUES (?, ?, ?, ?, 'x', ?, ?, ?)",
          tenant,
          wamid,
          id,
          contactId,
          "wamid.r" + UUID.randomUUID(),
          ts(at),
          ts(at));
      return new Msg(id, wamid, media, file);
    }

    void asAdmin(Runnable work) {
      Tenancy.runAs(tenant, work);
    }

    <T> T call(Callable<T> work) {
      try {
        return Tenancy.callAs(tenant, work);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    long insert(String sql, Object... args) throws SQLException {
      return RetentionIT.insert(sql, args);
    }

    void exec(String sql, Object... args) throws SQLException {
      try (Connection c = ItDatabase.connect();
          PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, args);
        s.executeUpdate();
      }
    }
  }

  void assertGone(Msg m) throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM message WHERE id = ?", m.id())).as("message").isZero();
    assertThat(count("SELECT COUNT(*) FROM media WHERE id = ?", m.media())).as("media").isZero();
    assertThat(count("SELECT COUNT(*) FROM message_status WHERE wamid = ?", m.wamid()))
        .as("status")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM reaction WHERE target_wamid = ?", m.wamid()))
        .as("reaction")
        .isZero();
    assertThat(Files.exists(m.file())).as("media file on disk").isFalse();
  }

  void assertKept(Msg m) throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM message WHERE id = ?", m.id())).as("message").isOne();
    assertThat(count("SELECT COUNT(*) FROM media WHERE id = ?", m.media())).as("media").isOne();
    assertThat(count("SELECT COUNT(*) FROM message_status WHERE wamid = ?", m.wamid()))
        .as("status")
        .isOne();
    assertThat(count("SELECT COUNT(*) FROM reaction WHERE target_wamid = ?", m.wamid()))
        .as("reaction")
        .isOne();
    assertThat(Files.exists(m.file())).as("media file on disk").isTrue();
  }

  /** Rows of this tenant in every table that has a tenant_id column. */
  static Map<String, Long> rowsPerTable(long tenant) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = ItDatabase.connect()) {
      for (String table : PurgeSteps.tenantTables(c)) {
        out.put(table, count("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenant));
      }
    }
    assertThat(out).containsKeys("message", "contact", "audit_event", "user_account");
    return out;
  }

  int unsubscribeCalls(String waba) {
    return (int)
        sim.calls().getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("method").equals("DELETE"))
            .filter(c -> c.getString("path").contains(waba + "/subscribed_apps"))
            .filter(c -> c.getInt("status") == 200)
            .count();
  }

  static String tenantStatus(long tenant) throws SQLException {
    return string("SELECT status FROM tenant WHERE id = ?", tenant);
  }

  static long nz(Long l) {
    return l == null ? -1 : l;
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  static long count(String sql, Object... args) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  static String string(String sql, Object... args) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static byte[] bytes(String sql, Object... args) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  static long insert(String sql, Object... args) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
      bind(s, args);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
