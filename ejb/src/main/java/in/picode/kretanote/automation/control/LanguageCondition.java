package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.TextLanguage;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language detected in the customer's latest text ({@link TextLanguage}, stored by messaging on
 * the conversation) is one of {@code languages} ("es, pt"). Not met while no language could be
 * told.
 */
@ApplicationScoped
public class LanguageCondition implements Condition {

  static final int MAX = 20;

  @Override
  public String type() {
    return "language";
  }

  @Override
  public String words() {
    return "Language is one of";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    String text = Params.text(p, "languages");
    if (text != null && text.length() > 200) {
      out.add(AutomationWords.STEP_LANGUAGES_LONG.with(200));
      return;
    }
    List<String> codes = codes(p);
    if (codes.isEmpty()) {
      out.add(AutomationWords.STEP_LANGUAGES_NONE.with());
      return;
    }
    if (codes.size() > MAX) {
      out.add(AutomationWords.STEP_LANGUAGES_MAX.with(MAX));
    }
    List<String> unknown =
        codes.stream().filter(c -> !TextLanguage.CODES.containsKey(c)).distinct().toList();
    if (!unknown.isEmpty()) {
      out.add(
          AutomationWords.STEP_LANGUAGES_UNKNOWN.with(
              String.join(", ", unknown), String.join(", ", TextLanguage.CODES.keySet())));
    }
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    String detected = s.language();
    return detected != null && codes(p).contains(detected);
  }

  @Override
  public Wording describe(JsonObject p) {
    return AutomationWords.IS_LANGUAGE.with(String.valueOf(codes(p)));
  }

  /** The codes named ("es, pt"), lower case, blank ones left out. */
  static List<String> codes(JsonObject p) {
    String text = Params.text(p, "languages");
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
