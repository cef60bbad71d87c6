package in.picode.kretanote.platform.view;

import jakarta.json.JsonStructure;

/**
 * JSON that a page embeds in HTML, for example a chart model that {@code p:chart} writes inside a
 * {@code <script>} element. JSON-P escapes quotes and backslashes but not {@code <}, so a stored
 * name like {@code </script><meta ...>} would end the script and become markup. Every JSON the web
 * layer hands to a page goes through {@link #of}: {@code < > &} and the JavaScript line separators
 * U+2028/U+2029 become {@code \\uXXXX} escapes, which mean the same inside a JSON string.
 */
public final class PageJson {

  private PageJson() {}

  public static String of(JsonStructure json) {
    return escape(json.toString());
  }

  static String escape(String json) {
    StringBuilder b = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
