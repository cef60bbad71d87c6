package in.picode.kretanote.meta.control;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The framing of Meta's two upload calls: the multipart/form-data body of {@code POST
 * /{PNID}/media}, streamed around the file's bytes, and the session id of the Resumable Upload API
 * ({@code upload:...?sig=...}), split into the path and the query it carries.
 */
public final class GraphUploads {

  private GraphUploads() {}

  /** A multipart body's parts before and after the file, and its content type. */
  public record Multipart(String contentType, byte[] head, byte[] tail) {

    /** The whole body's length for a file of {@code size} bytes. */
    public long length(long size) {
      return head.length + size + tail.length;
    }

    /** The whole body, the file's bytes streamed from {@code content} between head and tail. */
    public InputStream stream(Supplier<InputStream> content) {
      return new SequenceInputStream(
          Collections.enumeration(
              List.of(
                  new ByteArrayInputStream(head), content.get(), new ByteArrayInputStream(tail))));
    }
  }

  /** The form {@code POST /{PNID}/media} takes: messaging_product, type and the file. */
  public static Multipart mediaForm(String mimeType, String filename) {
    String name =
        filename == null || filename.isBlank()
            ? "upload"
            : filename.replaceAll("[\\\\\"\\r\\n]", "_");
    String boundary = "kretanote" + Long.toHexString(System.nanoTime());
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
                + mimeType
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + mimeType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return new Multipart("multipart/form-data; boundary=" + boundary, head, tail);
  }

  /** An upload session id's path: what stands before its {@code ?}. */
  public static String sessionPath(String sessionId) {
    int q = sessionId.indexOf('?');
    return q >= 0 ? sessionId.substring(0, q) : sessionId;
  }

  /** An upload session id's query parameters, decoded, in their order. */
  public static Map<String, String> sessionQuery(String sessionId) {
    int q = sessionId.indexOf('?');
    Map<String, String> sessionQuery = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : sessionId.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          sessionQuery.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return sessionQuery;
  }
}
