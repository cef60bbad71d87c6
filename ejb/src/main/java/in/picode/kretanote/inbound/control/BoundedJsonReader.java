package in.picode.kretanote.inbound.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * Reads a webhook body into a JSON-P object tree with limits the JSON-P implementation does not
 * guarantee: the bytes must be strict UTF-8 (a lenient decoder would silently turn them into
 * U+FFFD), nesting is capped so that a hostile body cannot exhaust the stack, and number literals
 * are capped in length because turning a megabyte of digits into a {@code BigDecimal} takes
 * quadratic time. The tree is built here from streaming events, rather than with {@code
 * JsonReader}, so that the depth is checked before it is reached.
 */
final class BoundedJsonReader {

  /** Meta's payloads nest about a dozen levels; 64 is generous and far from stack trouble. */
  static final int MAX_DEPTH = 64;

  static final int MAX_NUMBER_LITERAL = 100;

  private static final JsonProvider JSON = JsonProvider.provider();

  private BoundedJsonReader() {}

  static JsonObject readObject(byte[] body) throws MalformedWebhookException {
    String text = decode(body);
    if (text.isBlank()) {
      throw new MalformedWebhookException("body", "empty");
    }
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw new MalformedWebhookException("body", "not a JSON object");
      }
      JsonObject root = object(parser, 1);
      requireEnd(parser);
      return root;
    } catch (JsonParsingException e) {
      throw new MalformedWebhookException("body", "not valid JSON" + where(e.getLocation()));
    } catch (JsonException | NoSuchElementException | IllegalStateException e) {
      throw new MalformedWebhookException("body", "not valid JSON");
    }
  }

  private static void requireEnd(JsonParser parser) throws MalformedWebhookException {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonParsingException e) {
      more = true;
    }
    if (more) {
      throw new MalformedWebhookException("body", "content after the JSON object");
    }
  }

  private static String decode(byte[] body) throws MalformedWebhookException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new MalformedWebhookException("body", "not valid UTF-8");
    }
  }

  private static JsonObject object(JsonParser parser, int depth) throws MalformedWebhookException {
    checkDepth(depth);
    JsonObjectBuilder builder = JSON.createObjectBuilder();
    JsonParser.Event event;
    while ((event = parser.next()) == JsonParser.Event.KEY_NAME) {
      String key = parser.getString();
      builder.add(key, value(parser, parser.next(), depth));
    }
    expect(event, JsonParser.Event.END_OBJECT);
    return builder.build();
  }

  private static JsonArray array(JsonParser parser, int depth) throws MalformedWebhookException {
    checkDepth(depth);
    JsonArrayBuilder builder = JSON.createArrayBuilder();
    JsonParser.Event event;
    while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
      builder.add(value(parser, event, depth));
    }
    return builder.build();
  }

  private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth)
      throws MalformedWebhookException {
    return switch (event) {
      case START_OBJECT -> object(parser, depth + 1);
      case START_ARRAY -> array(parser, depth + 1);
      case VALUE_STRING -> JSON.createValue(parser.getString());
      case VALUE_NUMBER -> number(parser);
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      case KEY_NAME, END_OBJECT, END_ARRAY ->
          throw new MalformedWebhookException("body", "not valid JSON");
    };
  }

  private static JsonValue number(JsonParser parser) throws MalformedWebhookException {
    String literal = parser.getString();
    if (literal.length() > MAX_NUMBER_LITERAL) {
      throw new MalformedWebhookException(
          "body", "a number literal is longer than " + MAX_NUMBER_LITERAL + " characters");
    }
    try {
      return JSON.createValue(parser.getBigDecimal());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MalformedWebhookException("body", "a number is out of range");
    }
  }

  private static void checkDepth(int depth) throws MalformedWebhookException {
    if (depth > MAX_DEPTH) {
      throw new MalformedWebhookException("body", "nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static void expect(JsonParser.Event actual, JsonParser.Event expected)
      throws MalformedWebhookException {
    if (actual != expected) {
      throw new MalformedWebhookException("body", "not valid JSON");
    }
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "";
    }
    return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }
}
