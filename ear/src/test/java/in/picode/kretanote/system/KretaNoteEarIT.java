package in.picode.kretanote.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.devserver.DatabaseSettings;
import in.picode.kretanote.devserver.DatabaseUnreachableException;
import in.picode.kretanote.devserver.KretaNoteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code kretanote.ear} on a Payara Server domain provisioned by {@code
 * server-config/provision.sh}, exactly as the run command and the Docker image do it: the database
 * is the configured MariaDB ({@code KRETANOTE_DB_URL}) or an embedded one.
 */
class KretaNoteEarIT {

  static KretaNoteServer server;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static Path path(String key) {
    return Path.of(System.getProperty("kretanote.system." + key));
  }

  static final Map<String, Integer> PORTS = new HashMap<>();

  /** The configured port, or any free one when it is taken (another server on this machine). */
  static int port(String key) {
    return PORTS.computeIfAbsent(
        key,
        k -> {
          int wanted = Integer.parseInt(System.getProperty("kretanote.system." + k));
          try (var s = new java.net.ServerSocket(wanted)) {
            return wanted;
          } catch (java.io.IOException taken) {
            try (var s = new java.net.ServerSocket(0)) {
              return s.getLocalPort();
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        });
  }

  static KretaNoteServer.Options options(Map<String, String> env) {
    path("work").toFile().mkdirs();
    return new KretaNoteServer.Options(
        path("work"),
        path("payaraZip"),
        path("mariadbJar"),
        path("serverConfig"),
        path("ear"),
        port("httpPort"),
        port("httpsPort"),
        port("adminPort"),
        0,
        "kretanote_system",
        env);
  }

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.computeIfPresent(
        "KRETANOTE_DB_URL", (k, url) -> url.replaceFirst("/[^/?]*(\\?|$)", "/kretanote_system$1"));
    emptyDatabase(env);
    // Always a fresh domain: the test proves provisioning from nothing.
    env.put("KRETANOTE_RECREATE_DOMAIN", "true");
    // Payara's other ports (IIOP, JMX, ...) away from a developer's running domain.
    env.putIfAbsent("KRETANOTE_PORT_BASE", "19000");
    env.put("KRETANOTE_SCRIPT_LOG", path("work").resolve("scripts.log").toString());
    server = KretaNoteServer.start(options(env));
  }

  /** The system test starts from an empty database, like a first installation. */
  static void emptyDatabase(Map<String, String> env) throws Exception {
    var configured = DatabaseSettings.fromEnvironment(env);
    if (configured.isPresent()) {
      try (Connection c = configured.get().withDatabase("").connect();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS kretanote_system");
      }
    } else {
      Path dir = path("work").resolve("mariadb");
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyMeansDatabaseAnswersAndMigrationsApplied() throws Exception {
    HttpResponse<String> ready = get(server.httpUrl().resolve("/health/ready"));
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("APPLIED");
    assertThat(get(server.httpUrl().resolve("/health/live")).statusCode()).isEqualTo(200);
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsGoneAndRecovers() throws Exception {
    String pool = "resources.jdbc-connection-pool.kretanote-pool.property.url=";
    String url = server.database().url();
    try {
      server.asadmin("set", pool + "jdbc:mariadb://127.0.0.1:1/nowhere");
      server.asadmin("flush-connection-pool", "kretanote-pool");
      HttpResponse<String> down = get(server.httpUrl().resolve("/health/ready"));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"DOWN\"").contains("\"database\"");
      assertThat(get(server.httpUrl().resolve("/health/live")).statusCode()).isEqualTo(200);
    } finally {
      server.asadmin("set", pool + url);
      server.asadmin("flush-connection-pool", "kretanote-pool");
    }
    assertThat(get(server.httpUrl().resolve("/health/ready")).statusCode()).isEqualTo(200);
  }

  @Test
  void loginPageIsServedAtTheRoot() throws Exception {
    HttpResponse<String> login = get(server.httpUrl().resolve("/login.xhtml"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Sign in").contains("name=\"login:email\"");
    assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    HttpResponse<String> root = get(server.httpUrl());
    assertThat(root.statusCode()).isIn(200, 302);
  }

  @Test
  void httpsSpeaksTls13() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
    SSLParameters only13 = new SSLParameters();
    only13.setProtocols(new String[] {"TLSv1.3"});
    HttpClient https = HttpClient.newBuilder().sslContext(tls).sslParameters(only13).build();
    HttpResponse<String> r =
        https.send(
            HttpRequest.newBuilder(server.httpsUrl().resolve("/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void noSecretInTheDomainConfiguration() throws Exception {
    String password = server.database().password();
    Path domainXml;
    try (Stream<Path> files = Files.walk(path("work"))) {
      domainXml =
          files
              .filter(p -> p.endsWith("config/domain.xml") && p.toString().contains("kretanote"))
              .findFirst()
              .orElseThrow();
    }
    String xml = Files.readString(domainXml);
    assertThat(xml).contains("jdbc/kretanote").contains("${ALIAS=kretanote-db-password}");
    if (!password.isEmpty()) {
      assertThat(xml).doesNotContain(password);
    }
  }

  @Test
  void serverLogIsOneJsonObjectPerLineWithoutSecrets() throws Exception {
    Path log;
    try (Stream<Path> files = Files.walk(path("work"))) {
      log =
          files
              .filter(p -> p.endsWith("logs/server.log") && p.toString().contains("kretanote"))
              .findFirst()
              .orElseThrow();
    }
    // Lines written after provisioning switched the format (deploy, application start).
    java.util.List<String> lines =
        Files.readAllLines(log).stream().filter(l -> l.contains("in.picode.kretanote")).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
        assertThat(reader.readObject().getString("LogMessage", "")).isNotNull();
      }
    }
    String password = server.database().password();
    if (!password.isEmpty()) {
      assertThat(Files.readString(log)).doesNotContain(password);
    }
  }

  @Test
  void unreachableDatabaseStopsTheStartWithOneClearLine() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("KRETANOTE_DB_URL", "jdbc:mariadb://127.0.0.1:1/kretanote");
    assertThatThrownBy(() -> KretaNoteServer.start(options(env)))
        .isInstanceOf(DatabaseUnreachableException.class)
        .hasMessageStartingWith("Cannot use the database at jdbc:mariadb://127.0.0.1:1/kretanote")
        .hasMessageNotContaining("\n");
  }

  /** The domain's certificate is self-signed; the test checks the protocol, not the chain. */
  static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
