package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.boundary.TemplateWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules a template draft's checks share: Meta's placeholders ({@code {{1}}} or {@code
 * {{first_name}}}) and blank form fields, which count as not given.
 */
public final class DraftText {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,59}");

  private DraftText() {}

  /** Whether the text has a placeholder at all. */
  public static boolean hasPlaceholder(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /** How many placeholders {@code {{1}}..{{n}}} the text uses; refuses gaps and names. */
  static int placeholders(String text) {
    TreeSet<Integer> seen = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String inside = m.group(1);
      if (!inside.matches("[1-9][0-9]?")) {
        throw new InvalidDraftException(
            TemplateWords.PLACEHOLDER_NUMBERS.with("{{" + inside + "}}", "{{1}}", "{{2}}"));
      }
      seen.add(Integer.parseInt(inside));
    }
    if (!seen.isEmpty() && seen.last() != seen.size()) {
      throw new InvalidDraftException(
          TemplateWords.PLACEHOLDER_GAPS.with(seen.toString(), "{{1}}"));
    }
    return seen.size();
  }

  /**
   * The body's placeholders in the order examples are given: {{1}}..{{n}} by number, or names in
   * the order they first appear; refuses a mix, gaps and names Meta does not take.
   */
  public static List<String> placeholderNames(String text) {
    List<String> names = names(text);
    if (names.isEmpty() || names.get(0).matches("[0-9]+")) {
      int n = placeholders(text);
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        out.add(String.valueOf(i));
      }
      return out;
    }
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new InvalidDraftException(
            TemplateWords.PLACEHOLDER_NAME.with("{{" + name + "}}", "{{first_name}}"));
      }
    }
    return names;
  }

  /** What stands inside the text's placeholders, each once, in the order they first appear. */
  public static List<String> names(String text) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      seen.add(m.group(1));
    }
    return List.copyOf(seen);
  }

  /** A form field stripped, or null when blank. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
