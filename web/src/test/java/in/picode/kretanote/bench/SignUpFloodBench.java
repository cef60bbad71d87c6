package in.picode.kretanote.bench;

import in.picode.kretanote.sandbox.meta.WebhookSender;
import in.picode.kretanote.testing.TestAccounts;
import in.picode.kretanote.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Document;

/**
 * Finding 4's benchmark (not a timed test): while {@code --flood} clients (default 200) post bogus
 * but well-formed sign-ups as fast as they can, how long does a real owner's sign-in take, and how
 * long does a signed webhook take to be acknowledged? The same is measured first without the flood,
 * in the same run, as the baseline.
 *
 * <p>The flood comes from one address (the generator's), as from one attacker: the request limits
 * answer most of it with 429 before any hashing, and the hashing permits keep the rest from taking
 * every core. Start the server with {@code -Dkretanote.security.rate.sign-up.per-address=0
 * -Dkretanote.security.rate.sign-up.global=0} to see the permits alone (every bogus sign-up then
 * reaches the hash). Run as in BENCHMARK.md with {@code -Dbench.main=...SignUpFloodBench}; options
 * {@code --url --secret --db-url --db-user --db-password --flood 200 --seconds 30 --samples 20}.
 */
public final class SignUpFloodBench {

  private SignUpFloodBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI base = URI.create(o.getOrDefault("url", "http://127.0.0.1:18080/"));
    String secret = o.getOrDefault("secret", "bench-secret");
    int flood = Integer.parseInt(o.getOrDefault("flood", "200"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
    int samples = Integer.parseInt(o.getOrDefault("samples", "20"));
    String email = owner(o.get("db-url"), o.get("db-user"), o.get("db-password"));

    System.out.printf("sign-in as %s; webhook at %swebhooks/whatsapp%n", email, base);
    List<Long> signInBase = new ArrayList<>();
    List<Long> hookBase = new ArrayList<>();
    measure(base, email, secret, samples, signInBase, hookBase, null);
    print("baseline", signInBase, hookBase);

    AtomicBoolean running = new AtomicBoolean(true);
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(flood);
    for (int i = 0; i < flood; i++) {
      pool.submit(() -> floodOne(base, running, statuses));
    }
    Thread.sleep(3_000);
    List<Long> signInFlood = new ArrayList<>();
    List<Long> hookFlood = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    measure(base, email, secret, samples, signInFlood, hookFlood, deadline);
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    print("with " + flood + " concurrent bogus sign-ups", signInFlood, hookFlood);
    System.out.println("bogus sign-up answers by status: " + statuses);
  }

  /** Sign-ins and webhooks one after the other, {@code samples} each (or until the deadline). */
  private static void measure(
      URI base,
      String email,
      String secret,
      int samples,
      List<Long> signIns,
      List<Long> hooks,
      Long deadline)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < samples || (deadline != null && System.nanoTime() < deadline); i++) {
      if (deadline != null && i >= samples && System.nanoTime() >= deadline) {
        break;
      }
      WebClient browser = new WebClient(base);
      Document form = browser.get("login.xhtml");
      long t0 = System.nanoTime();
      Document home =
          browser.submit(
              form, "login", Map.of("email", email, "password", TestAccounts.PASSWORD), "submit");
      long t1 = System.nanoTime();
      signIns.add(home.location().contains("/app/") ? (t1 - t0) / 1_000_000 : -1);

      byte[] body =
          ("{\"object\":\"whatsapp_business_account\",\"entry\":[],\"bench\":\""
                  + UUID.randomUUID()
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      long h0 = System.nanoTime();
      HttpResponse<String> ack =
          http.send(
              HttpRequest.newBuilder(base.resolve("webhooks/whatsapp"))
                  .header("Content-Type", "application/json")
                  .header("X-Hub-Signature-256", WebhookSender.signature(body, secret))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long h1 = System.nanoTime();
      hooks.add(ack.statusCode() == 200 ? (h1 - h0) / 1_000_000 : -1);
    }
  }

  /** One flooding client: a fresh form each time, a valid sign-up with a new address. */
  private static void floodOne(URI base, AtomicBoolean running, Map<Integer, AtomicLong> statuses) {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    while (running.get()) {
      try {
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(base.resolve("signup.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String viewState = between(page.body(), "name=\"jakarta.faces.ViewState\"", "value=\"");
        String nonce = between(page.body(), "<script nonce=\"", "");
        String run = UUID.randomUUID().toString().substring(0, 12);
        String form =
            "signup=signup&signup%3AcompanyName=Flood+"
                + run
                + "&signup%3AownerName=Bot&signup%3Aemail=flood-"
                + run
                + "%40example.com&signup%3Apassword=flood+password+long&signup%3AlegalName=Flood"
                + "&signup%3AaddressLine=Street+1&signup%3ApostalCode=1&signup%3Acity=X"
                + "&signup%3Acountry=DE&signup%3AtaxId=&signup%3Asubmit="
                + "&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8)
                + "&primefaces.nonce="
                + java.net.URLEncoder.encode(nonce, StandardCharsets.UTF_8);
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(base.resolve("signup.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
      } catch (Exception e) {
        statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  private static String between(String html, String anchor, String prefix) {
    int a = html.indexOf(anchor);
    if (a < 0) {
      return "";
    }
    int v = prefix.isEmpty() ? a + anchor.length() : html.indexOf(prefix, a) + prefix.length();
    int end = html.indexOf('"', v);
    return end < 0 ? "" : html.substring(v, end);
  }

  /** A tenant with an active owner whose password is {@link TestAccounts#PASSWORD}. */
  private static String owner(String url, String user, String password) throws Exception {
    String email = "bench-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      long tenant;
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into tenant (name, status, country) values (?, 'ACTIVE', 'DE')",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, "Bench " + email);
        s.executeUpdate();
        try (ResultSet k = s.getGeneratedKeys()) {
          k.next();
          tenant = k.getLong(1);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                  + " status, email_verified_at) values (?, ?, 'Bench Owner', ?, 'OWNER',"
                  + " 'ACTIVE', now(6))")) {
        s.setLong(1, tenant);
        s.setString(2, email);
        s.setString(3, TestAccounts.passwordHash());
        s.executeUpdate();
      }
    }
    return email;
  }

  private static void print(String phase, List<Long> signIns, List<Long> hooks) {
    System.out.printf(
        "%-45s sign-in %s | webhook ack %s%n", phase, summary(signIns), summary(hooks));
  }

  private static String summary(List<Long> millis) {
    long failed = millis.stream().filter(m -> m < 0).count();
    List<Long> ok = new ArrayList<>(millis.stream().filter(m -> m >= 0).toList());
    if (ok.isEmpty()) {
      return "no success (" + failed + " failed)";
    }
    Collections.sort(ok);
    return String.format(
        "n=%d p50=%d ms p90=%d ms max=%d ms failed=%d",
        ok.size(),
        ok.get(ok.size() / 2),
        ok.get((int) (ok.size() * 0.9)),
        ok.get(ok.size() - 1),
        failed);
  }
}
