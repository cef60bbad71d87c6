package in.picode.kretanote.sandbox.meta;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading requests and writing answers on the JDK HTTP server, including multipart uploads. */
final class HttpIo {

  private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+\\.\\d+)(/.*)?$");

  private HttpIo() {}

  /** A request with the version prefix split off the path. */
  record Request(
      String method,
      String fullPath,
      String version,
      List<String> segments,
      String rawQuery,
      Map<String, String> query,
      String contentType,
      String authorization,
      byte[] body) {

    String param(String name) {
      return query.get(name);
    }

    /** The bearer token, or null when the header is absent or not a bearer credential. */
    String bearer() {
      if (authorization == null) {
        return null;
      }
      String trimmed = authorization.trim();
      return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : null;
    }

    /** Graph accepts parameters in the query string, a form body or a JSON body. */
    String anyParam(String name) {
      String fromQuery = query.get(name);
      if (fromQuery != null) {
        return fromQuery;
      }
      if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
        return parseQuery(new String(body, StandardCharsets.UTF_8)).get(name);
      }
      return MetaJson.tryParseObject(body).map(json -> MetaJson.string(json, name)).orElse(null);
    }
  }

  /** An answer; {@code disconnect} closes the connection without one. */
  record Reply(
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      boolean disconnect) {

    static Reply json(int status, JsonObject json) {
      return new Reply(
          status, "application/json; charset=UTF-8", MetaJson.bytes(json), Map.of(), false);
    }

    static Reply ok(JsonObject json) {
      return json(200, json);
    }

    static Reply error(GraphError error) {
      return json(error.httpStatus, error.toJson());
    }

    static Reply bytes(int status, String contentType, byte[] body) {
      return new Reply(status, contentType, body, Map.of(), false);
    }

    static Reply disconnected() {
      return new Reply(0, null, new byte[0], Map.of(), true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, contentType, body, all, disconnect);
    }
  }

  record Part(String name, String filename, String contentType, byte[] content) {}

  static Request read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      // A media upload may be 100 MB: read a declared length into one array of exactly that size
      // (readAllBytes would hold it about twice while growing).
      long declared = declaredLength(exchange);
      if (declared > 0 && declared <= Integer.MAX_VALUE - 8) {
        body = new byte[(int) declared];
        int n = in.readNBytes(body, 0, body.length);
        if (n < body.length) {
          body = Arrays.copyOf(body, n);
        }
      } else {
        body = in.readAllBytes();
      }
    }
    String path = exchange.getRequestURI().getRawPath();
    String version = null;
    String rest = path;
    Matcher m = VERSIONED.matcher(path);
    if (m.matches()) {
      version = m.group(1);
      rest = m.group(2) == null ? "/" : m.group(2);
    }
    List<String> segments =
        Arrays.stream(rest.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new Request(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        path,
        version,
        segments,
        rawQuery,
        parseQuery(rawQuery),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("Authorization"),
        body);
  }

  private static long declaredLength(HttpExchange exchange) {
    try {
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void write(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.disconnect()) {
      exchange.close();
      return;
    }
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    boolean empty = reply.body().length == 0;
    exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    if (!empty) {
      exchange.getResponseBody().write(reply.body());
    }
    exchange.close();
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(key, value);
    }
    return params;
  }

  /** The query with the values of secret-bearing parameters replaced, for the call log. */
  static String redactedQuery(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      boolean secret =
          List.of("access_token", "input_token", "client_secret", "code", "token").contains(key);
      out.add(secret && eq >= 0 ? key + "=REDACTED" : pair);
    }
    return String.join("&", out);
  }

  /** The parts of a multipart/form-data body, or empty when it is not one. */
  static Optional<List<Part>> multipart(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher b = Pattern.compile("boundary=(\"?)([^\";]+)\\1").matcher(contentType);
    if (!b.find()) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + b.group(2)).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int start = pos + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start += 2; // CRLF after the delimiter
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        return Optional.empty();
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd < 0 || headersEnd > next) {
        return Optional.empty();
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int contentEnd = next - 2; // CRLF before the next delimiter
      byte[] content =
          Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
      parts.add(
          new Part(
              headerParam(headers, "name"),
              headerParam(headers, "filename"),
              headerValue(headers, "content-type"),
              content));
      pos = next;
    }
    return Optional.of(parts);
  }

  private static String headerParam(String headers, String name) {
    Matcher m = Pattern.compile("(?i)[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
    return m.find() ? m.group(1) : null;
  }

  private static String headerValue(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
