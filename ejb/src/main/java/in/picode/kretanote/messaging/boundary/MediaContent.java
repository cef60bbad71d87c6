package in.picode.kretanote.messaging.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An opened media file: the decrypted content as a stream (each part is authenticated before it is
 * handed out, so a changed file fails while reading instead of serving wrong bytes), its type, its
 * size in bytes and a file name safe to put into a {@code Content-Disposition} header. Close it.
 */
public record MediaContent(InputStream content, String mimeType, long size, String filename)
    implements AutoCloseable {

  public MediaContent {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(filename, "filename");
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
