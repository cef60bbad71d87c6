package in.picode.kretanote.inbound.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random bytes and random damage to real payloads: the parser must answer each with a result or a
 * {@link MalformedWebhookException}, never anything else, because any other exception would make
 * the webhook answer 500 and Meta retry the same body for seven days. The seed is fixed so that a
 * failure can be replayed; set {@code -Dfuzz.seed=...} to explore further.
 */
class WebhookPayloadParserFuzzTest {

  private static final int ITERATIONS = 20_000;
  private static final long SEED = Long.getLong("fuzz.seed", 20_260_101L);

  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "-",
    "0",
    "1e999999999",
    "-1e-999999999",
    "\\",
    "\\u",
    "\\ud83d",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "1.5",
    "\"\"",
    "{}",
    "[]",
    "\"messages\"",
    "\"statuses\"",
    "\"type\"",
    "\"id\"",
    "\"timestamp\"",
    "\u00e9",
    "\uD83D\uDC4B"
  };

  /** {@code Json.create...} looks the provider up on every call, which dominates a fuzz loop. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final WebhookPayloadParser parser = new WebhookPayloadParser();

  @Test
  // A hang guard (runaway recursion or backtracking), not a speed test: normal runs take a few s.
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void answersEveryInputWithAResultOrMalformedWebhookException() {
    Random random = new Random(SEED);
    List<byte[]> fixtures = Fixtures.ALL.stream().map(Fixtures::bytes).toList();
    List<JsonObject> trees = fixtures.stream().map(WebhookPayloadParserFuzzTest::tree).toList();
    List<List<String>> pointers =
        trees.stream().map(WebhookPayloadParserFuzzTest::pointers).toList();
    int results = 0;
    int malformed = 0;
    int withRejections = 0;

    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input =
          switch (i % 4) {
            case 0 -> randomBytes(random);
            case 1 -> damageBytes(random, fixtures.get(random.nextInt(fixtures.size())));
            case 2 -> insertTokens(random, fixtures.get(random.nextInt(fixtures.size())));
            default -> {
              int tree = random.nextInt(trees.size());
              yield damageTree(random, trees.get(tree), pointers.get(tree));
            }
          };
      try {
        ParsedWebhook parsed = parser.parse(input);
        checkInvariants(parsed);
        results++;
        if (!parsed.isComplete()) {
          withRejections++;
        }
      } catch (MalformedWebhookException e) {
        check(!e.path().isBlank() && !e.reason().isBlank(), e);
        malformed++;
      } catch (Throwable t) {
        throw new AssertionError(
            String.format(
                "Iteration %d (seed %d) threw %s for input (base64) %s",
                i, SEED, t, Base64.getEncoder().encodeToString(input)),
            t);
      }
    }

    assertThat(results).as("inputs that parsed").isGreaterThan(ITERATIONS / 10);
    assertThat(withRejections).as("inputs with rejected elements").isGreaterThan(ITERATIONS / 20);
    assertThat(malformed).as("inputs refused as a whole").isGreaterThan(ITERATIONS / 4);
  }

  @Test
  void signatureCheckNeverThrowsOnHostileHeaders() {
    Random random = new Random(SEED);
    WebhookSignature signature = new WebhookSignature("secret");
    byte[] body = Fixtures.bytes("batch.json");
    for (int i = 0; i < ITERATIONS; i++) {
      String header = "sha256=" + randomString(random, random.nextInt(70));

      assertThat(signature.verify(body, header).isValid()).isFalse();
    }
  }

  /** Plain checks rather than AssertJ: this runs a few hundred thousand times. */
  private static void checkInvariants(ParsedWebhook parsed) {
    for (Rejection rejection : parsed.rejections()) {
      check(!rejection.path().isBlank() && !rejection.reason().isBlank(), rejection);
    }
    for (MessagesChange change : parsed.messageChanges()) {
      for (InboundMessage message : change.messages()) {
        check(!message.contentJson().isEmpty(), message);
        if (message.content() instanceof MessageContent.Text text) {
          check(WebhookPayloadParser.clean(text.body()).equals(text.body()), message);
        }
      }
    }
  }

  private static void check(boolean condition, Object subject) {
    if (!condition) {
      throw new AssertionError("Invariant broken by " + subject);
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(256)];
    random.nextBytes(bytes);
    if (random.nextBoolean() && bytes.length > 0) {
      bytes[0] = '{';
    }
    return bytes;
  }

  private static byte[] damageBytes(Random random, byte[] original) {
    byte[] bytes = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
      }
      case 1 -> {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 2 -> {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
      }
      default -> {
        int from = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - from, 1 + random.nextInt(60));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from + length);
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
      }
    }
  }

  private static byte[] insertTokens(Random random, byte[] original) {
    String text = new String(original, UTF_8);
    StringBuilder out = new StringBuilder(text);
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      String token =
          random.nextInt(20) == 0
              ? "[".repeat(random.nextInt(5_000))
              : TOKENS[random.nextInt(TOKENS.length)];
      out.insert(random.nextInt(out.length() + 1), token);
    }
    return out.toString().getBytes(UTF_8);
  }

  /** Replaces, removes or duplicates one node of a valid tree: wrong types at real keys. */
  private static byte[] damageTree(Random random, JsonObject original, List<String> pointers) {
    JsonStructure tree = original;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      String pointer = pointers.get(random.nextInt(pointers.size()));
      try {
        var target = JSON.createPointer(pointer);
        tree =
            random.nextInt(4) == 0
                ? target.remove(tree)
                : target.replace(tree, randomValue(random, 3));
      } catch (jakarta.json.JsonException e) {
        // the pointer vanished with an earlier change; keep the tree as it is
      }
    }
    return tree.toString().getBytes(UTF_8);
  }

  private static List<String> pointers(JsonObject tree) {
    List<String> pointers = new ArrayList<>();
    collectPointers(tree, "", pointers);
    return pointers;
  }

  private static void collectPointers(JsonValue value, String pointer, List<String> pointers) {
    if (!pointer.isEmpty()) {
      pointers.add(pointer);
    }
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, child) ->
              collectPointers(
                  child, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), pointers));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        collectPointers(array.get(i), pointer + "/" + i, pointers);
      }
    }
  }

  private static JsonValue randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    return switch (kind) {
      case 0 -> JsonValue.NULL;
      case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 2 -> JSON.createValue(randomString(random, random.nextInt(12)));
      case 3 -> JSON.createValue(random.nextInt());
      case 4 ->
          JSON.createValue(
              new BigDecimal(
                  random.nextBoolean() ? "1e" + random.nextInt(1_000_000) : "-0.000001"));
      case 5 -> JSON.createValue(random.nextBoolean() ? "" : "1764000000");
      case 6 -> JSON.createValue(random.nextDouble() * 400 - 200);
      case 7 -> {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (int n = random.nextInt(3); n > 0; n--) {
          object.add(randomKey(random), randomValue(random, depth - 1));
        }
        yield object.build();
      }
      default -> {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (int n = random.nextInt(3); n > 0; n--) {
          array.add(randomValue(random, depth - 1));
        }
        yield array.build();
      }
    };
  }

  private static String randomKey(Random random) {
    String[] keys = {"id", "type", "text", "body", "from", "timestamp", "errors", "code", "x"};
    return keys[random.nextInt(keys.length)];
  }

  private static String randomString(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> (char) ('0' + random.nextInt(10));
            case 1 -> (char) ('a' + random.nextInt(26));
            case 2 -> (char) random.nextInt(0x80);
            default -> (char) random.nextInt(0x10000);
          });
    }
    return text.toString();
  }

  private static JsonObject tree(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    }
  }
}
