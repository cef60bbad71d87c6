package in.picode.kretanote.inbound.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.inbound.boundary.TemplateStatusChanged;
import in.picode.kretanote.messaging.boundary.MediaContent;
import in.picode.kretanote.messaging.boundary.MediaFiles;
import in.picode.kretanote.messaging.boundary.MediaView;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.retention.boundary.AccountDeletions;
import in.picode.kretanote.retention.boundary.AccountPurge;
import in.picode.kretanote.retention.boundary.Requester;
import in.picode.kretanote.tenant.boundary.Notifications;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.control.PasswordHashing;
import in.picode.kretanote.tenant.entity.Notification;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.ItMeta;
import in.picode.kretanote.testing.SimulatorControl;
import in.picode.kretanote.testing.TemplateStatusRecorder;
import in.picode.kretanote.testing.Webhooks;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rest of the inbound pipeline, end to end inside one Payara Micro: signed webhooks posted over
 * HTTP to the application's own endpoint carry image and document messages whose files the Meta
 * simulator holds; the downloader fetches, encrypts and stores them, retries Meta's hiccups and
 * gives up on what cannot work with a reason. Account-level webhooks change the connection and
 * notify the owners; template status updates reach whoever observes them; {@code /metrics} counts
 * it all. Runs in the container so it can open files as a tenant and observe CDI events.
 */
@ExtendWith(ArquillianExtension.class)
class MediaAndAccountWebhooksIT {

  static final int MAX_BYTES = 300_000;

  @Deployment
  static WebArchive deployment() {
    Path media =
        Path.of(System.getProperty("java.io.tmpdir"), "kretanote-it-media-" + UUID.randomUUID());
    return Webhooks.app(
        "media",
        Map.of(
            "kretanote.media.dir", media.toString(),
            "kretanote.media.max-bytes", Integer.toString(MAX_BYTES),
            "kretanote.media.max-attempts", "3",
            "kretanote.media.retry-delay", "PT1S",
            "kretanote.media.max-retry-delay", "PT2S"));
  }

  @BeforeAll
  static void simulator() {
    ItMeta.start();
  }

  @Inject WhatsAppConnections connections;
  @Inject Tenants tenants;
  @Inject MediaFiles files;
  @Inject Notifications notifications;
  @Inject TemplateStatusRecorder templates;
  @Inject HttpServletRequest request;
  @Inject AccountDeletions deletions;
  @Inject AccountPurge accountPurge;
  @Inject PasswordHashing passwords;
  @Inject TokenVault vault;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  SimulatorControl sim;
  URI server;
  URI endpoint;
  long tenant;
  String waba;
  String pnid;
  WhatsAppConnection connection;

  @BeforeEach
  void connectedNumber() throws Exception {
    server = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/");
    endpoint = server.resolve(request.getContextPath() + "/webhooks/whatsapp");
    sim = SimulatorControl.fromServerConfig();
    sim.clearFaults();
    tenant = tenants.create("Media " + UUID.randomUUID().toString().substring(0, 8)).getId();
    waba = SimulatorControl.newId();
    pnid = SimulatorControl.newId();
    String code = sim.signupCode(waba, pnid, "+1 555 0300 " + pnid.substring(pnid.length() - 3));
    connection =
        as(
            tenant,
            () -> connections.connect(SignupRequest.of(code, waba, pnid, null), Actor.SYSTEM));
    assertThat(connection.getStatus()).isEqualTo(WhatsAppConnection.Status.CONNECTED);
  }

  @Test
  void imagesAndDocumentsAreStoredEncryptedOnceAndOpenOnlyForTheirTenant() throws Exception {
    byte[] photo = random(150_000);
    byte[] pdf = ("%PDF-1.7\n" + "Invoice 4711 for Ana Lima\n".repeat(400)).getBytes();
    String photoId = sim.media(photo, "image/jpeg");
    String pdfId = sim.media(pdf, "application/pdf");
    String photoWamid = wamid();
    String pdfWamid = wamid();
    byte[] body =
        messages(
            message(photoWamid, "image", media(photoId, "image/jpeg", photo).add("caption", "🍰")),
            message(
                pdfWamid,
                "document",
                media(pdfId, "application/pdf", pdf).add("filename", "Rechnung März.pdf")));
    assertThat(post(body)).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("APPLIED");

    long photoRow = awaitMedia(photoWamid, "DOWNLOADED");
    long pdfRow = awaitMedia(pdfWamid, "DOWNLOADED");
    List<String> row =
        row("SELECT size_bytes, sha256, mime_type, file_path FROM media WHERE id = ?", photoRow);
    assertThat(row)
        .containsExactly(
            Integer.toString(photo.length),
            HexFormat.of().formatHex(sha256(photo)),
            "image/jpeg",
            tenant + "/" + photoRow + ".media");

    Path file = Path.of(mediaDir(), row.get(3));
    byte[] stored = Files.readAllBytes(file);
    assertThat(stored.length).isGreaterThan(photo.length);
    assertThat(indexOf(stored, Arrays.copyOfRange(photo, 1000, 1064)))
        .as("the file on disk is not the plaintext")
        .isNegative();
    try (var tmp = Files.list(file.getParent())) {
      assertThat(tmp.filter(p -> p.getFileName().toString().endsWith(".tmp")))
          .as("no temporary file is left behind")
          .isEmpty();
    }

    try (MediaContent opened = as(tenant, () -> files.open(photoRow).orElseThrow())) {
      assertThat(opened.content().readAllBytes()).isEqualTo(photo);
      assertThat(opened.mimeType()).isEqualTo("image/jpeg");
      assertThat(opened.size()).isEqualTo(photo.length);
      assertThat(opened.filename()).isEqualTo("whatsapp-" + photoRow + ".jpg");
    }
    try (MediaContent opened = as(tenant, () -> files.open(pdfRow).orElseThrow())) {
      assertThat(opened.content().readAllBytes()).isEqualTo(pdf);
      assertThat(opened.filename()).isEqualTo("Rechnung März.pdf");
    }

    long other = tenants.create("Other " + UUID.randomUUID().toString().substring(0, 8)).getId();
    assertThat(as(other, () -> files.open(photoRow))).as("another tenant").isEmpty();
    assertThat(as(other, () -> files.find(photoRow))).isEmpty();

    // Meta redelivers: the same bytes, and the same messages re-serialised (a new event).
    assertThat(post(body)).isEqualTo(200);
    byte[] again =
        messages(
            message(pdfWamid, "document", media(pdfId, "application/pdf", pdf)),
            message(photoWamid, "image", media(photoId, "image/jpeg", photo)));
    assertThat(post(again)).isEqualTo(200);
    assertThat(awaitApplied(again)).isEqualTo("APPLIED");
    Thread.sleep(1500);
    assertThat(count("SELECT COUNT(*) FROM media WHERE tenant_id = ?", tenant)).isEqualTo(2);
    assertThat(downloads(photoId)).as("the photo was downloaded once").isEqualTo(1);
    assertThat(downloads(pdfId)).isEqualTo(1);
  }

  @Test
  void theSimulatorsCustomerSendsEveryMediaTypeAndAnAccountDeletionLeavesNoReadableCopy()
      throws Exception {
    // The simulator posts this WABA's signed webhooks to this deployment, as Meta would.
    sim.overrideCallback(waba, endpoint.toString());
    String customer = "4917" + (10_000_000 + new Random().nextInt(89_999_999));
    Map<String, String> types =
        Map.of(
            "image", "image/jpeg",
            "document", "application/pdf",
            "audio", "audio/ogg",
            "video", "video/mp4",
            "sticker", "image/webp");
    Map<Long, byte[]> sent = new java.util.HashMap<>();
    for (Map.Entry<String, String> t : types.entrySet()) {
      byte[] content = random(20_000);
      String wamid =
          sim.customerSendsMedia(pnid, customer, t.getKey(), content, t.getValue(), "a caption");
      long row = awaitMedia(wamid, "DOWNLOADED");
      assertThat(row("SELECT type FROM message WHERE wamid = ?", wamid))
          .containsExactly(t.getKey());
      sent.put(row, content);
    }
    for (Map.Entry<Long, byte[]> m : sent.entrySet()) {
      try (MediaContent opened = as(tenant, () -> files.open(m.getKey()).orElseThrow())) {
        assertThat(opened.content().readAllBytes()).isEqualTo(m.getValue());
      }
    }
    // A copy of the ciphertexts, as a backup or a stolen disk would hold them: readable now.
    Path folder = Path.of(mediaDir(), Long.toString(tenant));
    Path copies = Files.createTempDirectory("kretanote-media-copy");
    for (long row : sent.keySet()) {
      Files.copy(folder.resolve(row + ".media"), copies.resolve(row + ".media"));
    }
    long anyRow = sent.keySet().iterator().next();
    try (var in = Files.newInputStream(copies.resolve(anyRow + ".media"))) {
      assertThat(vault.decryptingStream(tenant, "media:" + anyRow, in).readAllBytes())
          .isEqualTo(sent.get(anyRow));
    }

    String email = "owner-" + UUID.randomUUID() + "@example.test";
    String password = "Owner-pass-2026!";
    Webhooks.execute(
        "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status,"
            + " email_verified_at) VALUES (?, ?, 'Owner', ?, 'OWNER', 'ACTIVE', NOW(6))",
        tenant,
        email,
        passwords.hash(password));
    long owner = count("SELECT id FROM user_account WHERE email = ?", email);
    String name = row("SELECT name FROM tenant WHERE id = ?", tenant).get(0);
    AccountDeletions.Requested requested =
        as(
            tenant,
            () ->
                deletions.request(
                    new Requester(owner, email, Role.OWNER, "203.0.113.5"), password, name));
    assertThat(accountPurge.runDue(requested.deletion().purgeAfter().plusSeconds(1)))
        .isGreaterThanOrEqualTo(1);

    assertThat(folder).as("the tenant's media folder").doesNotExist();
    assertThat(count("SELECT COUNT(*) FROM media WHERE tenant_id = ?", tenant)).isZero();
    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE body LIKE ?", "%" + customer + "%"))
        .as("no raw webhook copy names the customer")
        .isZero();
    for (long row : sent.keySet()) {
      assertThatThrownBy(
              () -> {
                try (var in = Files.newInputStream(copies.resolve(row + ".media"))) {
                  vault.decryptingStream(tenant, "media:" + row, in).readAllBytes();
                }
              })
          .as("the copied ciphertext of media %d cannot be opened: the data key is gone", row)
          .isInstanceOf(Exception.class);
    }
  }

  @Test
  void aHiccupAtMetaIsRetriedAndThenTheFileArrives() throws Exception {
    byte[] photo = random(20_000);
    String photoId = sim.media(photo, "image/jpeg");
    sim.httpStatus(503, "GET", "/media-download/" + photoId);
    String w = wamid();
    byte[] body = messages(message(w, "image", media(photoId, "image/jpeg", photo)));
    assertThat(post(body)).isEqualTo(200);
    long row = awaitMedia(w, "DOWNLOADED");
    assertThat(row("SELECT attempts, last_error FROM media WHERE id = ?", row))
        .containsExactly("2", null);
    assertThat(downloads(photoId)).isEqualTo(2);
    try (MediaContent opened = as(tenant, () -> files.open(row).orElseThrow())) {
      assertThat(opened.content().readAllBytes()).isEqualTo(photo);
    }
  }

  @Test
  void whatCannotWorkEndsFailedWithAReason() throws Exception {
    String unknown = "1" + SimulatorControl.newId();
    byte[] big = random(MAX_BYTES + 1);
    String bigId = sim.media(big, "application/pdf");
    String gone = wamid();
    String tooLarge = wamid();
    byte[] body =
        messages(
            message(gone, "image", mediaRef(unknown, "image/jpeg")),
            message(tooLarge, "document", media(bigId, "application/pdf", big)));
    assertThat(post(body)).isEqualTo(200);

    long goneRow = awaitMedia(gone, "FAILED");
    long bigRow = awaitMedia(tooLarge, "FAILED");
    MediaView goneView = as(tenant, () -> files.find(goneRow).orElseThrow());
    assertThat(goneView.state()).isEqualTo(Media.State.FAILED);
    assertThat(goneView.lastError()).contains("Meta no longer has this file");
    assertThat(goneView.attempts()).isEqualTo(1);
    assertThat(as(tenant, () -> files.find(bigRow).orElseThrow()).lastError())
        .contains("larger than the limit");
    assertThat(as(tenant, () -> files.open(bigRow))).isEmpty();
    assertThat(downloads(bigId)).as("Meta announced the size; nothing was fetched").isZero();
    try (var dir = Files.list(Path.of(mediaDir(), Long.toString(tenant)))) {
      assertThat(dir).as("no file stays behind").isEmpty();
    } catch (java.nio.file.NoSuchFileException e) {
      // never created: fine
    }
  }

  @Test
  void aFileThatNeverMatchesMetasChecksumEndsFailedAfterItsAttempts() throws Exception {
    byte[] photo = random(5_000);
    String photoId = sim.media(photo, "image/jpeg");
    sim.fault(
        Json.createObjectBuilder()
            .add("kind", "http_status")
            .add("status", 200)
            .add("body", "not the photo")
            .add("method", "GET")
            .add("path", "/media-download/" + photoId)
            .add("times", -1)
            .build());
    String w = wamid();
    assertThat(post(messages(message(w, "image", media(photoId, "image/jpeg", photo)))))
        .isEqualTo(200);
    long row = awaitMedia(w, "FAILED");
    MediaView view = as(tenant, () -> files.find(row).orElseThrow());
    assertThat(view.attempts()).isEqualTo(3);
    assertThat(view.lastError()).contains("never matched Meta's own checksum after 3 attempts");
    assertThat(downloads(photoId)).isEqualTo(3);
    assertThat(as(tenant, () -> files.open(row))).isEmpty();

    // Once Meta serves the right file again, a user can put the download back in line.
    sim.clearFaults();
    long other = tenants.create("Other " + UUID.randomUUID().toString().substring(0, 8)).getId();
    assertThat(as(other, () -> files.retry(row))).as("another tenant").isFalse();
    assertThat(as(tenant, () -> files.retry(row))).isTrue();
    awaitMedia(w, "DOWNLOADED");
    try (MediaContent opened = as(tenant, () -> files.open(row).orElseThrow())) {
      assertThat(opened.content().readAllBytes()).isEqualTo(photo);
    }
  }

  @Test
  void finding06_theTokenGoesOnlyToMetasMediaHostsAndNeverAlongARedirect() throws Exception {
    try {
      byte[] photo = random(20_000);
      String elsewhereId = sim.media(photo, "image/jpeg");
      String elsewhere = wamid();
      // The simulator is 127.0.0.1 (the configured Graph host); "localhost" is another host name.
      sim.mediaLinks("localhost", false);
      assertThat(
              post(messages(message(elsewhere, "image", media(elsewhereId, "image/jpeg", photo)))))
          .isEqualTo(200);
      long row = awaitMedia(elsewhere, "FAILED");
      MediaView view = as(tenant, () -> files.find(row).orElseThrow());
      assertThat(view.lastError())
          .contains("not one KretaNote sends its access token to")
          .contains("not on one of Meta's media hosts");
      assertThat(view.attempts()).as("refused at once, not retried").isEqualTo(1);
      assertThat(downloads(elsewhereId)).as("nothing was fetched from the other host").isZero();

      String movedId = sim.media(photo, "image/jpeg");
      String moved = wamid();
      sim.mediaLinks(null, true);
      assertThat(post(messages(message(moved, "image", media(movedId, "image/jpeg", photo)))))
          .isEqualTo(200);
      long movedRow = awaitMedia(moved, "FAILED");
      assertThat(as(tenant, () -> files.find(movedRow).orElseThrow()).lastError())
          .contains("redirect");
      assertThat(
              sim.calls().stream()
                  .map(v -> v.asJsonObject().getString("path"))
                  .filter(p -> p.endsWith("/media-moved/" + movedId))
                  .count())
          .as("the redirect was not followed with the token")
          .isZero();
    } finally {
      sim.mediaLinks(null, false);
    }
  }

  @Test
  void accountNewsChangesTheConnectionAndTellsTheOwners() throws Exception {
    String digits = connection.getDisplayPhoneNumber().replaceAll("[^0-9]", "");
    byte[] flagged =
        account(
            "phone_number_quality_update",
            Json.createObjectBuilder()
                .add("display_phone_number", digits)
                .add("event", "FLAGGED")
                .add("current_limit", "TIER_1K"));
    assertThat(post(flagged)).isEqualTo(200);
    assertThat(awaitApplied(flagged)).isEqualTo("APPLIED");
    assertThat(connectionRow("quality_rating", "number_status", "messaging_limit"))
        .containsExactly("RED", "FLAGGED", "TIER_1K");
    List<Notification> told = health();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).getSubject()).contains("flagged");

    byte[] name =
        account(
            "phone_number_name_update",
            Json.createObjectBuilder()
                .add("display_phone_number", digits)
                .add("decision", "REJECTED")
                .add("requested_verified_name", "Ana Bakery")
                .add("rejection_reason", "NAME_FORMAT_UNACCEPTABLE"));
    assertThat(post(name)).isEqualTo(200);
    awaitApplied(name);
    assertThat(connectionRow("name_status")).containsExactly("DECLINED");

    byte[] restricted =
        account(
            "account_update",
            Json.createObjectBuilder()
                .add("event", "ACCOUNT_RESTRICTION")
                .add(
                    "restriction_info",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("restriction_type", "RESTRICTED_BIZ_INITIATED_MESSAGING")
                                .add("expiration", 1796000000))));
    assertThat(post(restricted)).isEqualTo(200);
    awaitApplied(restricted);
    assertThat(connectionRow("health_problems").get(0)).contains("ACCOUNT_RESTRICTED");
    told = health();
    assertThat(told).hasSize(3);
    assertThat(told.get(2).getSeverity()).isEqualTo(Notification.Severity.PROBLEM);
    assertThat(told.get(2).getSubject()).contains("restricted");

    // The same news again (a redelivery that differs in a byte) tells nobody twice.
    byte[] flaggedAgain =
        account(
            "phone_number_quality_update",
            Json.createObjectBuilder()
                .add("display_phone_number", digits)
                .add("event", "FLAGGED")
                .add("current_limit", "TIER_1K")
                .add("redelivered", true));
    assertThat(post(flaggedAgain)).isEqualTo(200);
    awaitApplied(flaggedAgain);
    assertThat(health()).hasSize(3);

    byte[] nobodys =
        account(
            "account_update",
            "1" + SimulatorControl.newId(),
            Json.createObjectBuilder().add("event", "ACCOUNT_VIOLATION"));
    assertThat(post(nobodys)).isEqualTo(200);
    assertThat(awaitApplied(nobodys)).isEqualTo("UNROUTABLE");
  }

  @Test
  void aTemplateStatusUpdateReachesItsObserver() throws Exception {
    String templateId = SimulatorControl.newId();
    byte[] body =
        account(
            "message_template_status_update",
            Json.createObjectBuilder()
                .add("event", "REJECTED")
                .add("message_template_id", Long.parseLong(templateId))
                .add("message_template_name", "summer_sale")
                .add("message_template_language", "pt_BR")
                .add("reason", "INVALID_FORMAT"));
    assertThat(post(body)).isEqualTo(200);
    assertThat(awaitApplied(body)).isEqualTo("APPLIED");
    List<TemplateStatusChanged> seen =
        templates.seen().stream().filter(t -> templateId.equals(t.templateId())).toList();
    assertThat(seen).hasSize(1);
    TemplateStatusChanged t = seen.get(0);
    assertThat(t.tenantId()).isEqualTo(tenant);
    assertThat(t.connectionId()).isEqualTo(connection.getId());
    assertThat(t.wabaId()).isEqualTo(waba);
    assertThat(t.name()).isEqualTo("summer_sale");
    assertThat(t.language()).isEqualTo("pt_BR");
    assertThat(t.status()).isEqualTo("REJECTED");
    assertThat(t.reason()).isEqualTo("INVALID_FORMAT");
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_event_issue i JOIN webhook_event e"
                    + " ON e.id = i.event_id WHERE e.body_sha256 = ?",
                sha256(body)))
        .isZero();
  }

  @Test
  void metricsCountWhatThePipelineDid() throws Exception {
    Map<String, Double> before = metrics();
    assertThat(before)
        .containsKeys(
            "kretanote_webhooks_received_total",
            "kretanote_webhooks_signature_refused_total",
            "kretanote_webhooks_too_large_total",
            "kretanote_webhook_events_applied_total",
            "kretanote_webhook_events_unroutable_total",
            "kretanote_webhook_apply_failures_total",
            "kretanote_media_pending",
            "kretanote_media_failed");
    assertThat(before.keySet()).anyMatch(k -> k.startsWith("kretanote_webhook_apply_lag"));

    byte[] body =
        account(
            "phone_number_quality_update",
            Json.createObjectBuilder().add("event", "UPGRADE").add("current_limit", "TIER_10K"));
    assertThat(post(body)).isEqualTo(200);
    awaitApplied(body);
    assertThat(send(body, "sha256=" + "0".repeat(64))).isEqualTo(401);
    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    assertThat(send(huge, sign(huge))).isEqualTo(413);

    Map<String, Double> after = metrics();
    assertThat(after.get("kretanote_webhooks_received_total"))
        .isGreaterThanOrEqualTo(before.get("kretanote_webhooks_received_total") + 3);
    assertThat(after.get("kretanote_webhooks_signature_refused_total"))
        .isGreaterThanOrEqualTo(before.get("kretanote_webhooks_signature_refused_total") + 1);
    assertThat(after.get("kretanote_webhooks_too_large_total"))
        .isGreaterThanOrEqualTo(before.get("kretanote_webhooks_too_large_total") + 1);
    assertThat(after.get("kretanote_webhook_events_applied_total"))
        .isGreaterThanOrEqualTo(before.get("kretanote_webhook_events_applied_total") + 1);
  }

  // --- helpers ---

  static <T> T as(long tenant, Callable<T> work) throws Exception {
    return Tenancy.callAs(tenant, work);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n * 31L).nextBytes(b);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    return b;
  }

  static String wamid() {
    return "wamid.IT" + UUID.randomUUID().toString().replace("-", "");
  }

  static JsonObjectBuilder media(String id, String mime, byte[] content) throws Exception {
    return mediaRef(id, mime).add("sha256", HexFormat.of().formatHex(sha256(content)));
  }

  static JsonObjectBuilder mediaRef(String id, String mime) {
    return Json.createObjectBuilder().add("id", id).add("mime_type", mime);
  }

  static JsonObject message(String wamid, String type, JsonObjectBuilder content) {
    return Json.createObjectBuilder()
        .add("from", "4915112345678")
        .add("id", wamid)
        .add("timestamp", Long.toString(Instant.now().getEpochSecond()))
        .add("type", type)
        .add(type, content)
        .build();
  }

  byte[] messages(JsonObject... messages) {
    var list = Json.createArrayBuilder();
    for (JsonObject m : messages) {
      list.add(m);
    }
    JsonObject value =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("display_phone_number", "15550003000")
                    .add("phone_number_id", pnid))
            .add(
                "contacts",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("profile", Json.createObjectBuilder().add("name", "Ana Lima"))
                            .add("wa_id", "4915112345678")))
            .add("messages", list)
            .build();
    return envelope(waba, "messages", value);
  }

  byte[] account(String field, JsonObjectBuilder value) {
    return account(field, waba, value);
  }

  static byte[] account(String field, String waba, JsonObjectBuilder value) {
    return envelope(waba, field, value.build());
  }

  static byte[] envelope(String waba, String field, JsonValue value) {
    return Json.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add(
            "entry",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("id", waba)
                        .add("time", Instant.now().getEpochSecond())
                        .add(
                            "changes",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("field", field)
                                        .add("value", value)))))
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  int post(byte[] body) throws Exception {
    return send(body, sign(body));
  }

  int send(byte[] body, String signature) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Webhooks.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  static String awaitApplied(byte[] body) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      List<String> state =
          row("SELECT state FROM webhook_event WHERE body_sha256 = ?", sha256(body));
      if (state != null && !state.get(0).equals("RECEIVED")) {
        return state.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("event not applied within 60 s");
  }

  /** Waits until the media of the message {@code wamid} is in {@code state}; returns its id. */
  static long awaitMedia(String wamid, String state) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    List<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      last =
          row(
              "SELECT m.id, m.state, m.last_error FROM media m JOIN message g"
                  + " ON g.tenant_id = m.tenant_id AND g.id = m.message_id WHERE g.wamid = ?",
              wamid);
      if (last != null && last.get(1).equals(state)) {
        return Long.parseLong(last.get(0));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("media of " + wamid + " not " + state + " within 60 s: " + last);
  }

  List<String> connectionRow(String... columns) throws Exception {
    return row(
        "SELECT " + String.join(", ", columns) + " FROM whatsapp_connection WHERE id = ?",
        connection.getId());
  }

  List<Notification> health() throws Exception {
    return as(tenant, () -> notifications.ofKind("WHATSAPP_HEALTH"));
  }

  /** How often the simulator was asked for the file behind {@code mediaId}, whatever it said. */
  int downloads(String mediaId) {
    JsonArray calls = sim.calls();
    int n = 0;
    for (JsonValue v : calls) {
      JsonObject c = v.asJsonObject();
      if (c.getString("path").endsWith("/media-download/" + mediaId)) {
        n++;
      }
    }
    return n;
  }

  static String mediaDir() {
    return ConfigProvider.getConfig().getValue("kretanote.media.dir", String.class);
  }

  Map<String, Double> metrics() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.resolve("/metrics"))
                .header("Accept", "text/plain")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("/metrics answers").isEqualTo(200);
    Map<String, Double> values = new java.util.HashMap<>();
    Matcher m =
        Pattern.compile("(?m)^(kretanote_[a-z_]+)(\\{[^}]*\\})? ([-0-9.eE+]+|NaN)$")
            .matcher(r.body());
    while (m.find()) {
      values.merge(m.group(1), Double.valueOf(m.group(3)), Double::sum);
    }
    return values;
  }

  static long count(String sql, Object... params) throws Exception {
    return Long.parseLong(row(sql, params).get(0));
  }

  static List<String> row(String sql, Object... params) throws Exception {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.add(rs.getString(i));
        }
        return out;
      }
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
