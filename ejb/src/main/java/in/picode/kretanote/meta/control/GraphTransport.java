package in.picode.kretanote.meta.control;

import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * HTTP to the Graph API with the JAX-RS client: builds {@code base/version/path}, sends the token
 * as {@code Authorization: Bearer} (never as a parameter), reads at most {@link
 * GraphAnswers#MAX_BODY} bytes of JSON ({@link GraphAnswers}), and turns every failure into a
 * {@link GraphException}. URLs are never logged and never put into exceptions: two of Meta's calls
 * ({@code oauth/access_token}, {@code debug_token}) take a secret or token in the query string
 * because that is their only documented form.
 *
 * <p>Thread-safe; one instance serves the whole application (the JAX-RS client pools connections).
 */
public final class GraphTransport implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(GraphTransport.class.getName());
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z0-9_]{1,64}(/[A-Za-z0-9_]{1,64}){0,3}");
  private static final Pattern UPLOAD_SESSION = Pattern.compile("upload:[A-Za-z0-9_=-]{1,512}");

  private final GraphSettings settings;
  private final Client http;
  private final java.net.http.HttpClient once;
  private final MediaDownload media;

  public GraphTransport(GraphSettings settings) {
    this(settings, false);
  }

  /** {@code sandbox}: media links on Meta's hosts may be plain HTTP ({@link MediaHosts}). */
  public GraphTransport(GraphSettings settings, boolean sandbox) {
    this.settings = settings;
    this.http =
        ClientBuilder.newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build();
    this.once =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    this.media = new MediaDownload(settings, once, sandbox);
  }

  /**
   * A POST that is sent at most once. The JAX-RS client's default connector (the JDK's
   * HttpURLConnection) silently repeats a POST when the connection drops before an answer, which
   * for a WhatsApp send would be a second message; the JDK's HttpClient never repeats a POST.
   * Failures say whether the request may have reached Meta ({@link
   * GraphException#mayHaveArrived()}).
   */
  public JsonObject postOnce(String operation, AccessToken token, String path, JsonObject body) {
    return sendOnce(
        operation,
        token,
        path,
        MediaType.APPLICATION_JSON,
        java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()),
        settings.readTimeout());
  }

  /**
   * A POST of {@code length} bytes read from {@code body} as they go out (a media upload), sent at
   * most once like {@link #postOnce}: nothing is held in memory beyond the client's buffers. The
   * answer may take the read timeout plus one second per 100 KB, so a large file on a slow line is
   * not cut off.
   */
  public JsonObject postStreamOnce(
      String operation,
      AccessToken token,
      String path,
      String contentType,
      long length,
      Supplier<InputStream> body) {
    return sendOnce(
        operation,
        token,
        path,
        contentType,
        java.net.http.HttpRequest.BodyPublishers.fromPublisher(
            java.net.http.HttpRequest.BodyPublishers.ofInputStream(body), length),
        settings.readTimeout().plusMillis(length / 100));
  }

  /**
   * The second step of Meta's Resumable Upload API: the file's bytes to an upload session ({@code
   * upload:...}, with the query Meta gave with it), authorised as {@code OAuth <token>} and with
   * {@code file_offset: 0}, as Meta documents it; sent at most once like {@link #postOnce}.
   */
  public JsonObject postUploadOnce(
      String operation,
      AccessToken token,
      String sessionPath,
      Map<String, String> query,
      byte[] bytes) {
    if (!UPLOAD_SESSION.matcher(sessionPath).matches()) {
      throw new IllegalArgumentException("Not an upload session id");
    }
    return sendOnce(
        operation,
        token,
        sessionPath,
        query,
        "OAuth ",
        "application/octet-stream",
        java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes),
        settings.readTimeout().plusMillis(bytes.length / 100L));
  }

  private JsonObject sendOnce(
      String operation,
      AccessToken token,
      String path,
      String contentType,
      java.net.http.HttpRequest.BodyPublisher publisher,
      Duration timeout) {
    return sendOnce(operation, token, path, Map.of(), "Bearer ", contentType, publisher, timeout);
  }

  private JsonObject sendOnce(
      String operation,
      AccessToken token,
      String path,
      Map<String, String> query,
      String scheme,
      String contentType,
      java.net.http.HttpRequest.BodyPublisher publisher,
      Duration timeout) {
    URI uri = "OAuth ".equals(scheme) ? uploadUri(path, query) : uri(path, Map.of());
    List<String> secrets = new ArrayList<>();
    secrets.add(token.value());
    if (settings.appSecret() != null) {
      secrets.add(settings.appSecret());
    }
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header(HttpHeaders.AUTHORIZATION, scheme + token.value())
            .header(HttpHeaders.CONTENT_TYPE, contentType)
            .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    if ("OAuth ".equals(scheme)) {
      builder.header("file_offset", "0");
    }
    java.net.http.HttpRequest request = builder.POST(publisher).build();
    long started = System.nanoTime();
    java.net.http.HttpResponse<InputStream> response;
    try {
      response = once.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    } catch (java.net.http.HttpConnectTimeoutException | ConnectException e) {
      LOG.log(Level.WARNING, "Graph call {0} could not connect", operation);
      throw GraphException.unreachable(operation, "Meta could not be reached");
    } catch (java.net.http.HttpTimeoutException e) {
      LOG.log(Level.WARNING, "Graph call {0} got no answer (timeout)", operation);
      throw GraphException.unanswered(operation, "Meta did not answer in time");
    } catch (IOException e) {
      boolean neverSent =
          GraphAnswers.causedBy(e, ConnectException.class)
              || GraphAnswers.causedBy(e, UnknownHostException.class);
      LOG.log(
          Level.WARNING,
          "Graph call {0} got no answer ({1})",
          operation,
          GraphAnswers.rootClass(e));
      if (neverSent) {
        throw GraphException.unreachable(operation, "Meta could not be reached");
      }
      throw GraphException.unanswered(operation, "the connection to Meta broke off");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GraphException.unanswered(operation, "interrupted while waiting for Meta");
    }
    int status = response.statusCode();
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes =
          GraphAnswers.readAtMost(
              in, () -> GraphException.unanswered(operation, "Meta's answer was too large"));
    } catch (IOException e) {
      throw GraphException.unanswered(operation, "Meta's answer broke off");
    }
    return answer(operation, status, bytes, secrets, started);
  }

  /** Meta's answer as JSON, or its error as a {@link GraphException}; logs the call's outcome. */
  private JsonObject answer(
      String operation, int status, byte[] bytes, List<String> secrets, long started) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (status / 100 != 2) {
      GraphException failure = GraphErrors.fromResponse(operation, status, bytes, secrets);
      LOG.log(
          Level.INFO,
          "Graph call {0} failed in {1} ms: HTTP {2}, code {3}, fbtrace_id {4}",
          operation,
          millis,
          status,
          failure.code().map(String::valueOf).orElse("-"),
          failure.fbtraceId().orElse("-"));
      throw failure;
    }
    LOG.log(Level.DEBUG, "Graph call {0} answered {1} in {2} ms", operation, status, millis);
    return GraphAnswers.parse(operation, status, bytes);
  }

  public GraphSettings settings() {
    return settings;
  }

  public JsonObject get(
      String operation, AccessToken token, String path, Map<String, String> query) {
    return send(operation, token, path, query, "GET", null, List.of());
  }

  /** A GET whose query carries secrets (Meta's design for the two calls named above). */
  public JsonObject getWithSecretQuery(
      String operation, AccessToken token, String path, Map<String, String> query) {
    return send(operation, token, path, query, "GET", null, query.values());
  }

  /** A POST whose parameters go in the query (opening an upload session; harmless if repeated). */
  public JsonObject postQuery(
      String operation, AccessToken token, String path, Map<String, String> query) {
    return send(
        operation,
        token,
        path,
        query,
        "POST",
        Entity.entity("", MediaType.APPLICATION_FORM_URLENCODED),
        List.of());
  }

  public JsonObject post(String operation, AccessToken token, String path, JsonObject body) {
    return send(
        operation,
        token,
        path,
        Map.of(),
        "POST",
        Entity.entity(
            (body == null ? JsonValue.EMPTY_JSON_OBJECT : body).toString(),
            MediaType.APPLICATION_JSON),
        List.of());
  }

  public JsonObject delete(String operation, AccessToken token, String path) {
    return send(operation, token, path, Map.of(), "DELETE", null, List.of());
  }

  /**
   * Streams the body of a GET of {@code url} (a download URL Meta gave, not a Graph path) into
   * {@code sink}, at most {@code maxBytes}; see {@link MediaDownload}.
   */
  public long download(
      String operation, AccessToken token, URI url, long maxBytes, OutputStream sink) {
    return media.download(operation, token, url, maxBytes, sink);
  }

  public JsonObject delete(
      String operation, AccessToken token, String path, Map<String, String> query) {
    return send(operation, token, path, query, "DELETE", null, List.of());
  }

  private JsonObject send(
      String operation,
      AccessToken token,
      String path,
      Map<String, String> query,
      String method,
      Entity<?> body,
      java.util.Collection<String> querySecrets) {
    URI uri = uri(path, query);
    List<String> secrets = new ArrayList<>(querySecrets);
    if (token != null) {
      secrets.add(token.value());
    }
    if (settings.appSecret() != null) {
      secrets.add(settings.appSecret());
    }
    Invocation.Builder request = http.target(uri).request(MediaType.APPLICATION_JSON_TYPE);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
    }
    long started = System.nanoTime();
    Response response;
    try {
      response = body == null ? request.method(method) : request.method(method, body);
    } catch (ProcessingException e) {
      boolean timeout = GraphAnswers.causedBy(e, SocketTimeoutException.class);
      // Only a refused or unresolvable connection proves the request never left; anything else
      // (timeout, reset) may have reached Meta.
      boolean neverSent =
          GraphAnswers.causedBy(e, ConnectException.class)
              || GraphAnswers.causedBy(e, UnknownHostException.class);
      // Neither the exception nor its message goes further: it may name the URL.
      LOG.log(
          Level.WARNING,
          "Graph call {0} got no answer ({1})",
          operation,
          timeout ? "timeout" : GraphAnswers.rootClass(e));
      if (neverSent) {
        throw GraphException.unreachable(operation, "Meta could not be reached");
      }
      throw GraphException.unanswered(
          operation, timeout ? "Meta did not answer in time" : "the connection to Meta broke off");
    }
    try (response) {
      int status = response.getStatus();
      return answer(operation, status, read(operation, response), secrets, started);
    }
  }

  private URI uri(String path, Map<String, String> query) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("Not a Graph path: " + path);
    }
    return build(path, query);
  }

  private URI uploadUri(String path, Map<String, String> query) {
    if (!UPLOAD_SESSION.matcher(path).matches()) {
      throw new IllegalArgumentException("Not an upload session id");
    }
    return build(path, query);
  }

  private URI build(String path, Map<String, String> query) {
    StringBuilder s =
        new StringBuilder(settings.baseUrl())
            .append('/')
            .append(settings.version())
            .append('/')
            .append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : new LinkedHashMap<>(query).entrySet()) {
      s.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(s.toString());
  }

  private static byte[] read(String operation, Response response) {
    if (!response.hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = response.readEntity(InputStream.class)) {
      return GraphAnswers.readAtMost(
          in, () -> GraphException.unreachable(operation, "Meta's answer was too large"));
    } catch (IOException | ProcessingException e) {
      throw GraphException.unanswered(operation, "Meta's answer broke off");
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
