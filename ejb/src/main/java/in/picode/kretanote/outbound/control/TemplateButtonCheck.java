package in.picode.kretanote.outbound.control;

import static in.picode.kretanote.outbound.boundary.TemplateDraft.BUTTONS_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.BUTTON_TEXT_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.CODE_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.COPY_CODE_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.QUICK_REPLIES_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.URL_BUTTONS_MAX;
import static in.picode.kretanote.outbound.boundary.TemplateDraft.URL_MAX;
import static in.picode.kretanote.outbound.control.DraftText.blankToNull;
import static in.picode.kretanote.outbound.control.DraftText.names;

import in.picode.kretanote.outbound.boundary.TemplateDraft.Button;
import in.picode.kretanote.outbound.boundary.TemplateDraft.ButtonType;
import in.picode.kretanote.outbound.boundary.TemplateWords;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template draft's buttons, checked with Meta's limits: at most 10 buttons of 25 characters, up
 * to 10 quick replies kept together, 2 URL buttons (https, at most one variable at the end, with an
 * example link) and 1 copy-code button with an example code.
 */
public final class TemplateButtonCheck {

  private TemplateButtonCheck() {}

  /** The BUTTONS component's array, or {@link InvalidDraftException} with every problem. */
  public static JsonArrayBuilder buttonArray(List<Button> buttons) {
    List<Wording> problems = new ArrayList<>();
    if (buttons.size() > BUTTONS_MAX) {
      problems.add(TemplateWords.BUTTONS_MAX.with(BUTTONS_MAX, buttons.size()));
    }
    long quick = buttons.stream().filter(b -> b.type() == ButtonType.QUICK_REPLY).count();
    long urls = buttons.stream().filter(b -> b.type() == ButtonType.URL).count();
    long codes = buttons.stream().filter(b -> b.type() == ButtonType.COPY_CODE).count();
    if (quick > QUICK_REPLIES_MAX) {
      problems.add(TemplateWords.QUICK_REPLIES_MAX.with(QUICK_REPLIES_MAX, quick));
    }
    if (urls > URL_BUTTONS_MAX) {
      problems.add(TemplateWords.LINK_BUTTONS_MAX.with(URL_BUTTONS_MAX, urls));
    }
    if (codes > COPY_CODE_MAX) {
      problems.add(TemplateWords.COPY_CODE_MAX.with());
    }
    if (!grouped(buttons)) {
      problems.add(TemplateWords.QUICK_REPLIES_TOGETHER.with());
    }
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    for (int i = 0; i < buttons.size(); i++) {
      Button button = buttons.get(i);
      int where = i + 1;
      String text = button.text() == null ? "" : button.text().strip();
      ButtonType type = button.type() == null ? ButtonType.QUICK_REPLY : button.type();
      if (type != ButtonType.COPY_CODE && (text.isEmpty() || text.length() > BUTTON_TEXT_MAX)) {
        problems.add(TemplateWords.BUTTON_TEXT.with(where, BUTTON_TEXT_MAX));
      }
      switch (type) {
        case QUICK_REPLY ->
            out.add(Jsons.createObjectBuilder().add("type", "QUICK_REPLY").add("text", text));
        case URL -> {
          String url = blankToNull(button.url());
          String example = blankToNull(button.example());
          List<String> vars = url == null ? List.of() : names(url);
          if (url == null
              || !url.toLowerCase(Locale.ROOT).startsWith("https://")
              || url.length() > URL_MAX
              || url.chars().anyMatch(Character::isWhitespace)) {
            problems.add(TemplateWords.BUTTON_LINK.with(where));
          } else if (vars.size() > 1 || (vars.size() == 1 && !url.endsWith("{{1}}"))) {
            problems.add(TemplateWords.BUTTON_LINK_VARIABLE.with(where, "{{1}}"));
          } else if (vars.size() == 1 && example == null) {
            problems.add(TemplateWords.BUTTON_LINK_EXAMPLE.with(where, "{{1}}"));
          } else if (vars.size() == 1
              && (!example.toLowerCase(Locale.ROOT).startsWith("https://")
                  || example.contains("{{")
                  || example.length() > URL_MAX)) {
            problems.add(TemplateWords.BUTTON_EXAMPLE_LINK.with(where, "{{1}}"));
          }
          JsonObjectBuilder b =
              Jsons.createObjectBuilder()
                  .add("type", "URL")
                  .add("text", text)
                  .add("url", url == null ? "" : url);
          if (!vars.isEmpty() && example != null) {
            b.add("example", Jsons.createArrayBuilder().add(example));
          }
          out.add(b);
        }
        case COPY_CODE -> {
          String example = blankToNull(button.example());
          if (example == null || example.length() > CODE_MAX) {
            problems.add(TemplateWords.BUTTON_CODE_EXAMPLE.with(where, CODE_MAX));
          }
          out.add(
              Jsons.createObjectBuilder()
                  .add("type", "COPY_CODE")
                  .add("example", example == null ? "" : example));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDraftException(problems);
    }
    return out;
  }

  /** Quick replies form one run: they may come first or last, never between other buttons. */
  private static boolean grouped(List<Button> buttons) {
    int runs = 0;
    Boolean last = null;
    for (Button b : buttons) {
      boolean quick = b.type() == null || b.type() == ButtonType.QUICK_REPLY;
      if (quick && !Boolean.TRUE.equals(last)) {
        runs++;
      }
      last = quick;
    }
    return runs <= 1;
  }
}
