package in.picode.kretanote.meta.boundary;

import in.picode.kretanote.meta.control.GraphJson;
import in.picode.kretanote.meta.control.GraphSettings;
import in.picode.kretanote.meta.control.GraphTransport;
import in.picode.kretanote.meta.control.GraphUploads;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * KretaNote's client for Meta's Graph API (WhatsApp Cloud API): the calls the connection feature
 * needs now; sending, media and templates join later as further methods over the same {@link
 * GraphTransport}. Every method throws {@link GraphException} on failure, classified by Meta's
 * error code.
 *
 * <p>Configuration is read once at start-up (a change needs a redeploy or restart): {@code
 * kretanote.meta.graph-url}, {@code kretanote.meta.graph-version}, {@code kretanote.meta.app-id},
 * {@code kretanote.meta.app-secret} (a password alias in production), {@code
 * kretanote.meta.connect-timeout}, {@code kretanote.meta.read-timeout}.
 */
@ApplicationScoped
public class GraphApi {

  private static final Pattern ID = Pattern.compile("[0-9]{1,32}");

  @Inject
  @ConfigProperty(name = "kretanote.meta.graph-url", defaultValue = "https://graph.facebook.com")
  String graphUrl;

  @Inject
  @ConfigProperty(name = "kretanote.meta.graph-version", defaultValue = "v23.0")
  String graphVersion;

  @Inject
  @ConfigProperty(name = "kretanote.meta.app-id")
  Optional<String> appId;

  @Inject
  @ConfigProperty(name = "kretanote.meta.app-secret")
  Optional<String> appSecret;

  @Inject
  @ConfigProperty(name = "kretanote.meta.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "kretanote.meta.read-timeout", defaultValue = "PT20S")
  Duration readTimeout;

  @Inject
  @ConfigProperty(name = "kretanote.sandbox", defaultValue = "false")
  boolean sandbox;

  private GraphTransport transport;

  public GraphApi() {}

  /** For tests and tools outside a container. */
  public GraphApi(GraphSettings settings) {
    this.transport = new GraphTransport(settings);
  }

  @PostConstruct
  void start() {
    transport =
        new GraphTransport(
            new GraphSettings(
                graphUrl,
                graphVersion,
                appId.orElse(null),
                appSecret.orElse(null),
                connectTimeout,
                readTimeout),
            sandbox);
  }

  @PreDestroy
  void stop() {
    transport.close();
  }

  public GraphSettings settings() {
    return transport.settings();
  }

  /** Embedded Signup step 1: the one-time code from the browser becomes a business token. */
  public AccessToken exchangeCode(String code) {
    GraphSettings s = requireAppCredentials();
    if (code == null || code.isBlank() || code.length() > 2048) {
      throw new IllegalArgumentException("Not a signup code");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", s.appId());
    query.put("client_secret", s.appSecret());
    query.put("code", code.strip());
    JsonObject answer =
        transport.getWithSecretQuery("exchange code", null, "oauth/access_token", query);
    String token = answer.getString("access_token", null);
    if (token == null) {
      throw new GraphException(
          "exchange code",
          200,
          null,
          null,
          "no access_token in the answer",
          null,
          null,
          ErrorClass.PERMANENT);
    }
    return AccessToken.of(token);
  }

  /** What Meta says about a token, asked with the app's own token (app id and secret). */
  public TokenInfo debugToken(AccessToken token) {
    GraphSettings s = requireAppCredentials();
    AccessToken app = AccessToken.of(s.appId() + "|" + s.appSecret());
    JsonObject answer =
        transport.getWithSecretQuery(
            "inspect token", app, "debug_token", Map.of("input_token", token.value()));
    return GraphJson.tokenInfo(answer);
  }

  public void subscribeApp(AccessToken token, String wabaId) {
    transport.post("subscribe app", token, id(wabaId) + "/subscribed_apps", null);
  }

  public void unsubscribeApp(AccessToken token, String wabaId) {
    transport.delete("unsubscribe app", token, id(wabaId) + "/subscribed_apps");
  }

  public List<SubscribedApp> subscribedApps(AccessToken token, String wabaId) {
    return GraphJson.subscribedApps(
        transport.get("list subscribed apps", token, id(wabaId) + "/subscribed_apps", Map.of()));
  }

  /** Whether this app (by its configured id) is among the WABA's subscribed apps. */
  public boolean isSubscribed(AccessToken token, String wabaId) {
    String self = transport.settings().appId();
    return subscribedApps(token, wabaId).stream()
        .anyMatch(a -> a.appId() != null && a.appId().equals(self));
  }

  /** Registers the number for the Cloud API with its two-step verification PIN (6 digits). */
  public void register(AccessToken token, String phoneNumberId, String pin) {
    if (pin == null || !pin.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("The registration PIN has 6 digits");
    }
    JsonObject body =
        Jsons.createObjectBuilder().add("messaging_product", "whatsapp").add("pin", pin).build();
    transport.post("register number", token, id(phoneNumberId) + "/register", body);
  }

  public void deregister(AccessToken token, String phoneNumberId) {
    transport.post("deregister number", token, id(phoneNumberId) + "/deregister", null);
  }

  public PhoneNumberInfo phoneNumber(AccessToken token, String phoneNumberId) {
    return GraphJson.phoneNumber(
        transport.get(
            "read number", token, id(phoneNumberId), Map.of("fields", PhoneNumberInfo.FIELDS)));
  }

  /** The numbers of a WABA (id, display number, verified name). */
  public List<PhoneNumberInfo> phoneNumbers(AccessToken token, String wabaId) {
    return GraphJson.phoneNumbers(
        transport.get(
            "list numbers",
            token,
            id(wabaId) + "/phone_numbers",
            Map.of("fields", "id,display_phone_number,verified_name")));
  }

  public HealthStatus healthStatus(AccessToken token, String phoneNumberId) {
    return GraphJson.healthStatus(
        transport.get(
            "read health status", token, id(phoneNumberId), Map.of("fields", "health_status")));
  }

  /**
   * Where a media file of a webhook can be downloaded, with its type, checksum and size. Meta
   * answers code 100 (HTTP 400 or 404) for an unknown or expired media id: {@link
   * ErrorClass#PERMANENT}.
   */
  public MediaInfo mediaInfo(AccessToken token, String mediaId) {
    return GraphJson.mediaInfo(transport.get("read media", token, id(mediaId), Map.of()));
  }

  /**
   * Streams the file at {@code info.url()} (fetched with the bearer token) into {@code sink}, at
   * most {@code maxBytes}; returns the number of bytes written. The URL appears in no log line and
   * no exception.
   *
   * @throws MediaTooLargeException when the file is longer than {@code maxBytes}; what was written
   *     so far is incomplete
   * @throws MediaLinkRefusedException when the URL is not on Meta's media hosts (or the configured
   *     Graph host), is plain HTTP outside the sandbox, or answers a redirect: the token never goes
   *     there
   * @throws GraphException when Meta refuses, fails or does not answer; an expired URL (403, 404,
   *     410) is {@link ErrorClass#TRANSIENT}, because a new {@link #mediaInfo} gives a fresh one
   */
  public long downloadMedia(
      AccessToken token, MediaInfo info, long maxBytes, java.io.OutputStream sink) {
    return transport.download("download media", token, info.url(), maxBytes, sink);
  }

  /**
   * {@code POST /{PNID}/messages} with a message object that {@code body} holds whole (the caller
   * builds it: {@code messaging_product}, {@code to}, {@code type} and the type's object). Meta
   * takes no idempotency key: a {@link GraphException} with {@link GraphException#mayHaveArrived()}
   * means the message may have gone out.
   */
  public AcceptedMessage sendMessage(AccessToken token, String phoneNumberId, JsonObject body) {
    JsonObject answer =
        transport.postOnce("send message", token, id(phoneNumberId) + "/messages", body);
    return GraphJson.acceptedMessage(answer);
  }

  /** Marks a customer's message as read (blue ticks on the customer's phone). */
  public void markRead(AccessToken token, String phoneNumberId, String wamid) {
    if (wamid == null || wamid.isBlank() || wamid.length() > 255) {
      throw new IllegalArgumentException("Not a wamid");
    }
    JsonObject body =
        Jsons.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("status", "read")
            .add("message_id", wamid)
            .build();
    transport.post("mark read", token, id(phoneNumberId) + "/messages", body);
  }

  /** {@code POST /{PNID}/media} of bytes already in memory (small files and tests). */
  public String uploadMedia(
      AccessToken token, String phoneNumberId, byte[] bytes, String mimeType, String filename) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("No media to upload");
    }
    return uploadMedia(
        token,
        phoneNumberId,
        bytes.length,
        () -> new java.io.ByteArrayInputStream(bytes),
        mimeType,
        filename);
  }

  /**
   * {@code POST /{PNID}/media} as multipart/form-data, the file's {@code size} bytes streamed from
   * {@code content} as they go out (never held whole in memory); returns the media id to send by.
   * {@code content} may be opened more than once; it must give exactly {@code size} bytes.
   */
  public String uploadMedia(
      AccessToken token,
      String phoneNumberId,
      long size,
      java.util.function.Supplier<java.io.InputStream> content,
      String mimeType,
      String filename) {
    if (size <= 0) {
      throw new IllegalArgumentException("No media to upload");
    }
    if (mimeType == null || !mimeType.matches("[a-z]+/[A-Za-z0-9.+-]{1,100}")) {
      throw new IllegalArgumentException("Not a media type");
    }
    GraphUploads.Multipart form = GraphUploads.mediaForm(mimeType, filename);
    JsonObject answer =
        transport.postStreamOnce(
            "upload media",
            token,
            id(phoneNumberId) + "/media",
            form.contentType(),
            form.length(size),
            () -> form.stream(content));
    String mediaId = answer.getString("id", null);
    if (mediaId == null || mediaId.isBlank()) {
      throw incomplete("upload media", "no media id in the answer");
    }
    return mediaId;
  }

  /**
   * A template's sample media through Meta's Resumable Upload API: {@code POST /{app-id}/uploads}
   * with the file's length, type and name opens an upload session, and the bytes posted to that
   * session answer the file handle {@code h} that a media header's {@code example.header_handle}
   * takes.
   */
  public String uploadTemplateSample(
      AccessToken token, byte[] bytes, String mimeType, String filename) {
    String app = transport.settings().appId();
    if (app == null) {
      throw new IllegalStateException("kretanote.meta.app-id is not configured");
    }
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("No sample to upload");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("file_name", filename == null || filename.isBlank() ? "sample" : filename);
    query.put("file_length", String.valueOf(bytes.length));
    query.put("file_type", mimeType);
    JsonObject session =
        transport.postQuery("open upload session", token, id(app) + "/uploads", query);
    String sessionId = session.getString("id", "");
    Map<String, String> sessionQuery = GraphUploads.sessionQuery(sessionId);
    String path = GraphUploads.sessionPath(sessionId);
    JsonObject uploaded;
    try {
      uploaded =
          transport.postUploadOnce("upload template sample", token, path, sessionQuery, bytes);
    } catch (IllegalArgumentException e) {
      throw incomplete("open upload session", "no upload session id in the answer");
    }
    String handle = uploaded.getString("h", null);
    if (handle == null || handle.isBlank()) {
      throw incomplete("upload template sample", "no file handle in the answer");
    }
    return handle;
  }

  /** Every template of a WABA, following Meta's paging cursors (at most 100 pages). */
  public List<TemplateInfo> templates(AccessToken token, String wabaId) {
    List<TemplateInfo> all = new java.util.ArrayList<>();
    String after = null;
    for (int page = 0; page < 100; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("limit", "100");
      query.put("fields", "id,name,language,category,status,rejected_reason,components");
      if (after != null) {
        query.put("after", after);
      }
      JsonObject answer =
          transport.get("list templates", token, id(wabaId) + "/message_templates", query);
      all.addAll(GraphJson.templates(answer));
      after = GraphJson.nextCursor(answer);
      if (after == null) {
        break;
      }
    }
    return all;
  }

  /** Submits a template for review; returns Meta's template id. */
  public String createTemplate(AccessToken token, String wabaId, JsonObject template) {
    JsonObject answer =
        transport.post("create template", token, id(wabaId) + "/message_templates", template);
    String templateId = answer.getString("id", null);
    if (templateId == null) {
      throw incomplete("create template", "no template id in the answer");
    }
    return templateId;
  }

  /** Deletes a template by name (every language of it, as Meta does). */
  public void deleteTemplate(AccessToken token, String wabaId, String name) {
    if (name == null || !name.matches("[a-z0-9_]{1,512}")) {
      throw new IllegalArgumentException("Not a template name");
    }
    transport.delete(
        "delete template", token, id(wabaId) + "/message_templates", Map.of("name", name));
  }

  private GraphSettings requireAppCredentials() {
    GraphSettings s = transport.settings();
    if (!s.hasAppCredentials()) {
      throw new IllegalStateException(
          "kretanote.meta.app-id and kretanote.meta.app-secret are not configured");
    }
    return s;
  }

  /** Meta's object ids are digits; anything else must never reach a URL path. */
  static String id(String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a Meta object id");
    }
    return value;
  }

  /** A 200 answer that lacks what the call needs: transient, as Meta may answer fully next time. */
  private static GraphException incomplete(String operation, String what) {
    return new GraphException(operation, 200, null, null, what, null, null, ErrorClass.TRANSIENT);
  }
}
