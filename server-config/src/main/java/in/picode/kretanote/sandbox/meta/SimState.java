package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Everything the simulated Meta remembers. Maps are concurrent and hold immutable records that are
 * replaced atomically; logs are bounded so a long sandbox run does not grow without limit. Access
 * tokens are kept only as SHA-256 hashes.
 */
public final class SimState {

  static final int LOG_LIMIT = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  public enum TokenState {
    VALID,
    REVOKED,
    EXPIRED
  }

  public record Waba(String id, String businessId, String name) {}

  public record PhoneNumber(
      String id,
      String wabaId,
      String displayPhoneNumber,
      String verifiedName,
      String qualityRating,
      String status,
      String nameStatus,
      String messagingLimit,
      String throughputLevel,
      boolean registered,
      String pin) {

    PhoneNumber withRegistration(boolean isRegistered, String newStatus, String newPin) {
      return new PhoneNumber(
          id,
          wabaId,
          displayPhoneNumber,
          verifiedName,
          qualityRating,
          newStatus,
          nameStatus,
          messagingLimit,
          throughputLevel,
          isRegistered,
          newPin);
    }

    PhoneNumber withQuality(String quality) {
      return new PhoneNumber(
          id,
          wabaId,
          displayPhoneNumber,
          verifiedName,
          quality,
          status,
          nameStatus,
          messagingLimit,
          throughputLevel,
          registered,
          pin);
    }

    PhoneNumber withStatus(String newStatus) {
      return new PhoneNumber(
          id,
          wabaId,
          displayPhoneNumber,
          verifiedName,
          qualityRating,
          newStatus,
          nameStatus,
          messagingLimit,
          throughputLevel,
          registered,
          pin);
    }

    PhoneNumber withMessagingLimit(String limit) {
      return new PhoneNumber(
          id,
          wabaId,
          displayPhoneNumber,
          verifiedName,
          qualityRating,
          status,
          nameStatus,
          limit,
          throughputLevel,
          registered,
          pin);
    }
  }

  public record TokenGrant(
      String tokenSha256,
      Set<String> wabaIds,
      List<String> scopes,
      String userId,
      Instant issuedAt,
      Instant expiresAt,
      TokenState state) {

    TokenGrant withState(TokenState newState) {
      return new TokenGrant(tokenSha256, wabaIds, scopes, userId, issuedAt, expiresAt, newState);
    }
  }

  public record SignupCode(
      String code, String wabaId, String phoneNumberId, List<String> scopes, Instant issuedAt) {}

  public record Subscription(String wabaId, String appId, String overrideCallbackUri, Instant at) {}

  public record Template(
      String id,
      String wabaId,
      String name,
      String language,
      String category,
      String status,
      String rejectedReason,
      JsonArray components) {

    Template withStatus(String newStatus, String reason) {
      return new Template(id, wabaId, name, language, category, newStatus, reason, components);
    }
  }

  public record Media(
      String id,
      String ownerWabaId,
      byte[] bytes,
      String mimeType,
      String sha256,
      String filename,
      Instant expiresAt) {}

  /** A message accepted by {@code POST /{PNID}/messages}, with the request as parsed JSON. */
  public record SentMessage(
      String phoneNumberId, String wamid, String to, String type, JsonObject request, Instant at) {}

  /** A mark-as-read request. */
  public record MarkedRead(String phoneNumberId, String messageId, Instant at) {}

  /**
   * One Graph call. The token is never logged: only whether an Authorization header came and the
   * SHA-256 of its token; secrets, codes and tokens in the query string are redacted.
   */
  public record Call(
      Instant at,
      String method,
      String path,
      String version,
      String query,
      boolean authorizationPresent,
      String tokenSha256,
      int status,
      Integer errorCode) {}

  /** One webhook POST made by the simulator on its own (status, reply, notification). */
  public record WebhookDelivery(
      Instant at,
      String wabaId,
      URI target,
      JsonObject payload,
      int attempt,
      int status,
      String error) {}

  public record Health(String canSendMessage, Integer errorCode, String description) {}

  private final AtomicLong clockOffsetMillis = new AtomicLong();
  final Map<String, Waba> wabas = new ConcurrentHashMap<>();
  final Map<String, PhoneNumber> numbers = new ConcurrentHashMap<>();
  final Map<String, SignupCode> codes = new ConcurrentHashMap<>();
  final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
  final Map<String, TokenGrant> tokens = new ConcurrentHashMap<>();
  final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  final Map<String, Template> templates = new ConcurrentHashMap<>();
  final Map<String, Media> media = new ConcurrentHashMap<>();
  final Map<String, Health> healthOverrides = new ConcurrentHashMap<>();
  final Map<String, Integer> throughputOverrides = new ConcurrentHashMap<>();
  final Map<String, Customer> customers = new ConcurrentHashMap<>();
  final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> lastCustomerMessage = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> sendTimes = new ConcurrentHashMap<>();
  private final Map<String, BoundedLog<SentMessage>> sent = new ConcurrentHashMap<>();
  private final Map<String, BoundedLog<MarkedRead>> reads = new ConcurrentHashMap<>();
  private final Map<String, SendRecord> sendRecords = new ConcurrentHashMap<>();
  private final BoundedLog<Call> calls = new BoundedLog<>();
  private final BoundedLog<WebhookDelivery> deliveries = new BoundedLog<>();

  void reset() {
    for (Map<?, ?> map :
        List.of(
            wabas,
            numbers,
            codes,
            tokens,
            subscriptions,
            templates,
            media,
            healthOverrides,
            throughputOverrides,
            customers,
            lastCustomerMessage,
            sendTimes,
            sendRecords,
            sent,
            reads)) {
      map.clear();
    }
    usedCodes.clear();
    unreachable.clear();
    calls.clear();
    deliveries.clear();
    clockOffsetMillis.set(0);
  }

  Instant now() {
    return Instant.now().plusMillis(clockOffsetMillis.get());
  }

  void advanceClock(Duration duration) {
    clockOffsetMillis.addAndGet(duration.toMillis());
  }

  static String sha256Hex(String value) {
    return sha256Hex(value.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomDigits(int length) {
    StringBuilder digits = new StringBuilder().append(1 + RANDOM.nextInt(9));
    while (digits.length() < length) {
      digits.append(RANDOM.nextInt(10));
    }
    return digits.toString();
  }

  static String randomToken(String prefix, int length) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder token = new StringBuilder(prefix);
    while (token.length() < length) {
      token.append(chars.charAt(RANDOM.nextInt(chars.length())));
    }
    return token.toString();
  }

  Optional<PhoneNumber> number(String id) {
    return Optional.ofNullable(numbers.get(id));
  }

  PhoneNumber updateNumber(String id, UnaryOperator<PhoneNumber> change) {
    PhoneNumber updated = numbers.computeIfPresent(id, (k, n) -> change.apply(n));
    if (updated == null) {
      throw new IllegalArgumentException("unknown phone number id " + id);
    }
    return updated;
  }

  List<PhoneNumber> numbersOf(String wabaId) {
    return numbers.values().stream()
        .filter(n -> n.wabaId().equals(wabaId))
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  /** Creates the WABA and number on first sight; later calls leave them as they are. */
  void ensureNumber(String wabaId, String pnid, String display, String verifiedName) {
    wabas.computeIfAbsent(wabaId, id -> new Waba(id, randomDigits(15), verifiedName));
    numbers.compute(
        pnid,
        (id, existing) -> {
          if (existing != null && !existing.wabaId().equals(wabaId)) {
            throw new IllegalArgumentException(
                pnid + " already belongs to WABA " + existing.wabaId());
          }
          return existing != null
              ? existing
              : new PhoneNumber(
                  id,
                  wabaId,
                  display,
                  verifiedName,
                  "GREEN",
                  "PENDING",
                  "APPROVED",
                  "TIER_250",
                  "STANDARD",
                  false,
                  null);
        });
  }

  String issueToken(Set<String> wabaIds, List<String> scopes) {
    String token = randomToken("EAAKreta", 180);
    String hash = sha256Hex(token);
    tokens.put(
        hash,
        new TokenGrant(
            hash,
            Set.copyOf(wabaIds),
            List.copyOf(scopes),
            randomDigits(15),
            now(),
            null,
            TokenState.VALID));
    return token;
  }

  Optional<TokenGrant> grant(String token) {
    return Optional.ofNullable(tokens.get(sha256Hex(token)));
  }

  boolean setTokenState(String token, TokenState state) {
    return tokens.computeIfPresent(sha256Hex(token), (k, g) -> g.withState(state)) != null;
  }

  int setTokenStateForWaba(String wabaId, TokenState state) {
    int changed = 0;
    for (TokenGrant grant : tokens.values()) {
      if (grant.wabaIds().contains(wabaId) && grant.state() == TokenState.VALID) {
        tokens.computeIfPresent(grant.tokenSha256(), (k, g) -> g.withState(state));
        changed++;
      }
    }
    return changed;
  }

  Optional<Template> template(String wabaId, String name, String language) {
    return templates.values().stream()
        .filter(
            t ->
                t.wabaId().equals(wabaId) && t.name().equals(name) && t.language().equals(language))
        .findFirst();
  }

  List<Template> templatesOf(String wabaId) {
    return templates.values().stream()
        .filter(t -> t.wabaId().equals(wabaId))
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  /** {@link #tryAcquireThroughput(String, int, long)} for a call that arrives now. */
  boolean tryAcquireThroughput(String pnid, int perSecond) {
    return tryAcquireThroughput(pnid, perSecond, System.nanoTime());
  }

  /**
   * Counts a send against the number's throughput at the moment the call arrived ({@code
   * arrivedNanos}, as Meta counts on receipt, not after the injected latency): false when the one
   * second before it or the one second from it already holds {@code perSecond} sends. Calls that
   * slept the same latency may be counted a little out of order, so the arrival times are kept
   * sorted.
   */
  boolean tryAcquireThroughput(String pnid, int perSecond, long arrivedNanos) {
    List<Long> times = sendTimes.computeIfAbsent(pnid, k -> new ArrayList<>());
    synchronized (times) {
      long second = 1_000_000_000L;
      int keepFrom = firstAtOrAfter(times, arrivedNanos - 2 * second);
      if (keepFrom > 0 && times.size() > 4 * perSecond) {
        times.subList(0, keepFrom).clear();
      }
      int at = firstAtOrAfter(times, arrivedNanos);
      int before = at - firstAtOrAfter(times, arrivedNanos - second + 1);
      int after = firstAtOrAfter(times, arrivedNanos + second) - at;
      if (before >= perSecond || after >= perSecond) {
        return false;
      }
      times.add(at, arrivedNanos);
      return true;
    }
  }

  private static int firstAtOrAfter(List<Long> sorted, long t) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  void customerWrote(String pnid, Customer customer, Instant at) {
    for (String id : identities(customer)) {
      lastCustomerMessage.put(pnid + '|' + id, at);
      customers.put(id, customer);
    }
  }

  /** Whether the recipient (wa_id or user_id) wrote to this number within the last 24 hours. */
  boolean serviceWindowOpen(String pnid, String recipient) {
    Instant last = lastCustomerMessage.get(pnid + '|' + recipient);
    return last != null && last.isAfter(now().minus(Duration.ofHours(24)));
  }

  void recordSent(SentMessage message) {
    sent.computeIfAbsent(message.phoneNumberId(), k -> new BoundedLog<>()).add(message);
  }

  List<SentMessage> sentMessages(String pnid) {
    BoundedLog<SentMessage> log = sent.get(pnid);
    return log == null ? List.of() : log.snapshot();
  }

  void recordRead(MarkedRead read) {
    reads.computeIfAbsent(read.phoneNumberId(), k -> new BoundedLog<>()).add(read);
  }

  List<MarkedRead> readReceipts(String pnid) {
    BoundedLog<MarkedRead> log = reads.get(pnid);
    return log == null ? List.of() : log.snapshot();
  }

  void recordCall(Call call) {
    calls.add(call);
  }

  List<Call> calls() {
    return calls.snapshot();
  }

  void recordDelivery(WebhookDelivery delivery) {
    deliveries.add(delivery);
  }

  List<WebhookDelivery> deliveries() {
    return deliveries.snapshot();
  }

  private static Collection<String> identities(Customer customer) {
    List<String> ids = new ArrayList<>(2);
    if (customer.waId() != null) {
      ids.add(customer.waId());
    }
    if (customer.userId() != null) {
      ids.add(customer.userId());
    }
    return ids;
  }

  /**
   * One number's record for benchmarks: when Meta took each send (epoch microseconds, on the
   * simulator's wall clock, not its shifted clock) with a fingerprint of the request, and how many
   * sends it refused with 130429 (throughput). Keeps the newest {@link #RECORD_LIMIT} sends.
   */
  public static final class SendRecord {
    static final int RECORD_LIMIT = 500_000;
    private final ArrayDeque<long[]> accepted = new ArrayDeque<>();
    private long refusedThroughput;

    synchronized void accepted(long epochMicros, long fingerprint) {
      if (accepted.size() == RECORD_LIMIT) {
        accepted.removeFirst();
      }
      accepted.addLast(new long[] {epochMicros, fingerprint});
    }

    synchronized void refused() {
      refusedThroughput++;
    }

    /** {@code [epoch micros, fingerprint]} of each accepted send, oldest first. */
    public synchronized List<long[]> acceptedSends() {
      return List.copyOf(accepted);
    }

    public synchronized long refusedThroughput() {
      return refusedThroughput;
    }
  }

  SendRecord sendRecord(String pnid) {
    return sendRecords.computeIfAbsent(pnid, k -> new SendRecord());
  }

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static final class BoundedLog<T> {
    private final Deque<T> items = new ArrayDeque<>();

    synchronized void add(T item) {
      if (items.size() == LOG_LIMIT) {
        items.removeFirst();
      }
      items.addLast(item);
    }

    synchronized List<T> snapshot() {
      return List.copyOf(items);
    }

    synchronized void clear() {
      items.clear();
    }
  }
}
