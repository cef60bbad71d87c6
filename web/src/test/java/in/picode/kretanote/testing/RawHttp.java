package in.picode.kretanote.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for what {@code HttpClient} cannot do: send from
 * another loopback address (127.x.y.z, so request limits count a different client) and send only
 * the start of a declared body (to show that the server answers without waiting for the rest).
 */
public final class RawHttp {

  public record Answer(int status, Map<String, String> headers, String body, long millis) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** A random loopback address other than 127.0.0.1, a client of its own for the server. */
  public static String otherLoopbackAddress() {
    java.util.Random r = new java.util.Random();
    return "127." + (1 + r.nextInt(250)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250));
  }

  /**
   * Sends {@code method path} with {@code headers}, {@code declaredLength} as Content-Length (or
   * none when negative) and {@code body} as the bytes actually sent, then reads the answer until
   * the server closes or {@code timeoutMillis} passes.
   */
  public static Answer exchange(
      URI base,
      String from,
      String method,
      String path,
      Map<String, String> headers,
      long declaredLength,
      byte[] body,
      int timeoutMillis) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      if (from != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      }
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(base.getPath()).append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (declaredLength >= 0) {
        head.append("Content-Length: ").append(declaredLength).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream(), start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A form post from {@code from}, complete, as {@code application/x-www-form-urlencoded}. */
  public static Answer postForm(URI base, String from, String path, String form) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return exchange(
        base,
        from,
        "POST",
        path,
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        body.length,
        body,
        30_000);
  }

  private static Answer read(InputStream in, long start) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while (!complete(all.toByteArray()) && (n = in.read(buffer)) != -1) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // the server may close right after its answer while the rest of a body is still unsent
      if (all.size() == 0) {
        throw e;
      }
    }
    byte[] bytes = all.toByteArray();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    byte[] raw = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      raw = unchunk(raw);
    }
    return new Answer(
        status,
        headers,
        new String(raw, StandardCharsets.UTF_8),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Whether the answer is all there (headers plus Content-Length bytes, or the last chunk): a
   * server may keep the connection open after answering while a request body is unread.
   */
  private static boolean complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
    if (length.find()) {
      return bytes.length - (end + 4) >= Long.parseLong(length.group(1));
    }
    if (head.contains("transfer-encoding: chunked")) {
      return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
    }
    return false;
  }

  private static byte[] unchunk(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length) {
      int lineEnd = i;
      while (lineEnd + 1 < raw.length && !(raw[lineEnd] == '\r' && raw[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(raw, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip();
      int semi = sizeLine.indexOf(';');
      int size = Integer.parseInt(semi < 0 ? sizeLine : sizeLine.substring(0, semi), 16);
      if (size == 0) {
        break;
      }
      int from = lineEnd + 2;
      out.write(raw, from, Math.min(size, raw.length - from));
      i = from + size + 2;
    }
    return out.toByteArray();
  }
}
