package in.picode.kretanote.testing;

import in.picode.kretanote.sandbox.meta.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the webhook ITs share: the deployment with a known app secret, tenants with a connected
 * number (written straight into the database, as the connection feature would), signed POSTs of
 * exact bytes, and waiting for the asynchronous apply by watching the event log.
 */
public final class Webhooks {

  // The same value arquillian.xml passes as a system property (which outranks this archive's
  // microprofile-config.properties), so every deployment of the run verifies with one secret.
  public static final String APP_SECRET = "it-meta-app-secret";
  public static final String VERIFY_TOKEN = "it-verify-token-4711";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Webhooks() {}

  /** The whole application with the webhook secrets and any extra configuration. */
  public static WebArchive app(String name, Map<String, String> config) {
    StringBuilder properties =
        new StringBuilder()
            .append("kretanote.meta.app-secret=")
            .append(APP_SECRET)
            .append('\n')
            .append("kretanote.meta.verify-token=")
            .append(VERIFY_TOKEN)
            .append('\n');
    config.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
    return WebDeployments.app(name)
        .addAsResource(
            new StringAsset(properties.toString()), "META-INF/microprofile-config.properties");
  }

  /** A tenant with one connected WhatsApp number. */
  public record Tenant(long id, long connectionId, String phoneNumberId) {}

  public static Tenant tenantWithNumber(String name) {
    return tenantWithNumber(
        name, "1065" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L)));
  }

  public static Tenant tenantWithNumber(String name, String phoneNumberId) {
    try (Connection c = ItDatabase.connect()) {
      long tenant;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO tenant (name, status) VALUES (?, 'ACTIVE')",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, name);
        s.executeUpdate();
        tenant = key(s);
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
                  + " display_phone_number, status, created_at, updated_at)"
                  + " VALUES (?, ?, ?, '15550001111', 'CONNECTED', NOW(6), NOW(6))",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, tenant);
        s.setString(2, "waba-" + phoneNumberId);
        s.setString(3, phoneNumberId);
        s.executeUpdate();
        return new Tenant(tenant, key(s), phoneNumberId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long key(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.getGeneratedKeys()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public record Answer(int status, String body, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  /** POSTs exactly {@code body}, signed with the IT app secret as Meta signs it. */
  public static Answer post(URI endpoint, byte[] body) {
    return post(endpoint, body, WebhookSender.signature(body, APP_SECRET));
  }

  /** POSTs {@code body} with this signature header value ({@code null}: no header). */
  public static Answer post(URI endpoint, byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return send(request.build());
  }

  public static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The stored event of this body: its state, or null when there is none. */
  public static String eventState(byte[] body) {
    return string("SELECT state FROM webhook_event WHERE body_sha256 = ?", sha256(body));
  }

  /** Waits until the event of {@code body} is stored and applied; returns its final state. */
  public static String awaitApplied(byte[] body) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      String state = eventState(body);
      if (state != null && !state.equals("RECEIVED")) {
        return state;
      }
      pause(100);
    }
    throw new AssertionError("event not applied within 60 s, state " + eventState(body));
  }

  /** Waits until no stored event waits to be applied. */
  public static void awaitNothingPending(Duration max) {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      if (count("SELECT COUNT(*) FROM webhook_event WHERE state = 'RECEIVED'") == 0) {
        return;
      }
      pause(200);
    }
    throw new AssertionError(
        count("SELECT COUNT(*) FROM webhook_event WHERE state = 'RECEIVED'")
            + " events still unapplied after "
            + max);
  }

  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... params) {
    String value = string(sql, params);
    return value == null ? 0 : Long.parseLong(value);
  }

  public static String string(String sql, Object... params) {
    List<List<String>> rows = rows(sql, params);
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  /** Every row as its columns' string values. */
  public static List<List<String>> rows(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        List<List<String>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static void execute(String sql, Object... params) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * An outbound message as the sender stores it once Meta accepted it, with a conversation and a
   * contact; the outbound feature is not built yet, so the test writes it.
   */
  public static long outboundMessage(Tenant tenant, String waId, String wamid) {
    try (Connection c = ItDatabase.connect()) {
      long contact =
          insert(
              c,
              "INSERT INTO contact (tenant_id, identity_key, wa_id, display_name, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, NOW(6), NOW(6))"
                  + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
              tenant.id(),
              waId,
              waId,
              waId);
      long conversation =
          insert(
              c,
              "INSERT INTO conversation (tenant_id, connection_id, contact_id, status, opened_at,"
                  + " last_activity_at) VALUES (?, ?, ?, 'OPEN', NOW(6), NOW(6))"
                  + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
              tenant.id(),
              tenant.connectionId(),
              contact);
      return insert(
          c,
          "INSERT INTO message (tenant_id, conversation_id, contact_id, connection_id, wamid,"
              + " direction, type, text, status, created_at, received_at)"
              + " VALUES (?, ?, ?, ?, ?, 'OUTBOUND', 'text', 'Your table is booked', 'PENDING',"
              + " NOW(6), NOW(6))",
          tenant.id(),
          conversation,
          contact,
          tenant.connectionId(),
          wamid);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
      return key(s);
    }
  }

  public static String describe(List<List<String>> rows) {
    return rows.stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
  }
}
