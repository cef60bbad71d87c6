package in.picode.kretanote.sandbox.meta;

import com.sun.net.httpserver.HttpServer;
import in.picode.kretanote.sandbox.meta.SimState.PhoneNumber;
import in.picode.kretanote.sandbox.meta.SimState.TokenState;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Inbound;
import in.picode.kretanote.sandbox.meta.WebhookPayloads.Status;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stateful stand-in for Meta's Graph API (WhatsApp Cloud API) on the JDK HTTP server, for
 * integration tests and the sandbox run mode. It issues codes and tokens, keeps WABAs, numbers,
 * templates, media and sent messages, answers in Meta's documented shapes and error envelopes,
 * enforces throughput and (optionally) the 24-hour window, takes injected faults, and posts signed
 * webhooks back to a callback URL. Webhooks it emits on its own (statuses, customer replies,
 * notifications) go out only for WABAs our app is subscribed to, as at Meta.
 */
public final class MetaSimulator implements AutoCloseable {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final System.Logger LOG = System.getLogger(MetaSimulator.class.getName());
  private static final List<String> QUALITIES = List.of("GREEN", "YELLOW", "RED", "UNKNOWN");
  private static final List<String> TIERS =
      List.of("TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED");

  /** What happens to a free-form message when the recipient has not written within 24 hours. */
  public enum ServiceWindow {
    /** Not enforced. */
    OFF,
    /** Refused synchronously with error 131047. */
    REJECT,
    /** Accepted, then a {@code failed} status webhook with error 131047 (Meta's usual way). */
    FAILED_STATUS
  }

  /** How far the simulator walks an accepted message on its own: none, or up to that status. */
  public enum AutoStatuses {
    NONE,
    SENT,
    DELIVERED,
    READ
  }

  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String appId = "100000000000001";
    private String appSecret = "sandbox-app-secret";
    private String appName = "KretaNote Sandbox";
    private URI callback;
    private String graphVersion = "v23.0";
    private int throughputPerSecond = 80;
    private ServiceWindow serviceWindow = ServiceWindow.OFF;
    private AutoStatuses autoStatuses = AutoStatuses.NONE;
    private Duration statusDelay = Duration.ofMillis(100);
    private int webhookRetries = 2;
    private boolean autoApproveTemplates;
    private TemplateReview templateReview;
    private Consumer<String> tokenListener = token -> {};

    private Builder() {}

    /**
     * Told every access token the simulator issues, for tests that prove a token never shows up in
     * a page, a response or a log. The simulator itself keeps only hashes.
     */
    public Builder onTokenIssued(Consumer<String> listener) {
      tokenListener = java.util.Objects.requireNonNull(listener);
      return this;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder appId(String value) {
      appId = value;
      return this;
    }

    public Builder appSecret(String value) {
      appSecret = value;
      return this;
    }

    public Builder appName(String value) {
      appName = value;
      return this;
    }

    /** KretaNote's webhook URL; without one the simulator emits no webhooks on its own. */
    public Builder callback(URI value) {
      callback = value;
      return this;
    }

    public Builder graphVersion(String value) {
      if (!value.matches("^v\\d+\\.\\d+$")) {
        throw new IllegalArgumentException("graph version looks like v23.0");
      }
      graphVersion = value;
      return this;
    }

    public Builder throughputPerSecond(int value) {
      throughputPerSecond = value;
      return this;
    }

    public Builder serviceWindow(ServiceWindow value) {
      serviceWindow = value;
      return this;
    }

    public Builder autoStatuses(AutoStatuses value) {
      autoStatuses = value;
      return this;
    }

    /** The pause before each automatic webhook (sent, then delivered, then read). */
    public Builder statusDelay(Duration value) {
      statusDelay = value;
      return this;
    }

    /** How often an unacknowledged automatic webhook is retried (Meta retries for days). */
    public Builder webhookRetries(int value) {
      webhookRetries = value;
      return this;
    }

    /** Approve created templates at once (after the status delay), with the webhook. */
    public Builder autoApproveTemplates(boolean value) {
      autoApproveTemplates = value;
      return this;
    }

    /**
     * Reviews created templates as Meta does, after {@code review.delay()}: a name matching {@code
     * review.reject()} is REJECTED with {@code review.reason()}, any other APPROVED; each decision
     * arrives as a {@code message_template_status_update} webhook. Implies auto-approval.
     */
    public Builder templateReview(TemplateReview review) {
      templateReview = java.util.Objects.requireNonNull(review);
      autoApproveTemplates = true;
      return this;
    }

    public MetaSimulator start() throws IOException {
      if (appSecret == null || appSecret.isEmpty()) {
        throw new IllegalArgumentException("an app secret is required");
      }
      return new MetaSimulator(this);
    }
  }

  private final SimState state = new SimState();
  private final Faults faults = new Faults();
  private final String appId;
  private final String appSecret;
  private final String appName;
  private final String graphVersion;
  private final Duration statusDelay;
  private final int webhookRetries;
  private final boolean autoApproveTemplates;
  private volatile TemplateReview templateReview;
  private final Consumer<String> tokenListener;
  private final WebhookSender sender;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private final ScheduledExecutorService webhookThread;
  private final AtomicInteger templateIds = new AtomicInteger();
  private volatile URI callback;
  private volatile int throughputPerSecond;
  private volatile long sendLatencyMillis;
  private volatile ServiceWindow serviceWindow;
  private volatile AutoStatuses autoStatuses;
  private volatile String mediaLinkHost;
  private volatile boolean mediaLinksRedirect;

  private MetaSimulator(Builder b) throws IOException {
    this.appId = b.appId;
    this.appSecret = b.appSecret;
    this.appName = b.appName;
    this.graphVersion = b.graphVersion;
    this.statusDelay = b.statusDelay;
    this.webhookRetries = b.webhookRetries;
    this.autoApproveTemplates = b.autoApproveTemplates;
    this.templateReview =
        b.templateReview != null
            ? b.templateReview
            : new TemplateReview(b.statusDelay, null, TemplateReview.DEFAULT_REASON);
    this.tokenListener = b.tokenListener;
    this.callback = b.callback;
    this.throughputPerSecond = b.throughputPerSecond;
    this.serviceWindow = b.serviceWindow;
    this.autoStatuses = b.autoStatuses;
    this.sender = new WebhookSender(null, appSecret);
    // Enough threads for a benchmark's calls in flight (1,000/s at 250 ms of injected latency).
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1024,
            1024,
            30,
            TimeUnit.SECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(),
            daemon("meta-sim-http"));
    pool.allowCoreThreadTimeOut(true);
    this.httpThreads = pool;
    this.webhookThread = Executors.newSingleThreadScheduledExecutor(daemon("meta-sim-webhooks"));
    this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 128);
    server.createContext("/", new GraphApi(this, state));
    server.createContext("/_sim/", new ControlApi(this));
    server.setExecutor(httpThreads);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    webhookThread.shutdownNow();
    httpThreads.shutdownNow();
  }

  // --- addresses and identity ---

  /** {@code http://127.0.0.1:<port>}, the base URL KretaNote's Graph client should use. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** {@code baseUrl()/v23.0} (the configured version). */
  public String graphUrl() {
    return baseUrl() + "/" + graphVersion;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String graphVersion() {
    return graphVersion;
  }

  public String appId() {
    return appId;
  }

  String appSecret() {
    return appSecret;
  }

  String appName() {
    return appName;
  }

  /** Meta's app access token form, {@code app_id|app_secret}, accepted by {@code debug_token}. */
  public String appAccessToken() {
    return appId + "|" + appSecret;
  }

  // --- settings that may change while running ---

  public void setCallback(URI value) {
    callback = value;
  }

  public URI callback() {
    return callback;
  }

  /**
   * Latency of every {@code POST /{PNID}/messages} from now on (0: none): the call waits this long
   * before Meta takes it, as a real Graph call spends its time on the way.
   */
  public void setSendLatency(Duration value) {
    if (value.isNegative() || value.toMillis() > 60_000) {
      throw new IllegalArgumentException("latency must be 0 to 60000 ms");
    }
    sendLatencyMillis = value.toMillis();
  }

  long sendLatencyMillis() {
    return sendLatencyMillis;
  }

  /** Each number's record of accepted sends and throughput refusals (for benchmarks). */
  public SimState.SendRecord sendRecord(String phoneNumberId) {
    return state.sendRecord(phoneNumberId);
  }

  public void setThroughputPerSecond(int value) {
    throughputPerSecond = value;
  }

  int throughputPerSecond() {
    return throughputPerSecond;
  }

  public void setServiceWindow(ServiceWindow value) {
    serviceWindow = value;
  }

  ServiceWindow serviceWindow() {
    return serviceWindow;
  }

  public void setAutoStatuses(AutoStatuses value) {
    autoStatuses = value;
  }

  // --- embedded signup and tokens ---

  /**
   * A one-time authorization code as Embedded Signup hands to the browser, for this WABA and number
   * (created on first use; unregistered until {@code POST /{PNID}/register}). Without scopes the
   * token gets {@code whatsapp_business_management} and {@code whatsapp_business_messaging}. Codes
   * live 30 seconds.
   */
  public String issueSignupCode(
      String wabaId,
      String phoneNumberId,
      String displayPhoneNumber,
      String verifiedName,
      String... scopes) {
    state.ensureNumber(wabaId, phoneNumberId, displayPhoneNumber, verifiedName);
    List<String> granted =
        scopes.length == 0
            ? List.of(GraphApi.MANAGEMENT, GraphApi.MESSAGING)
            : List.copyOf(Arrays.asList(scopes));
    String code = SimState.randomToken("AQ", 160);
    state.codes.put(
        code, new SimState.SignupCode(code, wabaId, phoneNumberId, granted, state.now()));
    return code;
  }

  /**
   * A number that completed signup: token issued, app subscribed, number registered (PIN 123456).
   * Returns the access token, for tests that start from a connected tenant.
   */
  public String connectNumber(
      String wabaId, String phoneNumberId, String displayPhoneNumber, String verifiedName) {
    state.ensureNumber(wabaId, phoneNumberId, displayPhoneNumber, verifiedName);
    String token =
        state.issueToken(Set.of(wabaId), List.of(GraphApi.MANAGEMENT, GraphApi.MESSAGING));
    tokenIssued(token);
    state.subscriptions.put(wabaId, new SimState.Subscription(wabaId, appId, null, state.now()));
    state.updateNumber(phoneNumberId, n -> n.withRegistration(true, "CONNECTED", "123456"));
    return token;
  }

  void tokenIssued(String token) {
    tokenListener.accept(token);
  }

  /** Revokes the token (as when the business removes the app); later calls get error 190. */
  public boolean revokeToken(String token) {
    return state.setTokenState(token, TokenState.REVOKED);
  }

  /** Expires the token; later calls get error 190 with subcode 463. */
  public boolean expireToken(String token) {
    return state.setTokenState(token, TokenState.EXPIRED);
  }

  /** Revokes every valid token granted on this WABA; returns how many. */
  public int revokeTokensOf(String wabaId) {
    return state.setTokenStateForWaba(wabaId, TokenState.REVOKED);
  }

  int expireTokensOf(String wabaId) {
    return state.setTokenStateForWaba(wabaId, TokenState.EXPIRED);
  }

  // --- numbers, subscriptions, health ---

  public Optional<PhoneNumber> phoneNumber(String phoneNumberId) {
    return state.number(phoneNumberId);
  }

  public boolean isRegistered(String phoneNumberId) {
    return state.number(phoneNumberId).map(PhoneNumber::registered).orElse(false);
  }

  public Optional<SimState.Subscription> subscription(String wabaId) {
    return Optional.ofNullable(state.subscriptions.get(wabaId));
  }

  /**
   * As Meta's {@code override_callback_uri}: the subscribed app's webhooks of this WABA go to
   * {@code uri} instead of the callback (null: back to the callback). Refused when the app is not
   * subscribed.
   */
  public void overrideCallback(String wabaId, String uri) {
    SimState.Subscription s = state.subscriptions.get(wabaId);
    if (s == null) {
      throw new IllegalArgumentException("the app is not subscribed to WABA " + wabaId);
    }
    state.subscriptions.put(wabaId, new SimState.Subscription(wabaId, s.appId(), uri, state.now()));
  }

  /** As if the business removed our app from the WABA: its webhooks stop. */
  public void unsubscribeApp(String wabaId) {
    state.subscriptions.remove(wabaId);
  }

  /**
   * GREEN, YELLOW, RED or UNKNOWN; a change posts {@code phone_number_quality_update} (FLAGGED, or
   * UNFLAGGED on the way back to GREEN).
   */
  public void setQuality(String phoneNumberId, String quality) {
    String q = quality.toUpperCase(Locale.ROOT);
    if (!QUALITIES.contains(q)) {
      throw new IllegalArgumentException("quality is one of " + QUALITIES);
    }
    PhoneNumber before =
        state.number(phoneNumberId).orElseThrow(() -> unknownNumber(phoneNumberId));
    PhoneNumber after = state.updateNumber(phoneNumberId, n -> n.withQuality(q));
    if (!before.qualityRating().equals(q)) {
      String event = q.equals("GREEN") ? "UNFLAGGED" : "FLAGGED";
      deliverLater(
          after.wabaId(),
          WebhookPayloads.single(
              after.wabaId(),
              WebhookPayloads.phoneNumberQualityUpdate(
                  after.displayPhoneNumber(), event, after.messagingLimit())),
          statusDelay);
    }
  }

  /** CONNECTED, FLAGGED, RESTRICTED, BANNED, DISCONNECTED...; BANNED refuses sends (131031). */
  public void setNumberStatus(String phoneNumberId, String status) {
    state.updateNumber(phoneNumberId, n -> n.withStatus(status.toUpperCase(Locale.ROOT)));
  }

  /** TIER_250 ... TIER_UNLIMITED; a change posts UPGRADE or DOWNGRADE. */
  public void setMessagingLimit(String phoneNumberId, String tier) {
    if (!TIERS.contains(tier)) {
      throw new IllegalArgumentException("tier is one of " + TIERS);
    }
    PhoneNumber before =
        state.number(phoneNumberId).orElseThrow(() -> unknownNumber(phoneNumberId));
    PhoneNumber after = state.updateNumber(phoneNumberId, n -> n.withMessagingLimit(tier));
    int change = TIERS.indexOf(tier) - TIERS.indexOf(before.messagingLimit());
    if (change != 0) {
      deliverLater(
          after.wabaId(),
          WebhookPayloads.single(
              after.wabaId(),
              WebhookPayloads.phoneNumberQualityUpdate(
                  after.displayPhoneNumber(), change > 0 ? "UPGRADE" : "DOWNGRADE", tier)),
          statusDelay);
    }
  }

  /** Per-number throughput in messages per second (default: the simulator-wide setting). */
  public void setThroughput(String phoneNumberId, int perSecond) {
    state.throughputOverrides.put(phoneNumberId, perSecond);
  }

  /**
   * Overrides {@code health_status} of an entity (phone number, WABA or business id): AVAILABLE,
   * LIMITED or BLOCKED with an error code and description; null clears.
   */
  public void setHealth(
      String entityId, String canSendMessage, Integer errorCode, String description) {
    if (canSendMessage == null) {
      state.healthOverrides.remove(entityId);
    } else {
      state.healthOverrides.put(
          entityId,
          new SimState.Health(canSendMessage.toUpperCase(Locale.ROOT), errorCode, description));
    }
  }

  /** Messages to this recipient (wa_id or user_id) are accepted, then fail with 131026. */
  public void setUnreachable(String recipient, boolean unreachable) {
    if (unreachable) {
      state.unreachable.add(recipient);
    } else {
      state.unreachable.remove(recipient);
    }
  }

  // --- templates ---

  /** Seeds a template in the given status; returns its id. */
  public String addTemplate(
      String wabaId,
      String name,
      String language,
      String category,
      String status,
      JsonArray components) {
    if (!state.wabas.containsKey(wabaId)) {
      throw new IllegalArgumentException("unknown WABA " + wabaId);
    }
    return createTemplate(
            wabaId, name, language, category.toUpperCase(Locale.ROOT), status, components)
        .id();
  }

  SimState.Template createTemplate(
      String wabaId,
      String name,
      String language,
      String category,
      String status,
      JsonArray components) {
    synchronized (state.templates) {
      if (state.template(wabaId, name, language).isPresent()) {
        throw GraphError.invalidParameter("Message template already exists in this language.")
            .withSubcode(2388024);
      }
      String id = Long.toString(900_000_000_000_000L + templateIds.incrementAndGet());
      SimState.Template t =
          new SimState.Template(id, wabaId, name, language, category, status, null, components);
      state.templates.put(id, t);
      if (autoApproveTemplates && status.equals("PENDING")) {
        TemplateReview review = templateReview;
        boolean rejected = review.rejects(name);
        webhookThread.schedule(
            () ->
                setTemplateStatus(
                    wabaId,
                    name,
                    language,
                    rejected ? "REJECTED" : "APPROVED",
                    rejected ? review.reason() : null),
            review.delay().toMillis(),
            TimeUnit.MILLISECONDS);
      }
      return t;
    }
  }

  /** Sets a template's status (APPROVED, REJECTED, PAUSED, DISABLED...) in whichever WABA. */
  public void setTemplateStatus(String name, String language, String status, String reason) {
    SimState.Template t =
        state.templates.values().stream()
            .filter(x -> x.name().equals(name) && x.language().equals(language))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no template " + name + "/" + language));
    setTemplateStatus(t.wabaId(), name, language, status, reason);
  }

  /** Sets a template's status and posts {@code message_template_status_update}. */
  public void setTemplateStatus(
      String wabaId, String name, String language, String status, String reason) {
    SimState.Template t =
        state
            .template(wabaId, name, language)
            .orElseThrow(
                () -> new IllegalArgumentException("no template " + name + "/" + language));
    String upper = status.toUpperCase(Locale.ROOT);
    state.templates.put(t.id(), t.withStatus(upper, reason));
    deliverLater(
        wabaId,
        WebhookPayloads.single(
            wabaId, WebhookPayloads.templateStatusUpdate(t.id(), name, language, upper, reason)),
        Duration.ZERO);
  }

  /** How created templates are reviewed from now on (control call {@code POST /_sim/review}). */
  public void setTemplateReview(TemplateReview review) {
    templateReview = java.util.Objects.requireNonNull(review);
  }

  public TemplateReview templateReview() {
    return templateReview;
  }

  public List<SimState.Template> templates(String wabaId) {
    return state.templatesOf(wabaId);
  }

  // --- media ---

  /** Stores media as if a customer had sent it (valid 7 days); returns the media id. */
  public String addMedia(byte[] bytes, String mimeType) {
    return storeMedia(bytes, mimeType, null, null, Duration.ofDays(7));
  }

  String storeMedia(
      byte[] bytes, String mimeType, String filename, String ownerWabaId, Duration lifetime) {
    return keepMedia(bytes.clone(), mimeType, filename, ownerWabaId, lifetime);
  }

  /** Stores {@code bytes} as they are: the caller hands over an array no one else holds. */
  String keepMedia(
      byte[] bytes, String mimeType, String filename, String ownerWabaId, Duration lifetime) {
    String id = SimState.randomDigits(16);
    state.media.put(
        id,
        new SimState.Media(
            id,
            ownerWabaId,
            bytes,
            mimeType,
            SimState.sha256Hex(bytes),
            filename,
            state.now().plus(lifetime)));
    return id;
  }

  public Optional<SimState.Media> media(String mediaId) {
    return Optional.ofNullable(state.media.get(mediaId));
  }

  // --- messages ---

  public List<SimState.SentMessage> sentMessages(String phoneNumberId) {
    return state.sentMessages(phoneNumberId);
  }

  public List<SimState.MarkedRead> readReceipts(String phoneNumberId) {
    return state.readReceipts(phoneNumberId);
  }

  /** The customer with this phone number writes {@code text}; returns the inbound wamid. */
  public String customerWrites(String phoneNumberId, String waId, String text) {
    return customerWrites(phoneNumberId, Customer.phone(waId, null), text);
  }

  public String customerWrites(String phoneNumberId, Customer customer, String text) {
    return customerSends(phoneNumberId, Inbound.text(customer, text));
  }

  /**
   * The customer sends any message: opens the 24-hour window for it and posts the inbound webhook
   * (if the app is subscribed). Returns the message id.
   */
  public String customerSends(String phoneNumberId, Inbound message) {
    PhoneNumber number =
        state.number(phoneNumberId).orElseThrow(() -> unknownNumber(phoneNumberId));
    Instant now = state.now();
    Inbound stamped = message.at(now);
    state.customerWrote(phoneNumberId, message.from(), now);
    deliverLater(
        number.wabaId(),
        WebhookPayloads.single(
            number.wabaId(),
            new WebhookPayloads.Messages(phoneNumberId, number.displayPhoneNumber())
                .add(stamped)
                .change()),
        Duration.ZERO);
    return stamped.id();
  }

  /**
   * Posts one change of {@code field} for the number: {@code value} gets {@code messaging_product}
   * and {@code metadata} as Meta adds them (issue 20's calls, referrals, system messages...).
   */
  public void emitForNumber(
      String phoneNumberId, String field, jakarta.json.JsonObjectBuilder value) {
    PhoneNumber number =
        state.number(phoneNumberId).orElseThrow(() -> unknownNumber(phoneNumberId));
    value
        .add("messaging_product", "whatsapp")
        .add(
            "metadata",
            jakarta.json.Json.createObjectBuilder()
                .add("display_phone_number", number.displayPhoneNumber())
                .add("phone_number_id", phoneNumberId));
    deliverLater(
        number.wabaId(),
        WebhookPayloads.single(number.wabaId(), WebhookPayloads.change(field, value.build())),
        Duration.ZERO);
  }

  /** Posts one account-level change (template updates) for the WABA. */
  public void emitForAccount(String wabaId, String field, JsonObject value) {
    deliverLater(
        wabaId,
        WebhookPayloads.single(wabaId, WebhookPayloads.change(field, value)),
        Duration.ZERO);
  }

  /** The stored template's id, if the simulator knows the template. */
  public Optional<String> templateId(String wabaId, String name, String language) {
    return state.template(wabaId, name, language).map(SimState.Template::id);
  }

  /** The number's display phone number (for the business side of a call). */
  public String displayNumber(String phoneNumberId) {
    return state
        .number(phoneNumberId)
        .orElseThrow(() -> unknownNumber(phoneNumberId))
        .displayPhoneNumber();
  }

  /** Opens the 24-hour window without a webhook, as if the customer wrote at {@code at}. */
  public void openServiceWindow(String phoneNumberId, Customer customer, Instant at) {
    state.customerWrote(phoneNumberId, customer, at);
  }

  void afterSend(
      PhoneNumber number,
      String wamid,
      Customer recipient,
      String category,
      String pricingType,
      Integer failure,
      String bizOpaque) {
    String waba = number.wabaId();
    if (failure != null) {
      webhookThread.schedule(
          () ->
              deliverNow(
                  waba,
                  statusPayload(
                      number,
                      Status.failed(wamid, recipient, failure)
                          .at(state.now())
                          .bizOpaqueCallbackData(bizOpaque))),
          statusDelay.toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    AutoStatuses upTo = autoStatuses;
    List<String> steps = List.of("sent", "delivered", "read").subList(0, upTo.ordinal());
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      webhookThread.schedule(
          () ->
              deliverNow(
                  waba,
                  statusPayload(
                      number,
                      Status.of(wamid, step, recipient, category, pricingType)
                          .at(state.now())
                          .bizOpaqueCallbackData(bizOpaque))),
          statusDelay.toMillis() * (i + 1),
          TimeUnit.MILLISECONDS);
    }
  }

  private static JsonObject statusPayload(PhoneNumber number, Status status) {
    return WebhookPayloads.single(
        number.wabaId(),
        new WebhookPayloads.Messages(number.id(), number.displayPhoneNumber())
            .add(status)
            .change());
  }

  // --- faults, clock, logs ---

  public void inject(Fault fault) {
    faults.add(fault);
  }

  public List<Fault> pendingFaults() {
    return faults.pending();
  }

  public void clearFaults() {
    faults.clear();
  }

  Optional<Fault> takeFault(String method, String path) {
    return path.startsWith("/_sim") ? Optional.empty() : faults.take(method, path);
  }

  /** Moves the simulator's clock (24-hour window, token and media expiry, timestamps). */
  public void advanceClock(Duration duration) {
    state.advanceClock(duration);
  }

  public Instant now() {
    return state.now();
  }

  /** Graph calls received, newest last (bounded); tokens appear only as SHA-256 hashes. */
  public List<SimState.Call> calls() {
    return state.calls();
  }

  /** Webhooks the simulator posted on its own, each attempt, newest last (bounded). */
  public List<SimState.WebhookDelivery> webhookDeliveries() {
    return state.deliveries();
  }

  /** A sender for hand-built payloads to the current callback, signed with the app secret. */
  public WebhookSender webhookSender() {
    return new WebhookSender(callback, appSecret);
  }

  /** Forgets everything: numbers, tokens, templates, media, logs, faults, clock offset. */
  public void reset() {
    faults.clear();
    sendLatencyMillis = 0;
    state.reset();
    setMediaLinks(null, false);
  }

  /**
   * How media answers name their download links, to test a client's care with its token: {@code
   * host} other than the simulator's own (null: its own address; {@code localhost} reaches the same
   * server under another name), and {@code redirect}: a download answers 302 to {@code
   * /media-moved/...}, which serves the file as well (a client that follows it sent its token on).
   */
  public void setMediaLinks(String host, boolean redirect) {
    this.mediaLinkHost = host == null || host.isBlank() ? null : host.strip();
    this.mediaLinksRedirect = redirect;
  }

  String mediaBaseUrl() {
    String host = mediaLinkHost;
    return host == null ? baseUrl() : "http://" + host + ":" + port();
  }

  boolean mediaLinksRedirect() {
    return mediaLinksRedirect;
  }

  // --- webhook delivery ---

  private void deliverLater(String wabaId, JsonObject payload, Duration delay) {
    webhookThread.schedule(
        () -> deliverNow(wabaId, payload), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs on the single webhook thread, so deliveries keep their order. */
  private void deliverNow(String wabaId, JsonObject payload) {
    try {
      deliverWithRetries(wabaId, payload);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook delivery for WABA " + wabaId + " failed", e);
    }
  }

  private void deliverWithRetries(String wabaId, JsonObject payload) {
    SimState.Subscription subscription = state.subscriptions.get(wabaId);
    URI target =
        subscription != null && subscription.overrideCallbackUri() != null
            ? URI.create(subscription.overrideCallbackUri())
            : callback;
    if (subscription == null || target == null) {
      state.recordDelivery(
          new SimState.WebhookDelivery(
              state.now(),
              wabaId,
              target,
              payload,
              0,
              0,
              subscription == null ? "app not subscribed to WABA" : "no callback configured"));
      return;
    }
    byte[] body = MetaJson.bytes(payload);
    for (int attempt = 1; attempt <= webhookRetries + 1; attempt++) {
      WebhookSender.Delivery d = sender.sendBytes(target, body, WebhookSender.Signing.CORRECT);
      state.recordDelivery(
          new SimState.WebhookDelivery(
              state.now(), wabaId, target, payload, attempt, d.status(), d.error()));
      if (d.acknowledged()) {
        return;
      }
      LOG.log(Level.DEBUG, "webhook to {0} answered {1}, attempt {2}", target, d.status(), attempt);
      try {
        Thread.sleep(200L * attempt * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static IllegalArgumentException unknownNumber(String id) {
    return new IllegalArgumentException("unknown phone number id " + id);
  }
}
