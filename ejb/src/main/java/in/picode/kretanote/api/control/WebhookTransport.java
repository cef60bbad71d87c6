package in.picode.kretanote.api.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to the pinned address of a webhook URL, on a socket of its own: the TLS
 * handshake checks the certificate against the URL's host name (SNI and endpoint identification),
 * redirects are never followed (a 3xx is a failed delivery), the answer's body is read only up to
 * an excerpt, and connect and read time out.
 */
public final class WebhookTransport {

  public record Answer(int status, String excerpt) {}

  private final Duration connectTimeout;
  private final Duration readTimeout;

  public WebhookTransport(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  public Answer post(URI uri, InetAddress pinned, Map<String, String> headers, byte[] body)
      throws IOException {
    int port = AddressGuard.port(uri);
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(pinned, port), (int) connectTimeout.toMillis());
      plain.setSoTimeout((int) readTimeout.toMillis());
      Socket socket = plain;
      if (https) {
        SSLSocket ssl =
            (SSLSocket)
                ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, uri.getHost(), port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setServerNames(List.of(new SNIHostName(uri.getHost())));
        ssl.setSSLParameters(p);
        ssl.startHandshake();
        socket = ssl;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      boolean defaultPort = uri.getPort() < 0;
      StringBuilder head =
          new StringBuilder("POST ")
              .append(path)
              .append(" HTTP/1.1\r\nHost: ")
              .append(uri.getHost())
              .append(defaultPort ? "" : ":" + port)
              .append("\r\nUser-Agent: KretaNote-Webhooks/1\r\n")
              .append("Content-Type: application/json\r\nContent-Length: ")
              .append(body.length)
              .append("\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } finally {
      plain.close();
    }
  }

  static Answer read(InputStream in) throws IOException {
    String status = line(in);
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("Not an HTTP answer");
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("Not an HTTP status: " + parts[1]);
    }
    long length = -1;
    for (int i = 0; i < 200; i++) {
      String header = line(in);
      if (header.isEmpty()) {
        break;
      }
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        try {
          length = Long.parseLong(header.substring(15).strip());
        } catch (NumberFormatException e) {
          length = -1;
        }
      }
    }
    // Only an excerpt: with a length, no more than it (a kept-alive connection sends nothing
    // after it); without one, until the receiver closes or the excerpt is full.
    ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
    byte[] buf = new byte[(int) (length < 0 ? 500 : Math.min(length, 500))];
    try {
      int n = in.readNBytes(buf, 0, buf.length);
      excerpt.write(buf, 0, n);
    } catch (IOException ignored) {
      // an answer cut short still has its status
    }
    return new Answer(code, excerpt.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
      if (b.length() > 8192) {
        throw new IOException("Header line too long");
      }
    }
    if (c == -1 && b.length() == 0) {
      throw new IOException("The receiver closed the connection without an answer");
    }
    return b.toString();
  }
}
