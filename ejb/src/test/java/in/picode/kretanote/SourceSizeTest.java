package in.picode.kretanote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over 400 lines: a class that long does two jobs (issue 16). The one exception is
 * {@code inbound.control.WebhookPayloadParser}, which mirrors Meta's payload shape field by field.
 * The simulators (server-config, {@code sandbox.*}) are tooling outside the EAR and not checked.
 * {@link #OVERSIZED} lists classes that are over the limit and are being split (none today); it
 * only shrinks: a listed class that is back under the limit fails the test until it leaves the
 * list.
 */
class SourceSizeTest {

  static final int LIMIT = 400;

  /** The EJB module's sources and the web module's beside it (one rule for both). */
  static final List<Path> SOURCES =
      List.of(Path.of("src/main/java"), Path.of("../web/src/main/java"));

  static final Map<String, String> EXEMPT =
      Map.of(
          "in/picode/kretanote/inbound/control/WebhookPayloadParser.java",
          "mirrors Meta's webhook payload field by field");

  static final Set<String> OVERSIZED = Set.of();

  @Test
  void noMainClassIsOver400Lines() throws IOException {
    Map<String, Long> lines = new TreeMap<>();
    for (Path root : SOURCES) {
      lines.putAll(lines(root));
    }
    assertThat(lines)
        .as("classes over %d lines (split them; see the class comment)", LIMIT)
        .allSatisfy(
            (file, count) -> {
              if (count > LIMIT) {
                assertThat(EXEMPT.containsKey(file) || OVERSIZED.contains(file))
                    .as("%s has %d lines", file, count)
                    .isTrue();
              }
            });
    assertThat(OVERSIZED)
        .as("split below the limit: remove from OVERSIZED")
        .allSatisfy(file -> assertThat(lines.getOrDefault(file, 0L)).isGreaterThan(LIMIT));
  }

  static Map<String, Long> lines(Path root) throws IOException {
    Map<String, Long> lines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        try (Stream<String> l = Files.lines(p)) {
          lines.put(root.relativize(p).toString().replace('\\', '/'), l.count());
        }
      }
    }
    return lines;
  }
}
