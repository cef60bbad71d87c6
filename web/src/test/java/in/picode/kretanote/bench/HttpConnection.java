package in.picode.kretanote.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs and reads the answer: small and cheap enough that
 * the load generator, sharing the machine's two cores with the server, spends little CPU per
 * request (java.net.http costs several times more). Reconnects when the server closed it.
 */
final class HttpConnection implements AutoCloseable {

  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  HttpConnection(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** POSTs {@code body} to {@code path}; returns the status code, -1 on an I/O error. */
  int post(String path, byte[] body, String signature) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        if (socket == null) {
          connect();
        }
        String head =
            "POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nX-Hub-Signature-256: "
                + signature
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse();
      } catch (IOException e) {
        close();
        if (attempt == 1) {
          return -1;
        }
      }
    }
    return -1;
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(60_000);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  private int readResponse() throws IOException {
    String status = line();
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP response");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    String header;
    while ((header = line()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
        skip(size);
        line();
      }
      line();
    } else if (length > 0) {
      skip(length);
    }
    if (close) {
      close();
    }
    return code;
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the body");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int size = buffer.size();
        byte[] bytes = buffer.toByteArray();
        return new String(
            bytes,
            0,
            size > 0 && bytes[size - 1] == '\r' ? size - 1 : size,
            StandardCharsets.US_ASCII);
      }
      buffer.write(c);
    }
    return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
