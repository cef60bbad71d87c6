package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateParametersTest {

  static final JsonArray ORDER =
      json(
          "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Order {{1}}\"},"
              + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order {{2}} ships {{3}}. {{1}}!\"},"
              + "{\"type\":\"FOOTER\",\"text\":\"Reply STOP to opt out\"},"
              + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"OK\"},"
              + "{\"type\":\"URL\",\"text\":\"Track\",\"url\":\"https://x.test/t/{{1}}\"}]}]");

  static final JsonArray NAMED =
      json("[{\"type\":\"BODY\",\"text\":\"Hello {{first_name}}, code {{ code }}\"}]");

  static final JsonArray IMAGE_HEADER =
      json(
          "[{\"type\":\"HEADER\",\"format\":\"IMAGE\"},{\"type\":\"BODY\",\"text\":\"No values\"}]");

  static JsonArray json(String s) {
    return Json.createReader(new StringReader(s)).readArray();
  }

  static Stream<Arguments> cases() {
    List<String> body = List.of("Ana", "A-17", "today");
    Map<Integer, List<String>> button = Map.of(1, List.of("A-17"));
    return Stream.of(
        Arguments.of("all fit", ORDER, List.of("A-17"), body, button, null),
        Arguments.of(
            "body short",
            ORDER,
            List.of("A-17"),
            List.of("Ana"),
            button,
            "The body needs 3 values, 1 given"),
        Arguments.of(
            "body long",
            ORDER,
            List.of("A-17"),
            List.of("a", "b", "c", "d"),
            button,
            "The body needs 3 values, 4 given"),
        Arguments.of(
            "no header value", ORDER, List.of(), body, button, "The header needs 1 value, 0 given"),
        Arguments.of(
            "no button value",
            ORDER,
            List.of("A-17"),
            body,
            Map.of(),
            "Button 2 needs 1 value, 0 given"),
        Arguments.of(
            "value for a quick reply",
            ORDER,
            List.of("A-17"),
            body,
            Map.of(0, List.of("x"), 1, List.of("y")),
            "Button 1 takes no values"),
        Arguments.of(
            "empty body value",
            ORDER,
            List.of("A-17"),
            List.of("Ana", " ", "today"),
            button,
            "The body value 2 is empty"),
        Arguments.of(
            "line break in body",
            ORDER,
            List.of("A-17"),
            List.of("Ana", "A\n17", "today"),
            button,
            "line break"),
        Arguments.of(
            "five spaces in body",
            ORDER,
            List.of("A-17"),
            List.of("Ana", "A     17", "today"),
            button,
            "more than four spaces"),
        Arguments.of(
            "header value too long",
            ORDER,
            List.of("x".repeat(61)),
            body,
            button,
            "The header value 1 has 61 characters, at most 60"),
        Arguments.of(
            "body value too long",
            ORDER,
            List.of("A-17"),
            List.of("x".repeat(1025), "b", "c"),
            button,
            "at most 1024"),
        Arguments.of("named placeholders", NAMED, List.of(), List.of("Ana", "123"), Map.of(), null),
        Arguments.of(
            "named placeholders short",
            NAMED,
            List.of(),
            List.of("Ana"),
            Map.of(),
            "The body needs 2 values, 1 given"),
        Arguments.of(
            "image header needs its image",
            IMAGE_HEADER,
            List.of(),
            List.of(),
            Map.of(),
            "The header needs an image"),
        Arguments.of(
            "image header given text",
            IMAGE_HEADER,
            List.of("x"),
            List.of(),
            Map.of(),
            "The header needs 0 values, 1 given"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validates(
      String name,
      JsonArray components,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons,
      String problem) {
    List<String> problems = TemplateParameters.problems(components, header, body, buttons);
    if (problem == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).anyMatch(p -> p.contains(problem));
    }
  }
}
