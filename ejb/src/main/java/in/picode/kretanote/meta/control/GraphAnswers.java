package in.picode.kretanote.meta.control;

import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reading Meta's answers: at most {@link #MAX_BODY} bytes of a body, parsed as one JSON object, and
 * what may be said about a failed call without its URL (the class of its innermost cause).
 */
final class GraphAnswers {

  static final int MAX_BODY = 1 << 20;

  private GraphAnswers() {}

  /** The whole body, or {@code tooLarge} once it passes {@link #MAX_BODY} bytes. */
  static byte[] readAtMost(InputStream in, Supplier<GraphException> tooLarge) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > MAX_BODY) {
        throw tooLarge.get();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The answer as a JSON object (empty for no body), else a transient {@link GraphException}. */
  static JsonObject parse(String operation, int status, byte[] bytes) {
    if (bytes.length == 0) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Jsons.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject o) {
        return o;
      }
    } catch (JsonException | IllegalStateException e) {
      // fall through
    }
    throw new GraphException(
        operation,
        status,
        null,
        null,
        "Meta's answer was not a JSON object",
        null,
        null,
        ErrorClass.TRANSIENT);
  }

  /** True when {@code type} is somewhere in the chain of causes. */
  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The simple name of the innermost cause: what a log line may say (never its message). */
  static String rootClass(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
