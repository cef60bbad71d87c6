package in.picode.kretanote.inbound.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Webhook bodies under {@code src/test/resources/webhooks}, read as the exact bytes Meta sent. */
final class Fixtures {

  static final List<String> ALL =
      List.of(
          "facts-example.json",
          "all-message-types.json",
          "batch.json",
          "escapes.json",
          "username-only.json",
          "statuses.json",
          "template-status-update.json",
          "quality-update.json",
          "partly-broken.json",
          "user-preferences.json",
          "message-echoes.json",
          "edit-revoke.json");

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedWebhook parse(String name) {
    try {
      return new WebhookPayloadParser().parse(bytes(name));
    } catch (MalformedWebhookException e) {
      throw new AssertionError(name + " should parse: " + e.getMessage(), e);
    }
  }
}
