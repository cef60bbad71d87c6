package in.picode.kretanote.sandbox.meta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import in.picode.kretanote.sandbox.meta.HttpIo.Reply;
import in.picode.kretanote.sandbox.meta.HttpIo.Request;
import in.picode.kretanote.sandbox.meta.SimState.Media;
import in.picode.kretanote.sandbox.meta.SimState.PhoneNumber;
import in.picode.kretanote.sandbox.meta.SimState.TokenGrant;
import in.picode.kretanote.sandbox.meta.SimState.TokenState;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The simulated Graph API endpoints. Each call is logged, may be hit by an injected fault, is
 * authenticated against the tokens the simulator issued and authorised against the WABAs the token
 * was granted, then answered in Meta's shapes.
 */
final class GraphApi implements HttpHandler {

  /** When the call being answered on this thread arrived (before any injected latency). */
  private static final ThreadLocal<Long> ARRIVED_NANOS = ThreadLocal.withInitial(System::nanoTime);

  private static final ThreadLocal<Long> ARRIVED_MICROS =
      ThreadLocal.withInitial(SimState::epochMicros);

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final System.Logger LOG = System.getLogger(GraphApi.class.getName());
  static final String MANAGEMENT = "whatsapp_business_management";
  static final String MESSAGING = "whatsapp_business_messaging";
  private static final Duration CODE_TTL = Duration.ofSeconds(30);
  private static final Duration MEDIA_URL_TTL = Duration.ofMinutes(5);
  private static final Pattern TEMPLATE_NAME = Pattern.compile("^[a-z0-9_]{1,512}$");
  private static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY", "AUTHENTICATION");
  private static final List<String> NUMBER_DEFAULT_FIELDS =
      List.of(
          "verified_name",
          "code_verification_status",
          "display_phone_number",
          "quality_rating",
          "platform_type",
          "throughput",
          "id");

  private final MetaSimulator sim;
  private final SimState state;

  private final TemplateShapes shapes = new TemplateShapes();

  GraphApi(MetaSimulator sim, SimState state) {
    this.sim = sim;
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Request request;
    try {
      request = HttpIo.read(exchange);
    } catch (IOException e) {
      exchange.close();
      return;
    }
    Reply reply;
    try {
      reply = answer(request);
    } catch (GraphError e) {
      reply = Reply.error(e);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "simulator failure on {0} {1}", request.method(), request.fullPath(), e);
      reply = Reply.error(GraphError.of(1));
    }
    String bearer = request.bearer();
    state.recordCall(
        new SimState.Call(
            state.now(),
            request.method(),
            request.fullPath(),
            request.version(),
            HttpIo.redactedQuery(request.rawQuery()),
            request.authorization() != null,
            bearer == null ? null : SimState.sha256Hex(bearer),
            reply.disconnect() ? 0 : reply.status(),
            errorCode(reply)));
    HttpIo.write(exchange, reply);
  }

  private static Integer errorCode(Reply reply) {
    if (reply.status() < 400 || !reply.contentType().startsWith("application/json")) {
      return null;
    }
    return MetaJson.tryParseObject(reply.body())
        .map(json -> MetaJson.object(json, "error"))
        .map(error -> error.getInt("code", 0))
        .orElse(null);
  }

  private Reply answer(Request r) {
    // Meta counts a send against the number's throughput when the call arrives; the injected
    // latency (and this machine's wake-up jitter after it) must not move that moment.
    ARRIVED_NANOS.set(System.nanoTime());
    ARRIVED_MICROS.set(SimState.epochMicros());
    long latency = sim.sendLatencyMillis();
    if (latency > 0 && r.method().equals("POST") && r.fullPath().endsWith("/messages")) {
      sleep(latency);
    }
    Fault failedStatus = null;
    Optional<Fault> fault = sim.takeFault(r.method(), r.fullPath());
    if (fault.isPresent()) {
      Fault f = fault.get();
      switch (f.kind()) {
        case HTTP_STATUS -> {
          Reply raw =
              f.body() == null
                  ? Reply.bytes(f.status(), "text/plain; charset=UTF-8", new byte[0])
                  : Reply.bytes(
                      f.status(),
                      f.body().startsWith("{")
                          ? "application/json; charset=UTF-8"
                          : "text/plain; charset=UTF-8",
                      f.body().getBytes(StandardCharsets.UTF_8));
          return f.status() == 429 || f.status() == 503 ? raw.withHeader("Retry-After", "1") : raw;
        }
        case META_ERROR -> throw GraphError.fromFault(f);
        case DISCONNECT -> {
          return Reply.disconnected();
        }
        case DELAY -> sleep(f.millis());
        case FAILED_STATUS -> failedStatus = f;
      }
    }
    return route(r, failedStatus);
  }

  private Reply route(Request r, Fault failedStatus) {
    List<String> s = r.segments();
    if (s.size() == 2 && s.get(0).equals("media-download") && r.version() == null) {
      if (sim.mediaLinksRedirect()) {
        return Reply.bytes(302, "text/plain; charset=UTF-8", new byte[0])
            .withHeader(
                "Location", sim.mediaBaseUrl() + "/media-moved/" + s.get(1) + "?" + r.rawQuery());
      }
      return mediaDownload(r, s.get(1));
    }
    if (s.size() == 2 && s.get(0).equals("media-moved") && r.version() == null) {
      return mediaDownload(r, s.get(1));
    }
    if (s.size() == 2 && s.get(0).equals("oauth") && s.get(1).equals("access_token")) {
      requireMethod(r, "GET", "oauth");
      return exchangeCode(r);
    }
    if (s.size() == 1 && s.get(0).equals("debug_token")) {
      requireMethod(r, "GET", "debug_token");
      return debugToken(r);
    }
    if (s.isEmpty() || s.size() > 2) {
      throw GraphError.of(2500, "Unknown path components: " + r.fullPath());
    }
    if (s.size() == 1 && s.get(0).startsWith("upload:") && r.method().equals("POST")) {
      return uploadChunk(r, s.get(0));
    }
    TokenGrant grant = authenticate(r);
    String id = s.get(0);
    if (s.size() == 1) {
      return switch (r.method()) {
        case "GET" -> getObject(r, grant, id);
        case "DELETE" -> deleteMedia(r, grant, id);
        default -> throw GraphError.unknownObject(r.method(), id);
      };
    }
    String edge = s.get(1);
    return switch (edge + " " + r.method()) {
      case "subscribed_apps GET", "subscribed_apps POST", "subscribed_apps DELETE" ->
          subscribedApps(r, grant, id);
      case "register POST" -> register(r, grant, id);
      case "deregister POST" -> deregister(r, grant, id);
      case "messages POST" -> messages(r, grant, id, failedStatus);
      case "media POST" -> uploadMedia(r, grant, id);
      case "uploads POST" -> openUploadSession(r, grant, id);
      case "message_templates GET" -> listTemplates(r, grant, id);
      case "message_templates POST" -> createTemplate(r, grant, id);
      case "message_templates DELETE" -> deleteTemplate(r, grant, id);
      case "phone_numbers GET" -> phoneNumbers(r, grant, id);
      default -> throw GraphError.unknownObject(r.method(), id + "/" + edge);
    };
  }

  private static void requireMethod(Request r, String method, String what) {
    if (!r.method().equals(method)) {
      throw GraphError.unknownObject(r.method(), what);
    }
  }

  // --- authentication and authorisation ---

  private TokenGrant authenticate(Request r) {
    String token = r.bearer();
    if (token == null) {
      throw GraphError.missingToken();
    }
    TokenGrant grant = state.grant(token).orElseThrow(GraphError::unknownToken);
    return requireValid(grant);
  }

  private TokenGrant requireValid(TokenGrant grant) {
    TokenState effective = effectiveState(grant);
    if (effective == TokenState.REVOKED) {
      throw GraphError.token(
          460,
          "Error validating access token: The session has been invalidated because the user changed"
              + " their password or Facebook has changed the session for security reasons.");
    }
    if (effective == TokenState.EXPIRED) {
      throw GraphError.token(463, "Error validating access token: Session has expired.");
    }
    return grant;
  }

  private TokenState effectiveState(TokenGrant grant) {
    if (grant.state() == TokenState.VALID
        && grant.expiresAt() != null
        && !grant.expiresAt().isAfter(state.now())) {
      return TokenState.EXPIRED;
    }
    return grant.state();
  }

  private static void authorise(
      Request r, TokenGrant grant, String wabaId, String scope, String objectId) {
    if (!grant.wabaIds().contains(wabaId)) {
      throw GraphError.unknownObject(r.method(), objectId);
    }
    if (!grant.scopes().contains(scope)) {
      throw new GraphError(
          403,
          200,
          null,
          "(#200) Requires " + scope + " permission to manage the object",
          "The access token lacks the " + scope + " permission.");
    }
  }

  private PhoneNumber number(Request r, TokenGrant grant, String pnid, String scope) {
    PhoneNumber number =
        state.number(pnid).orElseThrow(() -> GraphError.unknownObject(r.method(), pnid));
    authorise(r, grant, number.wabaId(), scope, pnid);
    return number;
  }

  private SimState.Waba waba(Request r, TokenGrant grant, String wabaId, String scope) {
    SimState.Waba waba = state.wabas.get(wabaId);
    if (waba == null) {
      throw GraphError.unknownObject(r.method(), wabaId);
    }
    authorise(r, grant, wabaId, scope, wabaId);
    return waba;
  }

  // --- embedded signup ---

  private Reply exchangeCode(Request r) {
    String clientId = requireParam(r, "client_id");
    String clientSecret = requireParam(r, "client_secret");
    String code = requireParam(r, "code");
    if (!clientId.equals(sim.appId())) {
      throw new GraphError(
          400,
          101,
          null,
          "Error validating application. Invalid application ID.",
          "Invalid application ID.");
    }
    if (!MessageDigest.isEqual(
        clientSecret.getBytes(StandardCharsets.UTF_8),
        sim.appSecret().getBytes(StandardCharsets.UTF_8))) {
      throw new GraphError(
          400, 1, null, "Error validating client secret.", "Error validating client secret.");
    }
    SimState.SignupCode signup = state.codes.get(code);
    if (signup == null) {
      throw GraphError.invalidParameter("Invalid verification code format.");
    }
    if (!state.usedCodes.add(code)) {
      throw GraphError.invalidParameter("This authorization code has been used.")
          .withSubcode(36009);
    }
    if (signup.issuedAt().plus(CODE_TTL).isBefore(state.now())) {
      throw GraphError.invalidParameter("This authorization code has expired.").withSubcode(36007);
    }
    String token = state.issueToken(Set.of(signup.wabaId()), signup.scopes());
    sim.tokenIssued(token);
    return Reply.ok(
        JSON.createObjectBuilder().add("access_token", token).add("token_type", "bearer").build());
  }

  private Reply debugToken(Request r) {
    String caller = r.bearer();
    if (caller == null) {
      throw GraphError.missingToken();
    }
    if (!caller.equals(sim.appAccessToken())) {
      requireValid(state.grant(caller).orElseThrow(GraphError::unknownToken));
    }
    String input = requireParam(r, "input_token");
    JsonObjectBuilder data = JSON.createObjectBuilder();
    if (input.equals(sim.appAccessToken())) {
      data.add("app_id", sim.appId())
          .add("type", "APP")
          .add("application", sim.appName())
          .add("is_valid", true);
      return Reply.ok(JSON.createObjectBuilder().add("data", data).build());
    }
    Optional<TokenGrant> found = state.grant(input);
    if (found.isEmpty()) {
      data.add(
              "error",
              JSON.createObjectBuilder()
                  .add("code", 190)
                  .add("message", "Invalid OAuth access token - Cannot parse access token."))
          .add("is_valid", false)
          .add("scopes", JSON.createArrayBuilder());
      return Reply.ok(JSON.createObjectBuilder().add("data", data).build());
    }
    TokenGrant grant = found.get();
    TokenState effective = effectiveState(grant);
    data.add("app_id", sim.appId())
        .add("type", "SYSTEM_USER")
        .add("application", sim.appName())
        .add("data_access_expires_at", 0)
        .add("expires_at", grant.expiresAt() == null ? 0 : grant.expiresAt().getEpochSecond())
        .add("is_valid", effective == TokenState.VALID)
        .add("issued_at", grant.issuedAt().getEpochSecond());
    if (effective != TokenState.VALID) {
      data.add(
          "error",
          JSON.createObjectBuilder()
              .add("code", 190)
              .add(
                  "message",
                  effective == TokenState.REVOKED
                      ? "The session has been invalidated."
                      : "Session has expired.")
              .add("subcode", effective == TokenState.REVOKED ? 460 : 463));
    }
    JsonArrayBuilder scopes = JSON.createArrayBuilder();
    JsonArrayBuilder granular = JSON.createArrayBuilder();
    List<String> targets = grant.wabaIds().stream().sorted().toList();
    for (String scope : grant.scopes()) {
      scopes.add(scope);
      JsonObjectBuilder g = JSON.createObjectBuilder().add("scope", scope);
      if (scope.startsWith("whatsapp_")) {
        g.add("target_ids", JSON.createArrayBuilder(targets));
      }
      granular.add(g);
    }
    data.add("scopes", scopes).add("granular_scopes", granular).add("user_id", grant.userId());
    return Reply.ok(JSON.createObjectBuilder().add("data", data).build());
  }

  private Reply subscribedApps(Request r, TokenGrant grant, String wabaId) {
    waba(r, grant, wabaId, MANAGEMENT);
    switch (r.method()) {
      case "POST" -> {
        String override = r.anyParam("override_callback_uri");
        if (override != null && r.anyParam("verify_token") == null) {
          throw GraphError.missingParameter("verify_token");
        }
        if (override != null && !override.matches("^https?://[^\\s]+$")) {
          throw GraphError.invalidParameter("Param override_callback_uri must be a URL.");
        }
        state.subscriptions.put(
            wabaId, new SimState.Subscription(wabaId, sim.appId(), override, state.now()));
        return success();
      }
      case "DELETE" -> {
        state.subscriptions.remove(wabaId);
        return success();
      }
      default -> {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        SimState.Subscription sub = state.subscriptions.get(wabaId);
        if (sub != null) {
          JsonObjectBuilder app =
              JSON.createObjectBuilder()
                  .add(
                      "whatsapp_business_api_data",
                      JSON.createObjectBuilder()
                          .add("link", "https://www.facebook.com/games/?app_id=" + sub.appId())
                          .add("name", sim.appName())
                          .add("id", sub.appId()));
          if (sub.overrideCallbackUri() != null) {
            app.add("override_callback_uri", sub.overrideCallbackUri());
          }
          data.add(app);
        }
        return Reply.ok(JSON.createObjectBuilder().add("data", data).build());
      }
    }
  }

  private Reply register(Request r, TokenGrant grant, String pnid) {
    number(r, grant, pnid, MANAGEMENT);
    JsonObject body = jsonBody(r);
    MessageRules.requireWhatsApp(body);
    String pin = MetaJson.string(body, "pin");
    if (pin == null) {
      throw GraphError.missingParameter("pin");
    }
    if (!pin.matches("^[0-9]{6}$")) {
      throw GraphError.invalidParameter("Param pin must be 6 digits.");
    }
    synchronized (state.numbers) {
      PhoneNumber current = state.numbers.get(pnid);
      if (current.pin() != null && !current.pin().equals(pin)) {
        throw GraphError.of(133005);
      }
      state.updateNumber(pnid, n -> n.withRegistration(true, "CONNECTED", pin));
    }
    return success();
  }

  private Reply deregister(Request r, TokenGrant grant, String pnid) {
    number(r, grant, pnid, MANAGEMENT);
    state.updateNumber(pnid, n -> n.withRegistration(false, "DISCONNECTED", n.pin()));
    return success();
  }

  // --- objects and health ---

  private Reply getObject(Request r, TokenGrant grant, String id) {
    List<String> fields = fields(r.param("fields"));
    if (state.numbers.containsKey(id)) {
      PhoneNumber number = number(r, grant, id, MANAGEMENT);
      return Reply.ok(numberJson(number, fields.isEmpty() ? NUMBER_DEFAULT_FIELDS : fields));
    }
    if (state.wabas.containsKey(id)) {
      return Reply.ok(wabaJson(waba(r, grant, id, MANAGEMENT), fields));
    }
    Media media = state.media.get(id);
    if (media != null && media.expiresAt().isAfter(state.now())) {
      if (media.ownerWabaId() != null) {
        authorise(r, grant, media.ownerWabaId(), MESSAGING, id);
      }
      Instant expires = state.now().plus(MEDIA_URL_TTL);
      String url =
          sim.mediaBaseUrl()
              + "/media-download/"
              + id
              + "?expires="
              + expires.getEpochSecond()
              + "&sig="
              + mediaSignature(id, expires.getEpochSecond());
      return Reply.ok(
          JSON.createObjectBuilder()
              .add("messaging_product", "whatsapp")
              .add("url", url)
              .add("mime_type", media.mimeType())
              .add("sha256", media.sha256())
              .add("file_size", media.bytes().length)
              .add("id", id)
              .build());
    }
    throw GraphError.unknownObject(r.method(), id);
  }

  private static List<String> fields(String param) {
    if (param == null || param.isBlank()) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : param.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        fields.add(current.toString().trim());
        current.setLength(0);
      } else if (depth == 0) {
        current.append(c);
      }
    }
    fields.add(current.toString().trim());
    return fields.stream().filter(f -> !f.isEmpty()).toList();
  }

  private JsonObject numberJson(PhoneNumber n, List<String> fields) {
    Map<String, Function<PhoneNumber, Object>> known = new LinkedHashMap<>();
    known.put("verified_name", PhoneNumber::verifiedName);
    known.put("code_verification_status", x -> "VERIFIED");
    known.put("display_phone_number", PhoneNumber::displayPhoneNumber);
    known.put("quality_rating", PhoneNumber::qualityRating);
    known.put("platform_type", x -> x.registered() ? "CLOUD_API" : "NOT_APPLICABLE");
    known.put(
        "throughput", x -> JSON.createObjectBuilder().add("level", x.throughputLevel()).build());
    known.put("status", PhoneNumber::status);
    known.put("name_status", PhoneNumber::nameStatus);
    known.put("account_mode", x -> "LIVE");
    known.put("whatsapp_business_manager_messaging_limit", PhoneNumber::messagingLimit);
    known.put("messaging_limit_tier", PhoneNumber::messagingLimit);
    known.put("is_official_business_account", x -> Boolean.FALSE);
    known.put("health_status", x -> numberHealth(x));
    JsonObjectBuilder json = JSON.createObjectBuilder();
    for (String field : fields) {
      if (field.equals("id")) {
        continue;
      }
      Function<PhoneNumber, Object> getter = known.get(field);
      if (getter == null) {
        throw GraphError.invalidParameter(
            "Tried accessing nonexisting field ("
                + field
                + ") on node type (WhatsAppBusinessPhoneNumber)");
      }
      add(json, field, getter.apply(n));
    }
    return json.add("id", n.id()).build();
  }

  private JsonObject wabaJson(SimState.Waba waba, List<String> fields) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    for (String field : fields.isEmpty() ? List.of("id", "name") : fields) {
      switch (field) {
        case "id" -> {}
        case "name" -> json.add("name", waba.name());
        case "currency" -> json.add("currency", "USD");
        case "timezone_id" -> json.add("timezone_id", "1");
        case "message_template_namespace" ->
            json.add("message_template_namespace", "sim_" + waba.id());
        case "health_status" -> json.add("health_status", healthStatus(wabaEntities(waba)));
        default ->
            throw GraphError.invalidParameter(
                "Tried accessing nonexisting field ("
                    + field
                    + ") on node type (WhatsAppBusinessAccount)");
      }
    }
    return json.add("id", waba.id()).build();
  }

  private static void add(JsonObjectBuilder json, String key, Object value) {
    if (value instanceof JsonObject o) {
      json.add(key, o);
    } else if (value instanceof Boolean b) {
      json.add(key, b);
    } else {
      json.add(key, String.valueOf(value));
    }
  }

  private JsonObject numberHealth(PhoneNumber n) {
    List<JsonObject> entities = new ArrayList<>();
    SimState.Health own = state.healthOverrides.get(n.id());
    if (own == null) {
      if ("BANNED".equals(n.status())) {
        own = new SimState.Health("BLOCKED", 131031, "The phone number is banned.");
      } else if (!n.registered()) {
        own = new SimState.Health("BLOCKED", 133010, "The phone number is not registered.");
      } else if ("RESTRICTED".equals(n.status())) {
        own = new SimState.Health("LIMITED", 131048, "The phone number is restricted.");
      } else {
        own = new SimState.Health("AVAILABLE", null, null);
      }
    }
    entities.add(entity("PHONE_NUMBER", n.id(), own));
    entities.addAll(wabaEntities(state.wabas.get(n.wabaId())));
    return healthStatus(entities);
  }

  private List<JsonObject> wabaEntities(SimState.Waba waba) {
    SimState.Health available = new SimState.Health("AVAILABLE", null, null);
    return List.of(
        entity("WABA", waba.id(), state.healthOverrides.getOrDefault(waba.id(), available)),
        entity(
            "BUSINESS",
            waba.businessId(),
            state.healthOverrides.getOrDefault(waba.businessId(), available)),
        entity("APP", sim.appId(), available));
  }

  private static JsonObject entity(String type, String id, SimState.Health health) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("entity_type", type)
            .add("id", id)
            .add("can_send_message", health.canSendMessage());
    if (health.errorCode() != null) {
      json.add(
          "errors",
          JSON.createArrayBuilder()
              .add(
                  JSON.createObjectBuilder()
                      .add("error_code", health.errorCode())
                      .add("error_description", health.description())
                      .add("possible_solution", "Check the account in WhatsApp Manager.")));
    }
    return json.build();
  }

  private static JsonObject healthStatus(List<JsonObject> entities) {
    List<String> order = List.of("AVAILABLE", "LIMITED", "BLOCKED");
    String worst = "AVAILABLE";
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (JsonObject e : entities) {
      String can = e.getString("can_send_message");
      if (order.indexOf(can) > order.indexOf(worst)) {
        worst = can;
      }
      array.add(e);
    }
    return JSON.createObjectBuilder().add("can_send_message", worst).add("entities", array).build();
  }

  private Reply phoneNumbers(Request r, TokenGrant grant, String wabaId) {
    waba(r, grant, wabaId, MANAGEMENT);
    List<String> fields = fields(r.param("fields"));
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (PhoneNumber n : state.numbersOf(wabaId)) {
      data.add(numberJson(n, fields.isEmpty() ? NUMBER_DEFAULT_FIELDS : fields));
    }
    return Reply.ok(JSON.createObjectBuilder().add("data", data).build());
  }

  // --- messages ---

  private Reply messages(Request r, TokenGrant grant, String pnid, Fault failedStatus) {
    PhoneNumber number = number(r, grant, pnid, MESSAGING);
    JsonObject body =
        MetaJson.tryParseObject(r.body())
            .orElseThrow(() -> GraphError.invalidParameter("Request body is not valid JSON."));
    if (!number.registered()) {
      throw GraphError.of(133010);
    }
    if ("BANNED".equals(number.status())) {
      throw GraphError.of(131031);
    }
    if ("read".equals(MetaJson.string(body, "status"))) {
      MessageRules.requireWhatsApp(body);
      String messageId = MetaJson.string(body, "message_id");
      if (messageId == null) {
        throw GraphError.missingParameter("message_id");
      }
      state.recordRead(new SimState.MarkedRead(pnid, messageId, state.now()));
      return success();
    }
    MessageRules.Outgoing out = MessageRules.validate(body, number.wabaId(), state);
    int limit = state.throughputOverrides.getOrDefault(pnid, sim.throughputPerSecond());
    if (!state.tryAcquireThroughput(pnid, limit, ARRIVED_NANOS.get())) {
      state.sendRecord(pnid).refused();
      throw GraphError.of(130429);
    }
    // The moment the throughput was counted (the call's arrival) is the send's time in the record.
    long counted = ARRIVED_MICROS.get();
    Integer failure = failedStatus == null ? null : failedStatus.code();
    boolean template = out.template() != null;
    if (!template && !state.serviceWindowOpen(pnid, out.recipient())) {
      switch (sim.serviceWindow()) {
        case REJECT -> throw GraphError.of(131047);
        case FAILED_STATUS -> failure = failure == null ? 131047 : failure;
        case OFF -> {}
      }
    }
    if (failure == null && state.unreachable.contains(out.recipient())) {
      failure = 131026;
    }
    String wamid = WebhookPayloads.newWamid();
    state.sendRecord(pnid).accepted(counted, fingerprint(out.to(), body.toString()));
    state.recordSent(
        new SimState.SentMessage(pnid, wamid, out.to(), out.type(), body, state.now()));
    Customer recipient = recipient(out);
    JsonObjectBuilder contact = JSON.createObjectBuilder().add("input", out.to());
    // Meta answers wa_id for a send to a phone number, user_id for one to a BSUID.
    if (!out.byUserId() && recipient.waId() != null) {
      contact.add("wa_id", recipient.waId());
    }
    if (out.byUserId()) {
      contact.add("user_id", recipient.userId());
    }
    String category = template ? out.template().category().toLowerCase(Locale.ROOT) : "service";
    String pricingType = template ? "regular" : "free_customer_service";
    sim.afterSend(
        number,
        wamid,
        recipient,
        category,
        pricingType,
        failure,
        MetaJson.string(body, "biz_opaque_callback_data"));
    return Reply.ok(
        JSON.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("contacts", JSON.createArrayBuilder().add(contact))
            .add(
                "messages",
                JSON.createArrayBuilder()
                    .add(
                        JSON.createObjectBuilder()
                            .add("id", wamid)
                            .add("message_status", "accepted")))
            .build());
  }

  /** 64 bits of SHA-256 over recipient and request: equal for a message sent twice. */
  private static long fingerprint(String to, String request) {
    byte[] h = SimState.sha256Hex(to + "\n" + request).getBytes(StandardCharsets.US_ASCII);
    return Long.parseUnsignedLong(new String(h, 0, 15, StandardCharsets.US_ASCII), 16);
  }

  private Customer recipient(MessageRules.Outgoing out) {
    Customer known = state.customers.get(out.recipient());
    if (known != null) {
      return known;
    }
    return out.byUserId()
        ? new Customer(null, out.recipient(), null, null)
        : Customer.phone(out.recipient(), null);
  }

  // --- media ---

  private Reply uploadMedia(Request r, TokenGrant grant, String pnid) {
    PhoneNumber number = number(r, grant, pnid, MESSAGING);
    List<HttpIo.Part> parts =
        HttpIo.multipart(r.contentType(), r.body())
            .orElseThrow(
                () -> GraphError.invalidParameter("Media upload must be multipart/form-data."));
    Map<String, HttpIo.Part> byName = new LinkedHashMap<>();
    parts.forEach(p -> byName.putIfAbsent(p.name(), p));
    HttpIo.Part product = byName.get("messaging_product");
    if (product == null) {
      throw GraphError.missingParameter("messaging_product");
    }
    if (!new String(product.content(), StandardCharsets.UTF_8).trim().equals("whatsapp")) {
      throw GraphError.invalidParameter("Param messaging_product must be one of {WHATSAPP}.");
    }
    HttpIo.Part file = byName.get("file");
    if (file == null || file.filename() == null) {
      throw GraphError.missingParameter("file");
    }
    HttpIo.Part typePart = byName.get("type");
    String mime =
        typePart != null
            ? new String(typePart.content(), StandardCharsets.UTF_8).trim()
            : file.contentType();
    if (mime == null || mime.isEmpty()) {
      throw GraphError.missingParameter("type");
    }
    long limit = mediaLimit(mime);
    if (limit == 0) {
      throw GraphError.of(131053, "Unsupported file type " + mime + ".");
    }
    if (file.content().length > limit) {
      throw GraphError.of(
          131053,
          "File of "
              + file.content().length
              + " bytes exceeds "
              + limit
              + " bytes for "
              + mime
              + ".");
    }
    String id =
        // The part's content is already a copy of its own (HttpIo.multipart): kept, not copied
        // again.
        sim.keepMedia(file.content(), mime, file.filename(), number.wabaId(), Duration.ofDays(30));
    return Reply.ok(JSON.createObjectBuilder().add("id", id).build());
  }

  private static long mediaLimit(String mime) {
    String m = mime.toLowerCase(Locale.ROOT);
    if (m.equals("image/jpeg") || m.equals("image/png")) {
      return 5L << 20;
    }
    if (m.equals("image/webp")) {
      return 500L << 10;
    }
    if (m.startsWith("audio/") || m.startsWith("video/")) {
      return 16L << 20;
    }
    if (m.equals("text/plain")
        || m.equals("application/pdf")
        || m.startsWith("application/vnd.")
        || m.equals("application/msword")) {
      return 100L << 20;
    }
    return 0;
  }

  private Reply deleteMedia(Request r, TokenGrant grant, String id) {
    Media media = state.media.get(id);
    if (media == null) {
      throw GraphError.unknownObject(r.method(), id);
    }
    if (media.ownerWabaId() != null) {
      authorise(r, grant, media.ownerWabaId(), MESSAGING, id);
    }
    state.media.remove(id);
    return success();
  }

  private Reply mediaDownload(Request r, String id) {
    authenticate(r);
    Media media = state.media.get(id);
    String expires = r.param("expires");
    boolean valid =
        media != null
            && expires != null
            && expires.matches("^[0-9]{1,12}$")
            && MessageDigest.isEqual(
                mediaSignature(id, Long.parseLong(expires)).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(r.param("sig")).getBytes(StandardCharsets.US_ASCII))
            && Long.parseLong(expires) >= state.now().getEpochSecond();
    if (!valid) {
      return Reply.bytes(
          404, "text/plain; charset=UTF-8", "Not Found".getBytes(StandardCharsets.UTF_8));
    }
    return Reply.bytes(200, media.mimeType(), media.bytes());
  }

  private String mediaSignature(String id, long expires) {
    return SimState.sha256Hex(sim.appSecret() + "|" + id + "|" + expires).substring(0, 32);
  }

  // --- Resumable Upload API (template samples) ---

  private Reply openUploadSession(Request r, TokenGrant grant, String appId) {
    if (!appId.equals(sim.appId())) {
      throw GraphError.unknownObject(r.method(), appId);
    }
    String length = requireParam(r, "file_length");
    String type = requireParam(r, "file_type").toLowerCase(Locale.ROOT);
    long bytes;
    try {
      bytes = Long.parseLong(length);
    } catch (NumberFormatException e) {
      throw GraphError.invalidParameter("Param file_length must be a number.");
    }
    Long limit = TemplateShapes.SAMPLE_TYPES.get(type);
    if (limit == null) {
      throw GraphError.invalidParameter(
          "Param file_type must be one of {application/pdf, image/jpeg, image/jpg, image/png,"
              + " video/mp4} - got \""
              + type
              + "\".");
    }
    if (bytes <= 0 || bytes > limit) {
      throw GraphError.invalidParameter(
          "Param file_length must be 1 to " + limit + " for " + type + " - got " + bytes + ".");
    }
    String session = "upload:" + SimState.randomToken("", 24).replaceAll("[^A-Za-z0-9]", "");
    String sig = SimState.sha256Hex(sim.appSecret() + "|" + session).substring(0, 16);
    shapes.sessions.put(
        session, new TemplateShapes.Session(appId, bytes, type, SimState.sha256Hex(r.bearer())));
    return Reply.ok(JSON.createObjectBuilder().add("id", session + "?sig=" + sig).build());
  }

  private Reply uploadChunk(Request r, String session) {
    String auth = r.authorization() == null ? "" : r.authorization().trim();
    if (!auth.regionMatches(true, 0, "OAuth ", 0, 6)) {
      throw GraphError.missingToken();
    }
    String token = auth.substring(6).trim();
    requireValid(state.grant(token).orElseThrow(GraphError::unknownToken));
    TemplateShapes.Session open = shapes.sessions.get(session);
    String sig = SimState.sha256Hex(sim.appSecret() + "|" + session).substring(0, 16);
    if (open == null || !sig.equals(r.param("sig"))) {
      throw GraphError.unknownObject(r.method(), session);
    }
    if (!open.tokenHash().equals(SimState.sha256Hex(token))) {
      throw GraphError.unknownObject(r.method(), session);
    }
    if (r.body().length != open.length()) {
      throw GraphError.invalidParameter(
          "The upload has "
              + r.body().length
              + " bytes, the session expects "
              + open.length()
              + ".");
    }
    shapes.sessions.remove(session);
    String handle =
        "4::"
            + java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString(SimState.randomToken("h", 24).getBytes(StandardCharsets.US_ASCII));
    shapes.samples.put(handle, new TemplateShapes.Sample(open.type(), open.length()));
    return Reply.ok(JSON.createObjectBuilder().add("h", handle).build());
  }

  // --- templates ---

  private Reply listTemplates(Request r, TokenGrant grant, String wabaId) {
    waba(r, grant, wabaId, MANAGEMENT);
    String name = r.param("name");
    String status = r.param("status");
    String language = r.param("language");
    List<SimState.Template> matching =
        state.templatesOf(wabaId).stream()
            .filter(t -> name == null || t.name().equals(name))
            .filter(t -> status == null || t.status().equalsIgnoreCase(status))
            .filter(t -> language == null || t.language().equals(language))
            .toList();
    int limit = parseInt(r.param("limit"), 25);
    int start = r.param("after") == null ? 0 : decodeCursor(r.param("after"));
    int end = Math.min(matching.size(), start + Math.max(1, limit));
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (SimState.Template t : matching.subList(Math.min(start, end), end)) {
      data.add(templateJson(t));
    }
    JsonObjectBuilder cursors =
        JSON.createObjectBuilder()
            .add("before", cursor(start))
            .add("after", cursor(Math.max(start, end - 1) + 1));
    JsonObjectBuilder paging = JSON.createObjectBuilder().add("cursors", cursors);
    if (end < matching.size()) {
      paging.add(
          "next",
          sim.baseUrl()
              + "/"
              + (r.version() == null ? sim.graphVersion() : r.version())
              + "/"
              + wabaId
              + "/message_templates?limit="
              + limit
              + "&after="
              + cursor(end));
    }
    return Reply.ok(JSON.createObjectBuilder().add("data", data).add("paging", paging).build());
  }

  private static JsonObject templateJson(SimState.Template t) {
    return JSON.createObjectBuilder()
        .add("name", t.name())
        .add("components", t.components())
        .add("language", t.language())
        .add("status", t.status())
        .add("category", t.category())
        .add("rejected_reason", t.rejectedReason() == null ? "NONE" : t.rejectedReason())
        .add("id", t.id())
        .build();
  }

  private Reply createTemplate(Request r, TokenGrant grant, String wabaId) {
    waba(r, grant, wabaId, MANAGEMENT);
    JsonObject body = jsonBody(r);
    String name = MetaJson.string(body, "name");
    String language = MetaJson.string(body, "language");
    String category = MetaJson.string(body, "category");
    JsonArray components = MetaJson.array(body, "components");
    if (name == null) {
      throw GraphError.missingParameter("name");
    }
    if (!TEMPLATE_NAME.matcher(name).matches()) {
      throw GraphError.invalidParameter(
          "Param name may only contain lowercase letters, digits and underscores.");
    }
    if (language == null) {
      throw GraphError.missingParameter("language");
    }
    if (category == null) {
      throw GraphError.missingParameter("category");
    }
    String upperCategory = category.toUpperCase(Locale.ROOT);
    if (!CATEGORIES.contains(upperCategory)) {
      throw GraphError.invalidParameter(
          "Param category must be one of {MARKETING, UTILITY, AUTHENTICATION} - got \""
              + category
              + "\".");
    }
    if (components == null
        || components.stream()
            .noneMatch(
                c ->
                    c instanceof JsonObject o
                        && "BODY".equalsIgnoreCase(MetaJson.string(o, "type")))) {
      throw GraphError.missingParameter("components (with a BODY)");
    }
    List<String> problems =
        shapes.problems(upperCategory, MetaJson.string(body, "parameter_format"), components);
    if (!problems.isEmpty()) {
      throw GraphError.invalidParameter(String.join("; ", problems));
    }
    SimState.Template created =
        sim.createTemplate(
            wabaId,
            name,
            language,
            upperCategory,
            "PENDING",
            TemplateShapes.stored(upperCategory, components));
    return Reply.ok(
        JSON.createObjectBuilder()
            .add("id", created.id())
            .add("status", created.status())
            .add("category", created.category())
            .build());
  }

  private Reply deleteTemplate(Request r, TokenGrant grant, String wabaId) {
    waba(r, grant, wabaId, MANAGEMENT);
    String name = requireParam(r, "name");
    String hsmId = r.param("hsm_id");
    List<SimState.Template> doomed =
        state.templatesOf(wabaId).stream()
            .filter(t -> t.name().equals(name) && (hsmId == null || t.id().equals(hsmId)))
            .toList();
    if (doomed.isEmpty()) {
      throw GraphError.invalidParameter("Message template \"" + name + "\" not found.");
    }
    doomed.forEach(t -> state.templates.remove(t.id()));
    return success();
  }

  // --- helpers ---

  private static Reply success() {
    return Reply.ok(JSON.createObjectBuilder().add("success", true).build());
  }

  private static JsonObject jsonBody(Request r) {
    return MetaJson.tryParseObject(r.body())
        .orElseThrow(() -> GraphError.invalidParameter("Request body is not valid JSON."));
  }

  private static String requireParam(Request r, String name) {
    String value = r.anyParam(name);
    if (value == null || value.isEmpty()) {
      throw GraphError.missingParameter(name);
    }
    return value;
  }

  private static int parseInt(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String cursor(int index) {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
  }

  private static int decodeCursor(String cursor) {
    try {
      return Integer.parseInt(
          new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw GraphError.invalidParameter("Invalid cursor.");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
