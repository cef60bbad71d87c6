package in.picode.kretanote.outbound.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file an agent attached, as the browser named and typed it, with its caption. Its bytes are read
 * from wherever they lie (the request's temporary file) each time {@link Content#open} is called,
 * never into memory whole.
 */
public record Attachment(
    String fileName, String declaredType, long size, String caption, Content content) {

  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /** A file already in memory (tests, small files). */
  public static Attachment of(byte[] bytes, String fileName, String declaredType, String caption) {
    return new Attachment(
        fileName, declaredType, bytes.length, caption, () -> new ByteArrayInputStream(bytes));
  }
}
