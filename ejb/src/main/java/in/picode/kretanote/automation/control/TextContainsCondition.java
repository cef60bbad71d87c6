package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The customer's text contains any (or, with {@code all}, every) of the comma-separated keywords,
 * whatever the capitals. Keywords, not regular expressions: a business's pattern never runs away on
 * a customer's text.
 */
@ApplicationScoped
public class TextContainsCondition implements Condition {

  @Override
  public String type() {
    return "text_contains";
  }

  @Override
  public String words() {
    return "Text contains keywords";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    String k = Params.require(p, "keywords", AutomationWords.PARAM_KEYWORDS.with(), 500, out);
    if (k != null && keywords(p).isEmpty()) {
      out.add(AutomationWords.STEP_KEYWORDS_EMPTY.with());
    }
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    if (s.text() == null) {
      return false;
    }
    String text = s.text().toLowerCase(Locale.ROOT);
    List<String> k = keywords(p);
    return Params.flag(p, "all", false)
        ? k.stream().allMatch(text::contains)
        : k.stream().anyMatch(text::contains);
  }

  @Override
  public Wording describe(JsonObject p) {
    return (Params.flag(p, "all", false)
            ? AutomationWords.TEXT_CONTAINS_ALL
            : AutomationWords.TEXT_CONTAINS)
        .with(String.valueOf(keywords(p)));
  }

  static List<String> keywords(JsonObject p) {
    String k = Params.text(p, "keywords");
    return k == null
        ? List.of()
        : Arrays.stream(k.split("[,\u060C]"))
            .map(w -> w.strip().toLowerCase(Locale.ROOT))
            .filter(w -> !w.isEmpty())
            .toList();
  }
}
