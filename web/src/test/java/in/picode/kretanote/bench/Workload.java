package in.picode.kretanote.bench;

import in.picode.kretanote.sandbox.meta.Customer;
import in.picode.kretanote.sandbox.meta.MetaJson;
import in.picode.kretanote.sandbox.meta.WebhookPayloads;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Messages;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import in.picode.kretanote.sandbox.meta.WebhookSender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic signed webhook bodies, generated before a run so that building JSON does not compete
 * with the server for CPU while it is measured: new customer messages (emoji, a contact with a user
 * id), exact redeliveries of earlier bodies, and delivery statuses with pricing for outbound
 * messages, in the configured mix.
 */
final class Workload {

  enum Kind {
    NEW,
    DUPLICATE,
    STATUS
  }

  /** One POST: the exact bytes, their signature, and what it should leave in the database. */
  record Request(Kind kind, byte[] body, String signature, String wamid, String status, long at) {}

  private static final String[] STATUSES = {"sent", "delivered", "read"};
  private static final String[] TEXTS = {
    "Hallo! Habt ihr heute Abend noch einen Tisch für 4 frei? 🍝",
    "Kann ich die Bestellung #4711 noch ändern? Danke 🙏",
    "Wann öffnet ihr morgen? \"Früh\" wäre super 😊",
    "Ich komme 10 Minuten später \\ sorry!",
  };

  private final String run;
  private final String phoneNumberId;
  private final String secret;
  private final double duplicateShare;
  private final double statusShare;
  private final Random random;
  private final List<Request> earlier = new ArrayList<>();
  private final List<Customer> customers = new ArrayList<>();
  private long counter;

  Workload(
      String run,
      String phoneNumberId,
      String secret,
      double duplicateShare,
      double statusShare,
      long seed) {
    this.run = run;
    this.phoneNumberId = phoneNumberId;
    this.secret = secret;
    this.duplicateShare = duplicateShare;
    this.statusShare = statusShare;
    this.random = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      customers.add(
          Customer.phoneAndUserId(
              "4915" + (10_000_000 + i), "DE." + (1_000_000_000L + i), "Kundin " + i + " 🌿"));
    }
  }

  List<Request> next(int n) {
    List<Request> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double pick = random.nextDouble();
      Request r;
      if (pick < duplicateShare && !earlier.isEmpty()) {
        Request original = earlier.get(random.nextInt(earlier.size()));
        r =
            new Request(
                Kind.DUPLICATE,
                original.body(),
                original.signature(),
                original.wamid(),
                original.status(),
                original.at());
      } else if (pick < duplicateShare + statusShare) {
        r = status();
      } else {
        r = message();
      }
      if (r.kind() != Kind.DUPLICATE) {
        earlier.add(r);
        if (earlier.size() > 5000) {
          earlier.remove(0);
        }
      }
      requests.add(r);
    }
    return requests;
  }

  private Request message() {
    Customer c = customers.get(random.nextInt(customers.size()));
    long n = counter++;
    String wamid = "wamid.bench." + run + "." + n;
    Inbound m = Inbound.text(c, TEXTS[(int) (n % TEXTS.length)] + " (" + n + ")").withId(wamid);
    return request(
        Kind.NEW, new Messages(phoneNumberId, "15550001111").add(m), wamid, null, m.timestamp());
  }

  private Request status() {
    Customer c = customers.get(random.nextInt(customers.size()));
    long n = counter++;
    String wamid = "wamid.bench." + run + ".out." + (n / 3);
    String status = STATUSES[(int) (n % 3)];
    long at = Instant.now().getEpochSecond() + n % 3;
    Status s = Status.of(wamid, status, c, "utility", "regular").at(Instant.ofEpochSecond(at));
    return request(
        Kind.STATUS, new Messages(phoneNumberId, "15550001111").add(s), wamid, status, at);
  }

  private Request request(Kind kind, Messages messages, String wamid, String status, long at) {
    byte[] body = MetaJson.bytes(WebhookPayloads.single("waba-bench", messages.change()));
    return new Request(kind, body, WebhookSender.signature(body, secret), wamid, status, at);
  }
}
