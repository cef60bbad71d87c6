package in.picode.kretanote.sandbox.meta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import in.picode.kretanote.sandbox.meta.HttpIo.Reply;
import in.picode.kretanote.sandbox.meta.HttpIo.Request;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * {@code /_sim/...}: drives the simulator over HTTP, for a sandbox user without a browser or a test
 * in another JVM. Unauthenticated by design; the simulator listens on loopback only.
 *
 * <pre>
 * POST   /_sim/faults                    a fault object or an array of them
 * GET    /_sim/faults                    pending faults
 * DELETE /_sim/faults                    clear faults
 * POST   /_sim/signup-codes              {waba_id, phone_number_id, display_phone_number, verified_name, scopes?}
 * POST   /_sim/numbers/{pnid}            {quality_rating?, status?, messaging_limit?, throughput_per_second?}
 * POST   /_sim/tokens/revoke             {token} or {waba_id}
 * POST   /_sim/tokens/expire             {token} or {waba_id}
 * DELETE /_sim/subscriptions/{waba}      unsubscribe the app
 * POST   /_sim/subscriptions/{waba}      {override_callback_uri}: this WABA's webhooks go there
 * POST   /_sim/templates/{waba}          {name, language, status, reason?}
 * POST   /_sim/review                    {delay_ms?, reject_pattern?, reason?}: how new templates are
 *                                        reviewed (sandbox: approved after 5 s, reject_.* rejected)
 * GET    /_sim/review                    the review settings
 * POST   /_sim/customers/{pnid}/messages {text, wa_id?, user_id?, name?, username?}, or instead of
 *                                        text a media message: {type: image|document|audio|video|
 *                                        sticker, media: {base64, mime_type, caption?, filename?,
 *                                        voice?, animated?} or media: {id} of a POST /_sim/media},
 *                                        or interactive: {type: list_reply|button_reply, id, title,
 *                                        description?} with context_id (the message answered)
 * POST   /_sim/media                     {mime_type, base64}
 * POST   /_sim/media-links               {host?, redirect?} where media download links point
 * GET    /_sim/sent/{pnid}               messages accepted from that number
 * GET    /_sim/calls                     the Graph call log
 * POST   /_sim/latency                   {millis}: latency of every send from now on (0: none)
 * GET    /_sim/send-record/{pnid}        accepted sends [epoch micros, fingerprint] and 130429 refusals
 * POST   /_sim/clock                     {advance_seconds}
 * POST   /_sim/reset                     forget everything
 * </pre>
 */
final class ControlApi implements HttpHandler {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final MetaSimulator sim;

  ControlApi(MetaSimulator sim) {
    this.sim = sim;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Request r = HttpIo.read(exchange);
    Reply reply;
    try {
      reply = route(r);
    } catch (IllegalArgumentException
        | IllegalStateException
        | NullPointerException
        | ClassCastException
        | JsonException e) {
      reply = problem(400, e.getMessage());
    } catch (GraphError e) {
      reply = Reply.error(e);
    }
    HttpIo.write(exchange, reply);
  }

  private Reply route(Request r) {
    List<String> s = r.segments();
    if (s.size() < 2) {
      return problem(404, "unknown control path");
    }
    String what = s.get(1);
    String arg = s.size() > 2 ? s.get(2) : null;
    return switch (r.method() + " " + what + (s.size() > 3 ? "/" + s.get(3) : "")) {
      case "GET faults" -> faults();
      case "DELETE faults" -> {
        sim.clearFaults();
        yield faults();
      }
      case "POST faults" -> addFaults(r);
      case "POST signup-codes" -> signupCode(body(r));
      case "POST numbers" -> number(require(arg, "pnid"), body(r));
      case "POST tokens" -> tokens(require(arg, "revoke|expire"), body(r));
      case "POST subscriptions" -> {
        sim.overrideCallback(
            require(arg, "waba id"), body(r).getString("override_callback_uri", null));
        yield ok(JSON.createObjectBuilder().add("success", true));
      }
      case "DELETE subscriptions" -> {
        sim.unsubscribeApp(require(arg, "waba id"));
        yield ok(JSON.createObjectBuilder().add("success", true));
      }
      case "POST templates" -> template(require(arg, "waba id"), body(r));
      case "GET review" -> review();
      case "POST review" -> {
        JsonObject b = body(r);
        TemplateReview now = sim.templateReview();
        sim.setTemplateReview(
            TemplateReview.of(
                b.containsKey("delay_ms")
                    ? b.getJsonNumber("delay_ms").longValue()
                    : now.delay().toMillis(),
                b.containsKey("reject_pattern")
                    ? b.getString("reject_pattern", null)
                    : now.reject() == null ? null : now.reject().pattern(),
                b.getString("reason", now.reason())));
        yield review();
      }
      case "POST customers/messages" -> customerMessage(require(arg, "pnid"), body(r));
      case "POST calls" -> call(require(arg, "pnid"), body(r));
      case "POST permission-replies" -> permissionReply(require(arg, "pnid"), body(r));
      case "POST referrals" -> referral(require(arg, "pnid"), body(r));
      case "POST system-messages" -> systemMessage(require(arg, "pnid"), body(r));
      case "POST template-updates" -> templateUpdate(require(arg, "waba id"), body(r));
      case "POST media" -> media(body(r));
      case "POST media-links" -> {
        JsonObject b = body(r);
        sim.setMediaLinks(b.getString("host", null), b.getBoolean("redirect", false));
        yield ok(JSON.createObjectBuilder().add("success", true));
      }
      case "GET sent" -> sent(require(arg, "pnid"));
      case "GET calls" -> calls();
      case "POST latency" -> {
        sim.setSendLatency(Duration.ofMillis(body(r).getJsonNumber("millis").longValue()));
        yield ok(JSON.createObjectBuilder().add("millis", sim.sendLatencyMillis()));
      }
      case "GET send-record" -> sendRecord(require(arg, "pnid"));
      case "POST clock" -> {
        sim.advanceClock(Duration.ofSeconds(body(r).getJsonNumber("advance_seconds").longValue()));
        yield ok(JSON.createObjectBuilder().add("now", sim.now().toString()));
      }
      case "POST reset" -> {
        sim.reset();
        yield ok(JSON.createObjectBuilder().add("success", true));
      }
      default -> problem(404, "unknown control path " + r.method() + " " + r.fullPath());
    };
  }

  private Reply review() {
    TemplateReview t = sim.templateReview();
    JsonObjectBuilder out =
        JSON.createObjectBuilder().add("delay_ms", t.delay().toMillis()).add("reason", t.reason());
    if (t.reject() == null) {
      out.addNull("reject_pattern");
    } else {
      out.add("reject_pattern", t.reject().pattern());
    }
    return ok(out);
  }

  private Reply faults() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    sim.pendingFaults().forEach(f -> array.add(f.toJson()));
    return ok(JSON.createObjectBuilder().add("faults", array));
  }

  private Reply addFaults(Request r) {
    JsonValue json = JSON.createReader(new ByteArrayInputStream(r.body())).readValue();
    List<JsonValue> items =
        json.getValueType() == JsonValue.ValueType.ARRAY ? json.asJsonArray() : List.of(json);
    List<Fault> parsed = items.stream().map(v -> Fault.fromJson(v.asJsonObject())).toList();
    parsed.forEach(sim::inject);
    return faults();
  }

  private Reply signupCode(JsonObject b) {
    String[] scopes =
        b.containsKey("scopes")
            ? b.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toArray(String[]::new)
            : new String[0];
    String code =
        sim.issueSignupCode(
            b.getString("waba_id"),
            b.getString("phone_number_id"),
            b.getString("display_phone_number"),
            b.getString("verified_name", "Sandbox Business"),
            scopes);
    return ok(JSON.createObjectBuilder().add("code", code));
  }

  private Reply number(String pnid, JsonObject b) {
    if (b.containsKey("quality_rating")) {
      sim.setQuality(pnid, b.getString("quality_rating"));
    }
    if (b.containsKey("status")) {
      sim.setNumberStatus(pnid, b.getString("status"));
    }
    if (b.containsKey("messaging_limit")) {
      sim.setMessagingLimit(pnid, b.getString("messaging_limit"));
    }
    if (b.containsKey("throughput_per_second")) {
      sim.setThroughput(pnid, b.getInt("throughput_per_second"));
    }
    SimState.PhoneNumber n =
        sim.phoneNumber(pnid)
            .orElseThrow(() -> new IllegalArgumentException("unknown number " + pnid));
    return ok(
        JSON.createObjectBuilder()
            .add("id", n.id())
            .add("quality_rating", n.qualityRating())
            .add("status", n.status())
            .add("messaging_limit", n.messagingLimit())
            .add("registered", n.registered()));
  }

  private Reply tokens(String action, JsonObject b) {
    boolean revoke = action.equals("revoke");
    if (!revoke && !action.equals("expire")) {
      throw new IllegalArgumentException("use /_sim/tokens/revoke or /_sim/tokens/expire");
    }
    int changed;
    if (b.containsKey("token")) {
      String token = b.getString("token");
      changed = (revoke ? sim.revokeToken(token) : sim.expireToken(token)) ? 1 : 0;
    } else {
      String waba = b.getString("waba_id");
      changed = revoke ? sim.revokeTokensOf(waba) : sim.expireTokensOf(waba);
    }
    return ok(JSON.createObjectBuilder().add("changed", changed));
  }

  private Reply template(String waba, JsonObject b) {
    sim.setTemplateStatus(
        waba,
        b.getString("name"),
        b.getString("language"),
        b.getString("status"),
        b.getString("reason", null));
    return ok(JSON.createObjectBuilder().add("success", true));
  }

  private Reply customerMessage(String pnid, JsonObject b) {
    Customer customer =
        new Customer(
            b.getString("wa_id", null),
            b.getString("user_id", null),
            b.getString("name", null),
            b.getString("username", null));
    if (b.containsKey("interactive")) {
      return ok(JSON.createObjectBuilder().add("id", customerAnswers(pnid, customer, b)));
    }
    if (!b.containsKey("media")) {
      String id = sim.customerWrites(pnid, customer, b.getString("text"));
      return ok(JSON.createObjectBuilder().add("id", id));
    }
    JsonObject m = b.getJsonObject("media");
    String type = b.getString("type", "image");
    String mediaId =
        m.containsKey("id")
            ? m.getString("id")
            : sim.addMedia(
                Base64.getDecoder().decode(m.getString("base64")),
                m.getString("mime_type", type.equals("sticker") ? "image/webp" : null));
    SimState.Media stored =
        sim.media(mediaId)
            .orElseThrow(() -> new IllegalArgumentException("no media with id " + mediaId));
    String mime = stored.mimeType();
    String sha = stored.sha256();
    String caption = m.getString("caption", null);
    WebhookPayloads.Inbound message =
        switch (type) {
          case "image" -> WebhookPayloads.Inbound.image(customer, mediaId, mime, sha, caption);
          case "video" -> WebhookPayloads.Inbound.video(customer, mediaId, mime, sha, caption);
          case "audio" ->
              WebhookPayloads.Inbound.audio(
                  customer, mediaId, mime, sha, m.getBoolean("voice", false));
          case "document" ->
              WebhookPayloads.Inbound.document(
                  customer, mediaId, mime, sha, m.getString("filename", "document"), caption);
          case "sticker" ->
              WebhookPayloads.Inbound.sticker(
                  customer, mediaId, sha, m.getBoolean("animated", false));
          default ->
              throw new IllegalArgumentException(
                  "type must be image, document, audio, video or sticker, is " + type);
        };
    String id = sim.customerSends(pnid, message);
    return ok(JSON.createObjectBuilder().add("id", id).add("media_id", mediaId));
  }

  // --- issue 20: inbound shapes (see InboundShapes) ---

  /**
   * {@code {"wa_id", "event": connect|terminate|RINGING|ACCEPTED|REJECTED, "call_id"?,
   * "direction"?: USER_INITIATED|BUSINESS_INITIATED, "status"?, "duration"?}}; answers the call id.
   */
  private Reply call(String pnid, JsonObject b) {
    String waId = b.getString("wa_id");
    String callId = b.getString("call_id", "wacid." + SimState.randomDigits(24));
    String event = b.getString("event");
    java.time.Instant at = sim.now();
    boolean status = !event.equals("connect") && !event.equals("terminate");
    jakarta.json.JsonObjectBuilder item =
        status
            ? InboundShapes.callStatus(callId, event, waId, at)
            : InboundShapes.call(
                callId,
                event,
                b.getString("direction", "USER_INITIATED"),
                waId,
                sim.displayNumber(pnid),
                at,
                b.getString("status", null),
                b.containsKey("duration") ? b.getInt("duration") : null);
    sim.emitForNumber(
        pnid, "calls", InboundShapes.callsValue(waId, b.getString("name", null), item, status));
    return ok(JSON.createObjectBuilder().add("id", callId));
  }

  /** {@code {"wa_id", "response": accept|reject, "permanent"?, "expiration_timestamp"?}}. */
  private Reply permissionReply(String pnid, JsonObject b) {
    String waId = b.getString("wa_id");
    String wamid = WebhookPayloads.newWamid();
    sim.emitForNumber(
        pnid,
        "messages",
        InboundShapes.messagesValue(
            waId,
            b.getString("name", null),
            InboundShapes.permissionReply(
                waId,
                wamid,
                sim.now(),
                b.getString("response"),
                b.getBoolean("permanent", false),
                b.containsKey("expiration_timestamp")
                    ? b.getJsonNumber("expiration_timestamp").longValue()
                    : null),
            true));
    return ok(JSON.createObjectBuilder().add("id", wamid));
  }

  /** {@code {"wa_id", "text", "referral": {source_url, source_id, headline, ...}}}. */
  private Reply referral(String pnid, JsonObject b) {
    String waId = b.getString("wa_id");
    String wamid = WebhookPayloads.newWamid();
    sim.openServiceWindow(pnid, Customer.phone(waId, null), sim.now());
    sim.emitForNumber(
        pnid,
        "messages",
        InboundShapes.messagesValue(
            waId,
            b.getString("name", null),
            InboundShapes.referred(
                waId, wamid, sim.now(), b.getString("text", "Hi"), b.getJsonObject("referral")),
            true));
    return ok(JSON.createObjectBuilder().add("id", wamid));
  }

  /**
   * {@code {"wa_id", "type": user_changed_number|customer_identity_changed, "new_wa_id"?}}; system
   * messages come without contacts, as Meta sends them.
   */
  private Reply systemMessage(String pnid, JsonObject b) {
    String waId = b.getString("wa_id");
    String wamid = WebhookPayloads.newWamid();
    sim.emitForNumber(
        pnid,
        "messages",
        InboundShapes.messagesValue(
            waId,
            null,
            InboundShapes.system(
                waId,
                wamid,
                sim.now(),
                b.getString("type"),
                b.getString("new_wa_id", null),
                b.getString("name", null)),
            false));
    return ok(JSON.createObjectBuilder().add("id", wamid));
  }

  /**
   * {@code {"kind": quality|category|components, "message_template_name",
   * "message_template_language", ...the field's own keys}}; the template id is the simulator's when
   * it knows the template, else {@code message_template_id} from the body (or none).
   */
  private Reply templateUpdate(String waba, JsonObject b) {
    String kind = b.getString("kind");
    String id =
        sim.templateId(
                waba,
                b.getString("message_template_name", ""),
                b.getString("message_template_language", ""))
            .orElse(null);
    JsonObject value = InboundShapes.templateUpdate(id, b);
    sim.emitForAccount(waba, InboundShapes.field(kind), value);
    return ok(JSON.createObjectBuilder().add("field", InboundShapes.field(kind)));
  }

  private Reply media(JsonObject b) {
    byte[] bytes = Base64.getDecoder().decode(b.getString("base64"));
    return ok(JSON.createObjectBuilder().add("id", sim.addMedia(bytes, b.getString("mime_type"))));
  }

  /**
   * The customer taps a reply button or a list row of the message {@code context_id}: the webhook
   * carries {@code interactive.button_reply} or {@code interactive.list_reply} with that context.
   */
  private String customerAnswers(String pnid, Customer customer, JsonObject b) {
    JsonObject i = b.getJsonObject("interactive");
    String kind = i.getString("type");
    WebhookPayloads.Inbound answer =
        switch (kind) {
          case "list_reply" ->
              WebhookPayloads.Inbound.listReply(
                  customer,
                  i.getString("id"),
                  i.getString("title"),
                  i.getString("description", null));
          case "button_reply" ->
              WebhookPayloads.Inbound.buttonReply(
                  customer, i.getString("id"), i.getString("title"));
          default ->
              throw new IllegalArgumentException(
                  "interactive.type must be list_reply or button_reply, is " + kind);
        };
    String context = b.getString("context_id", null);
    return sim.customerSends(pnid, context == null ? answer : answer.replyTo(context));
  }

  private Reply sent(String pnid) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (SimState.SentMessage m : sim.sentMessages(pnid)) {
      array.add(
          JSON.createObjectBuilder()
              .add("wamid", m.wamid())
              .add("to", m.to())
              .add("type", m.type())
              .add("at", m.at().toString())
              .add("request", m.request()));
    }
    return ok(JSON.createObjectBuilder().add("messages", array));
  }

  private Reply sendRecord(String pnid) {
    SimState.SendRecord record = sim.sendRecord(pnid);
    JsonArrayBuilder sends = JSON.createArrayBuilder();
    for (long[] s : record.acceptedSends()) {
      sends.add(JSON.createArrayBuilder().add(s[0]).add(Long.toHexString(s[1])));
    }
    return ok(
        JSON.createObjectBuilder()
            .add("refused_throughput", record.refusedThroughput())
            .add("accepted", sends));
  }

  private Reply calls() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (SimState.Call c : sim.calls()) {
      JsonObjectBuilder call =
          JSON.createObjectBuilder()
              .add("at", c.at().toString())
              .add("method", c.method())
              .add("path", c.path())
              .add("authorization_present", c.authorizationPresent())
              .add("status", c.status());
      if (c.version() != null) {
        call.add("version", c.version());
      }
      if (c.query() != null) {
        call.add("query", c.query());
      }
      if (c.tokenSha256() != null) {
        call.add("token_sha256", c.tokenSha256());
      }
      if (c.errorCode() != null) {
        call.add("error_code", c.errorCode());
      }
      array.add(call);
    }
    return ok(JSON.createObjectBuilder().add("calls", array));
  }

  private static JsonObject body(Request r) {
    return MetaJson.tryParseObject(r.body())
        .orElseThrow(() -> new IllegalArgumentException("body is not a JSON object"));
  }

  private static String require(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + what + " in the path");
    }
    return value;
  }

  private static Reply ok(JsonObjectBuilder json) {
    return Reply.ok(json.build());
  }

  private static Reply problem(int status, String message) {
    return Reply.json(
        status, JSON.createObjectBuilder().add("error", String.valueOf(message)).build());
  }
}
