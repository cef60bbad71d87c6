package in.picode.kretanote.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import in.picode.kretanote.devserver.DatabaseSettings;
import in.picode.kretanote.devserver.EmbeddedDatabase;
import in.picode.kretanote.devserver.KretaNoteServer;
import in.picode.kretanote.devserver.PayaraDomain;
import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookSender;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Server domains running the real EAR against one MariaDB, behind nginx configured with
 * {@code server-config/nginx/kretanote.conf}, as an IT admin scales KretaNote out. Proves that
 * webhooks posted round robin are applied once, that a timer job's work is done once across both
 * servers, and that {@code kill -9} of one server under webhook load loses nothing: every webhook
 * either got its 200 and is applied exactly once, or got no 200 and was sent again (as Meta does),
 * and the user whose session lived there signs in again on the other.
 *
 * <p>Needs nginx ({@code apt-get install nginx-light}; {@code .ci/run} installs it); skipped with a
 * message when it is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

  static final String APP_SECRET = "two-servers-app-secret";
  static final String OPERATOR = "operator@two.kretanote.test";
  static final String OPERATOR_PASSWORD = "Two-Servers-IT-2026";
  static final String PHONE_NUMBER_ID = "106540352242922";
  static final int PROBED_CONNECTIONS = 12;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Path work;
  static EmbeddedDatabase embedded;
  static DatabaseSettings db;
  static final Map<String, KretaNoteServer> servers = new LinkedHashMap<>();
  static final Map<String, Integer> httpPorts = new HashMap<>();
  static Process nginx;
  static URI balancer;
  static long tenant;

  @BeforeAll
  static void start() throws Exception {
    Path nginxBin = Path.of(System.getProperty("kretanote.system.nginx", "/usr/sbin/nginx"));
    assumeTrue(
        Files.isExecutable(nginxBin),
        "nginx is not installed (apt-get install nginx-light): the two-server test is skipped");
    work = Path.of(System.getProperty("kretanote.system.work")).resolveSibling("two-servers");
    Files.createDirectories(work);
    db = database();

    // One Payara installation, two domains: unpack once so the parallel starts share it.
    PayaraDomain.unpack(path("payaraZip"), work);
    Path config = work.resolve("kretanote.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "kretanote.operator.email=" + OPERATOR,
            "kretanote.operator.initial-password=" + OPERATOR_PASSWORD,
            // A crashed server's claimed events go back to the pool after this lease.
            "kretanote.webhook.apply.lease=PT15S",
            // nginx, as the servers see it: its X-Forwarded-For and -Proto are believed.
            "kretanote.security.trusted-proxies=127.0.0.1",
            // This rig speaks plain HTTP to nginx; production keeps the cookie Secure.
            "kretanote.security.secure-cookie=false",
            // Long enough that the guesser is still waiting when it tries the right password.
            "kretanote.security.sign-in.first-delay=PT1M",
            // The seeded agents send no dashboard heartbeat: they stay Online for the whole run.
            "kretanote.routing.idle-minutes=600",
            ""));
    ExecutorService starts = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<KretaNoteServer>> started = new LinkedHashMap<>();
      int base = 19100;
      for (String name : List.of("kretanote-a", "kretanote-b")) {
        Map<String, String> env = environment(name, base, config);
        int http = freePort();
        httpPorts.put(name, http);
        KretaNoteServer.Options options =
            new KretaNoteServer.Options(
                work,
                path("payaraZip"),
                path("mariadbJar"),
                path("serverConfig"),
                path("ear"),
                http,
                freePort(),
                freePort(),
                0,
                db.databaseName(),
                env);
        started.put(name, starts.submit(() -> KretaNoteServer.start(options)));
        base += 100;
      }
      for (var e : started.entrySet()) {
        servers.put(e.getKey(), e.getValue().get(15, TimeUnit.MINUTES));
      }
    } finally {
      starts.shutdownNow();
    }
    startNginx(nginxBin);
    tenant = seedTenantWithNumber();
    seedProbedConnections();
  }

  static Path path(String key) {
    return Path.of(System.getProperty("kretanote.system." + key));
  }

  /** The configured MariaDB (database kretanote_two, emptied) or an embedded one. */
  static DatabaseSettings database() throws Exception {
    Map<String, String> env = System.getenv();
    var configured = DatabaseSettings.fromEnvironment(env);
    if (configured.isPresent()) {
      DatabaseSettings two = configured.get().withDatabase("kretanote_two");
      try (Connection c = two.withDatabase("").connect();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS kretanote_two");
      }
      two.createDatabaseIfMissing();
      return two;
    }
    Path dir = work.resolve("mariadb");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    embedded = EmbeddedDatabase.start(dir, 0);
    return embedded.provision("kretanote_two");
  }

  static Map<String, String> environment(String domain, int portBase, Path config) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(DatabaseSettings.URL, db.url());
    env.put(DatabaseSettings.USER, db.user());
    env.put(DatabaseSettings.PASSWORD, db.password());
    env.put("KRETANOTE_DOMAIN", domain);
    env.put("KRETANOTE_RECREATE_DOMAIN", "true");
    env.put("KRETANOTE_PORT_BASE", Integer.toString(portBase));
    env.put("KRETANOTE_HEAP_MAX", "1g");
    env.put("KRETANOTE_HEAP_MIN", "256m");
    env.put("KRETANOTE_META_APP_SECRET", APP_SECRET);
    env.put("KRETANOTE_KEK", "two-1:HwvPgU1lSVaR0NTq5FfXq8y6fo0tDsMEMb0mTOT5o2s=");
    // Shared storage: media written by one server is read by the other.
    env.put("KRETANOTE_MEDIA_DIR", work.resolve("media").toString());
    env.put("KRETANOTE_CONFIG_FILE", config.toString());
    env.put("KRETANOTE_SCRIPT_LOG", work.resolve(domain + "-scripts.log").toString());
    return env;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void startNginx(Path bin) throws Exception {
    Path run = work.resolve("nginx");
    Files.createDirectories(run);
    int port = freePort();
    List<Integer> upstreams = new ArrayList<>(httpPorts.values());
    String conf =
        Files.readString(path("serverConfig").resolve("nginx/kretanote.conf"))
            .replace("@RUN_DIR@", run.toAbsolutePath().toString())
            .replace("@SERVER_1@", "127.0.0.1:" + upstreams.get(0))
            .replace("@SERVER_2@", "127.0.0.1:" + upstreams.get(1))
            .replace("@LISTEN@", "127.0.0.1:" + port);
    Path file = run.resolve("nginx.conf");
    Files.writeString(file, "daemon off;\n" + conf);
    nginx =
        new ProcessBuilder(bin.toString(), "-c", file.toAbsolutePath().toString(), "-p", run + "/")
            .redirectErrorStream(true)
            .redirectOutput(run.resolve("nginx.out").toFile())
            .start();
    balancer = URI.create("http://127.0.0.1:" + port + "/");
    for (int i = 0; i < 100; i++) {
      try {
        if (get(balancer.resolve("/health/ready")).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // nginx not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "nginx did not come up: " + Files.readString(run.resolve("nginx.out")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
    }
    List<KretaNoteServer> running = new ArrayList<>(servers.values());
    Collections.reverse(running);
    running.forEach(KretaNoteServer::close);
    if (embedded != null) {
      embedded.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void webhooksPostedRoundRobinAreAppliedOnce() throws Exception {
    WebhookSender meta = new WebhookSender(balancer.resolve("/webhooks/whatsapp"), APP_SECRET);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      bodies.add(MetaJson.bytes(inbound("4917100" + (i % 20), "round robin " + i)));
    }
    // Meta delivers at least once: every 4th webhook arrives a second time.
    List<byte[]> deliveries = new ArrayList<>(bodies);
    for (int i = 0; i < bodies.size(); i += 4) {
      deliveries.add(bodies.get(i));
    }
    Collections.shuffle(deliveries, new java.util.Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger acknowledged = new AtomicInteger();
    try {
      List<Future<?>> posts = new ArrayList<>();
      for (byte[] body : deliveries) {
        posts.add(
            pool.submit(
                () -> {
                  if (meta.sendBytes(body, WebhookSender.Signing.CORRECT).acknowledged()) {
                    acknowledged.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : posts) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(acknowledged.get()).isEqualTo(deliveries.size());
    awaitNothingPending(Duration.ofSeconds(90));

    // Both servers took webhooks (nginx's upstream log names the server of every request).
    Set<String> upstreams = new HashSet<>();
    for (String line : Files.readAllLines(work.resolve("nginx/upstream.log"))) {
      if (line.startsWith("POST /webhooks/whatsapp 200 ")) {
        upstreams.add(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    assertThat(upstreams).hasSize(2);

    assertThat(count("select count(*) from message where tenant_id = ?", tenant))
        .isEqualTo(bodies.size());
    assertThat(count("select count(distinct wamid) from message where tenant_id = ?", tenant))
        .isEqualTo(bodies.size());
    // Applied once: a second apply would have counted the message as unread twice.
    assertThat(
            count(
                "select coalesce(sum(unread_count), 0) from conversation where tenant_id = ?",
                tenant))
        .isEqualTo(bodies.size());
    assertThat(count("select count(*) from webhook_event where state <> 'APPLIED'")).isZero();
  }

  /**
   * Issue 18: round robin over three agents of a team, with customers' first messages posted
   * concurrently to both servers directly (not through nginx), so both servers' automation put the
   * new conversations into the team and both servers' routing assign them at once. Every
   * conversation gets exactly one agent and one automatic assignment line, and the three agents'
   * shares differ by at most one.
   */
  @Test
  @Order(1)
  void roundRobinOverThreeAgentsOnTwoServersAssignsEvenlyAndEachConversationOnce()
      throws Exception {
    String number = "106540352249999";
    long business;
    long team;
    List<Long> agents = new ArrayList<>();
    try (Connection c = db.connect()) {
      business =
          insert(c, "INSERT INTO tenant (name, status) VALUES ('Two servers routing', 'ACTIVE')");
      insert(
          c,
          "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
              + " display_phone_number, status, created_at, updated_at) VALUES ("
              + business
              + ", '102290129349999', '"
              + number
              + "', '15550009999', 'CONNECTED', NOW(6), NOW(6))");
      for (String name : List.of("Ana", "Ben", "Chloe")) {
        agents.add(
            insert(
                c,
                "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status, email_verified_at) SELECT "
                    + business
                    + ", '"
                    + name.toLowerCase()
                    + "@routing.two.kretanote.test', '"
                    + name
                    + "', password_hash, 'AGENT', 'ACTIVE', NOW(6) FROM user_account"
                    + " WHERE email = '"
                    + OPERATOR
                    + "'"));
      }
      team =
          insert(
              c,
              "INSERT INTO team (tenant_id, name, assignment_mode, capacity, created_at) VALUES ("
                  + business
                  + ", 'Support', 'ROUND_ROBIN', 100, NOW(6))");
      for (long agent : agents) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate(
              "INSERT INTO team_member (tenant_id, team_id, user_id) VALUES ("
                  + business
                  + ", "
                  + team
                  + ", "
                  + agent
                  + ")");
          s.executeUpdate(
              "INSERT INTO agent_presence (tenant_id, user_id, status, changed_at, last_seen_at)"
                  + " VALUES ("
                  + business
                  + ", "
                  + agent
                  + ", 'ONLINE', NOW(6), NOW(6))");
        }
      }
      insert(
          c,
          "INSERT INTO automation_rule (tenant_id, name, position, event, definition,"
              + " updated_by, created_at, updated_at) VALUES ("
              + business
              + ", 'Everything to Support', 1, 'CONVERSATION_CREATED',"
              + " '{\"conditions\": [], \"actions\": [{\"type\": \"assign_team\", \"teamId\": "
              + team
              + "}]}', "
              + agents.get(0)
              + ", NOW(6), NOW(6))");
    }

    int conversations = 30;
    List<WebhookSender> direct = new ArrayList<>();
    for (KretaNoteServer server : servers.values()) {
      direct.add(new WebhookSender(server.httpUrl().resolve("/webhooks/whatsapp"), APP_SECRET));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> posts = new ArrayList<>();
      for (int i = 0; i < conversations; i++) {
        Customer customer = Customer.phone("4917300" + i, "Routed " + i);
        byte[] body =
            MetaJson.bytes(
                WebhookPayloads.single(
                    "102290129349999",
                    new WebhookPayloads.Messages(number, "15550009999")
                        .add(Inbound.text(customer, "hello " + i))
                        .change()));
        WebhookSender server = direct.get(i % direct.size());
        posts.add(
            pool.submit(
                () -> server.sendBytes(body, WebhookSender.Signing.CORRECT).acknowledged()));
      }
      for (Future<Boolean> f : posts) {
        assertThat(f.get(2, TimeUnit.MINUTES)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    Instant deadline = Instant.now().plusSeconds(180);
    while (count(
                "select count(*) from conversation where tenant_id = ? and assignee_id is not null",
                business)
            < conversations
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
    }
    // A second look after both servers' timers ran again: nothing moves any more.
    Thread.sleep(3000);
    assertThat(count("select count(*) from conversation where tenant_id = ?", business))
        .isEqualTo(conversations);
    assertThat(
            count(
                "select count(*) from conversation where tenant_id = ? and team_id = ?"
                    + " and assignee_id is not null",
                business,
                team))
        .as("every conversation in the team and assigned")
        .isEqualTo(conversations);
    assertThat(count("select count(*) from routing_wait where tenant_id = ?", business)).isZero();

    Map<Long, Long> perConversation = new HashMap<>();
    Map<Long, Long> perAgent = new HashMap<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select h.conversation_id, h.assignee_id, c.assignee_id"
                    + " from assignment_history h join conversation c"
                    + " on c.tenant_id = h.tenant_id and c.id = h.conversation_id"
                    + " where h.tenant_id = ? and h.reason like 'round robin%'")) {
      s.setLong(1, business);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          perConversation.merge(r.getLong(1), 1L, Long::sum);
          assertThat(r.getLong(2)).as("history names the assignee").isEqualTo(r.getLong(3));
          perAgent.merge(r.getLong(2), 1L, Long::sum);
        }
      }
    }
    assertThat(perConversation).hasSize(conversations);
    assertThat(perConversation.values()).as("one automatic assignment each").containsOnly(1L);
    assertThat(
            count(
                "select count(*) from assignment_history where tenant_id = ?"
                    + " and assignee_id is not null",
                business))
        .as("no other assignment")
        .isEqualTo(conversations);
    System.out.printf("two servers, round robin: per agent %s%n", perAgent);
    assertThat(perAgent.keySet()).containsExactlyInAnyOrderElementsOf(agents);
    assertThat(Collections.max(perAgent.values()) - Collections.min(perAgent.values()))
        .as("shares of %s", perAgent)
        .isLessThanOrEqualTo(1L);
    // Every webhook stored its message once.
    assertThat(count("select count(*) from message where tenant_id = ?", business))
        .isEqualTo(conversations);
  }

  @Test
  @Order(2)
  void aTimerJobDoesItsWorkOnceAcrossBothServers() throws Exception {
    // Both servers run the health-check timer every minute; each due connection must be probed
    // by exactly one of them. Wait until a minute boundary has passed for both since they started.
    Instant deadline = Instant.now().plusSeconds(150);
    while (count(
                "select count(distinct connection_id) from whatsapp_health_check"
                    + " where connection_id in (select id from whatsapp_connection"
                    + " where phone_number_id like 'probe-%')")
            < PROBED_CONNECTIONS
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
    }
    // Another full minute: both timers fire again, and must find nothing due.
    Thread.sleep(65_000);
    List<Long> perConnection = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select (select count(*) from whatsapp_health_check h where h.connection_id = w.id)"
                    + " from whatsapp_connection w where w.phone_number_id like 'probe-%'")) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          perConnection.add(r.getLong(1));
        }
      }
    }
    assertThat(perConnection).hasSize(PROBED_CONNECTIONS).containsOnly(1L);
  }

  @Test
  @Order(3)
  void killingOneServerUnderLoadLosesNothing() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    signIn(browser);
    assertThat(page(browser, "/operator/index.xhtml").body()).contains("Tenants");
    String holder = sessionHolder(browser);

    WebhookSender meta = new WebhookSender(balancer.resolve("/webhooks/whatsapp"), APP_SECRET);
    Map<String, byte[]> sent = new ConcurrentHashMap<>();
    Map<String, byte[]> unacknowledged = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger n = new AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(6);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      workers.add(
          load.submit(
              () -> {
                while (running.get()) {
                  int i = n.incrementAndGet();
                  JsonBody body = new JsonBody(inbound("4917200" + (i % 50), "under load " + i));
                  sent.put(body.wamid, body.bytes);
                  if (!meta.sendBytes(body.bytes, WebhookSender.Signing.CORRECT).acknowledged()) {
                    unacknowledged.put(body.wamid, body.bytes);
                  }
                }
                return null;
              }));
    }
    Thread.sleep(4000);
    long killedAt = System.nanoTime();
    kill9(holder);
    Thread.sleep(6000);
    running.set(false);
    for (Future<?> w : workers) {
      w.get(1, TimeUnit.MINUTES);
    }
    load.shutdownNow();
    System.out.printf(
        "two servers: %d webhooks posted, %d without a 200 during the kill of %s (%.1f s ago)%n",
        sent.size(), unacknowledged.size(), holder, (System.nanoTime() - killedAt) / 1e9);

    // Meta retries what got no 200; it reaches the surviving server.
    for (var e : unacknowledged.entrySet()) {
      assertThat(meta.sendBytes(e.getValue(), WebhookSender.Signing.CORRECT).acknowledged())
          .as("retry of %s", e.getKey())
          .isTrue();
    }
    // Events the dead server stored but had not applied are claimed by the survivor after the
    // lease (15 s here) expires.
    awaitNothingPending(Duration.ofSeconds(120));
    Set<String> stored = new HashSet<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select wamid from message where tenant_id = ? and text like 'under load %'")) {
      s.setLong(1, tenant);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          assertThat(stored.add(r.getString(1))).as("duplicate %s", r.getString(1)).isTrue();
        }
      }
    }
    assertThat(stored).isEqualTo(sent.keySet());

    // The session lived on the dead server: the user is sent to sign in, and can.
    HttpResponse<String> after = page(browser, "/operator/index.xhtml");
    assertThat(after.body()).contains("name=\"login:email\"");
    signIn(browser);
    assertThat(page(browser, "/operator/index.xhtml").body()).contains("Tenants");
  }

  // ---------------------------------------------------------------------------------------------

  record JsonBody(String wamid, byte[] bytes) {
    JsonBody(jakarta.json.JsonObject payload) {
      this(
          payload
              .getJsonArray("entry")
              .getJsonObject(0)
              .getJsonArray("changes")
              .getJsonObject(0)
              .getJsonObject("value")
              .getJsonArray("messages")
              .getJsonObject(0)
              .getString("id"),
          MetaJson.bytes(payload));
    }
  }

  static jakarta.json.JsonObject inbound(String waId, String text) {
    Customer customer = Customer.phone(waId, "Customer " + waId);
    return WebhookPayloads.single(
        "102290129340398",
        new WebhookPayloads.Messages(PHONE_NUMBER_ID, "15550002222")
            .add(Inbound.text(customer, text))
            .change());
  }

  /** The server whose pid file this domain wrote, killed without a chance to clean up. */
  static void kill9(String upstream) throws Exception {
    String domain =
        httpPorts.entrySet().stream()
            .filter(e -> upstream.endsWith(":" + e.getValue()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Path pidFile = work.resolve("payara6/glassfish/domains/" + domain + "/config/pid");
    String pid = Files.readString(pidFile).trim();
    Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().join());
  }

  /** Which server holds this browser's session: the one that shows a signed-in page. */
  static String sessionHolder(HttpClient browser) throws Exception {
    String cookie =
        ((CookieManager) browser.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst()
                .orElseThrow();
    List<String> holders = new ArrayList<>();
    for (int port : httpPorts.values()) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/operator/index.xhtml"))
                  .header("Cookie", cookie)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().contains("Tenants")) {
        holders.add("127.0.0.1:" + port);
      }
    }
    assertThat(holders).hasSize(1);
    return holders.get(0);
  }

  /**
   * Finding 1 (security issue 15): behind nginx every client used to share nginx's address, so one
   * client's failed sign-ins refused everybody's. Clients are told apart here by the
   * X-Forwarded-For they send to nginx (as a proxy in front of it would); nginx appends the peer
   * and the servers, trusting only nginx, take the right-most hop that is not nginx.
   */
  @Test
  @Order(0)
  void finding01_oneClientsFailuresThroughNginxDoNotLockOutAnotherClientOrAccount()
      throws Exception {
    String owner = "owner@two.kretanote.test";
    try (Connection c = db.connect()) {
      insert(
          c,
          "INSERT INTO user_account (tenant_id, email, display_name, password_hash, role, status,"
              + " email_verified_at) SELECT "
              + tenant
              + ", '"
              + owner
              + "', 'Owner', password_hash, 'OWNER', 'ACTIVE', NOW(6) FROM user_account"
              + " WHERE email = '"
              + OPERATOR
              + "'");
    }
    String attacker = "198.51.100.66";
    // Far more failures than the old per-address limit (20), at random emails and at the
    // operator's account.
    for (int i = 0; i < 24; i++) {
      assertThat(signInFrom(attacker, "guess-" + i + "-" + UUID.randomUUID() + "@x.test", "nope"))
          .isFalse();
    }
    for (int i = 0; i < 7; i++) {
      assertThat(signInFrom(attacker, OPERATOR, "wrong password " + i)).isFalse();
    }
    assertThat(signInFrom(attacker, OPERATOR, OPERATOR_PASSWORD))
        .as("the guesser itself waits, even with the right password")
        .isFalse();

    assertThat(signInFrom("203.0.113.20", OPERATOR, OPERATOR_PASSWORD))
        .as("the account's owner from another client")
        .isTrue();
    assertThat(signInFrom(attacker, owner, OPERATOR_PASSWORD))
        .as("another account from the guesser's own address")
        .isTrue();
    assertThat(signInFrom(null, OPERATOR, OPERATOR_PASSWORD))
        .as("a client that sends no X-Forwarded-For (nginx's peer is the client)")
        .isTrue();
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT DISTINCT client_address FROM sign_in_delay ORDER BY client_address")) {
      List<String> addresses = new ArrayList<>();
      while (rs.next()) {
        addresses.add(rs.getString(1));
      }
      assertThat(addresses).as("counted per client, not per proxy").containsExactly(attacker);
    }
  }

  /** Findings 3 and 11: what the public listener shows behind nginx. */
  @Test
  @Order(0)
  void finding03and11_hstsFromTheTrustedProxyNoMetricsThroughTheProxyHealthWordsOnly()
      throws Exception {
    // nginx replaces whatever X-Forwarded-Proto the client sent with its own scheme (http).
    HttpResponse<String> spoofed =
        HTTP.send(
            HttpRequest.newBuilder(balancer.resolve("/login.xhtml"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(spoofed.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(spoofed.headers().allValues("Set-Cookie"))
        .anySatisfy(
            v ->
                assertThat(v)
                    .contains("JSESSIONID")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
    // A server's own plain listener, asked by nginx's address with TLS reported: HSTS.
    URI direct = servers.get("kretanote-a").httpUrl();
    HttpResponse<String> viaProxy =
        HTTP.send(
            HttpRequest.newBuilder(direct.resolve("/login.xhtml"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));

    assertThat(get(balancer.resolve("/metrics")).statusCode())
        .as("metrics are not on the public listener")
        .isNotEqualTo(200);
    HttpResponse<String> local = get(direct.resolve("/metrics"));
    assertThat(local.statusCode()).as("metrics on the server's loopback listener").isEqualTo(200);
    assertThat(local.body()).contains("kretanote_outbox_depth");

    HttpResponse<String> ready = get(balancer.resolve("/health/ready"));
    assertThat(ready.body())
        .contains("\"background-jobs\"")
        .doesNotContain("last success")
        .doesNotContain("in a row");
  }

  /** True when the sign-in went through (redirect into the product). */
  static boolean signInFrom(String forwardedFor, String email, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> answer = postLogin(browser, email, password, forwardedFor);
    return answer.statusCode() == 302 || answer.statusCode() == 303;
  }

  static void signIn(HttpClient browser) throws Exception {
    HttpResponse<String> answer = postLogin(browser, OPERATOR, OPERATOR_PASSWORD, null);
    assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
  }

  static HttpResponse<String> postLogin(
      HttpClient browser, String email, String password, String forwardedFor) throws Exception {
    HttpResponse<String> login = page(browser, "/login.xhtml");
    Document doc = Jsoup.parse(login.body());
    Element form = doc.getElementById("login");
    StringJoiner fields = new StringJoiner("&");
    for (Element input : form.select("input[name]")) {
      String name = input.attr("name");
      String value =
          switch (name) {
            case "login:email" -> email;
            case "login:password" -> password;
            default -> input.attr("value");
          };
      if (!input.attr("type").equals("submit")) {
        fields.add(encode(name) + "=" + encode(value));
      }
    }
    fields.add(encode("login:submit") + "=");
    HttpRequest.Builder post =
        HttpRequest.newBuilder(balancer.resolve(form.attr("action")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(fields.toString()));
    if (forwardedFor != null) {
      post.header("X-Forwarded-For", forwardedFor);
    }
    return browser.send(post.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> page(HttpClient browser, String path) throws Exception {
    HttpResponse<String> r =
        browser.send(
            HttpRequest.newBuilder(balancer.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    for (int hops = 0; hops < 5 && r.statusCode() / 100 == 3; hops++) {
      URI next = balancer.resolve(r.headers().firstValue("Location").orElseThrow());
      next =
          balancer.resolve(
              next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
      r = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
    }
    return r;
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- database -------------------------------------------------------------------------------

  static void awaitNothingPending(Duration max) throws Exception {
    Instant deadline = Instant.now().plus(max);
    long pending;
    do {
      pending = count("select count(*) from webhook_event where state = 'RECEIVED'");
      if (pending == 0) {
        return;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(pending + " webhook events still unapplied after " + max);
  }

  static long count(String sql, Object... params) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  static long seedTenantWithNumber() throws Exception {
    try (Connection c = db.connect()) {
      long id = insert(c, "INSERT INTO tenant (name, status) VALUES ('Two servers', 'ACTIVE')");
      insert(
          c,
          "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id,"
              + " display_phone_number, status, created_at, updated_at)"
              + " VALUES ("
              + id
              + ", '102290129340398', '"
              + PHONE_NUMBER_ID
              + "', '15550002222',"
              + " 'CONNECTED', NOW(6), NOW(6))");
      return id;
    }
  }

  /** Connections without a token, due for a health probe at the next minute's timer. */
  static void seedProbedConnections() throws Exception {
    try (Connection c = db.connect()) {
      long id = insert(c, "INSERT INTO tenant (name, status) VALUES ('Probed', 'ACTIVE')");
      for (int i = 0; i < PROBED_CONNECTIONS; i++) {
        insert(
            c,
            "INSERT INTO whatsapp_connection (tenant_id, waba_id, phone_number_id, status,"
                + " next_probe_at, created_at, updated_at) VALUES ("
                + id
                + ", 'waba-probe',"
                + " 'probe-"
                + i
                + "', 'CONNECTED', NOW(6) - INTERVAL 1 MINUTE, NOW(6), NOW(6))");
      }
    }
  }

  static long insert(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
