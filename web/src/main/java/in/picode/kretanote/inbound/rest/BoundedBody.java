package in.picode.kretanote.inbound.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory with a hard limit. A declared length over the limit is refused
 * before a byte is read; a body without a length (chunked) is read until it passes the limit and
 * refused then, so a huge body never gets into memory.
 */
final class BoundedBody {

  private BoundedBody() {}

  static byte[] read(InputStream in, String contentLength, long max) throws IOException {
    long declared = -1;
    if (contentLength != null && !contentLength.isBlank()) {
      try {
        declared = Long.parseLong(contentLength.strip());
      } catch (NumberFormatException e) {
        declared = -1;
      }
      if (declared > max) {
        throw new BodyTooLargeException(max);
      }
    }
    int initial = (int) Math.min(declared >= 0 ? declared : 8192, max);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 16));
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > max) {
        throw new BodyTooLargeException(max);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
