package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.boundary.TemplateDraft;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The template form's button rows ({@code templatesBean.buttonForm}): each row's kind, text, link
 * and example, turned into the draft's buttons. A row without a kind is a link button when it has a
 * link, a quick reply when it has a text, and left out when empty.
 */
public class TemplateButtonsForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The form offers three buttons (Meta allows ten; the API takes them all). */
  static final int FORM_BUTTONS = 3;

  private final String[] texts = new String[FORM_BUTTONS];
  private final String[] urls = new String[FORM_BUTTONS];
  private final String[] types = new String[FORM_BUTTONS];
  private final String[] examples = new String[FORM_BUTTONS];

  /** The rows as the draft's buttons, in their order. */
  List<TemplateDraft.Button> buttons() {
    List<TemplateDraft.Button> buttons = new ArrayList<>();
    for (int i = 0; i < FORM_BUTTONS; i++) {
      TemplateDraft.ButtonType type =
          types[i] == null || types[i].isBlank()
              ? null
              : TemplateDraft.ButtonType.valueOf(types[i]);
      if (type == null && (notBlank(texts[i]) || notBlank(urls[i]))) {
        type =
            notBlank(urls[i]) ? TemplateDraft.ButtonType.URL : TemplateDraft.ButtonType.QUICK_REPLY;
      }
      if (type != null) {
        buttons.add(new TemplateDraft.Button(type, texts[i], urls[i], examples[i]));
      }
    }
    return buttons;
  }

  /** Empties every row (after a template was submitted). */
  void clear() {
    Arrays.fill(texts, null);
    Arrays.fill(urls, null);
    Arrays.fill(types, null);
    Arrays.fill(examples, null);
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public List<String> getKinds() {
    return List.of("", "QUICK_REPLY", "URL", "COPY_CODE");
  }

  public String[] getTexts() {
    return texts;
  }

  public String[] getUrls() {
    return urls;
  }

  public String[] getTypes() {
    return types;
  }

  public String[] getExamples() {
    return examples;
  }
}
