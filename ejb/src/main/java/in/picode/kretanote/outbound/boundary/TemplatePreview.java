package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.TemplateText;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template as WhatsApp shows it to the customer, filled with its examples: which media the header
 * carries (IMAGE, VIDEO, DOCUMENT) or its text, the body, the footer and the buttons' labels. Texts
 * keep WhatsApp's formatting marks (*bold*, _italic_, ~strike~, ```monospace```); the page renders
 * them.
 */
public record TemplatePreview(
    String media, String header, String body, String footer, List<String> buttons) {

  public TemplatePreview {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /** A stored template, filled with the examples it was created with. */
  public static TemplatePreview of(MessageTemplate template) {
    JsonArray components;
    try {
      components = SendChecks.components(template.getComponents());
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return new TemplatePreview(null, null, "", null, List.of());
    }
    TemplateText.Rendered r = TemplateText.example(components);
    return new TemplatePreview(r.media(), r.header(), r.body(), r.footer(), r.buttons());
  }

  /**
   * The template form's draft as it stands, even when it is not complete yet: what can be shown is
   * shown, filled with the examples typed so far.
   */
  public static TemplatePreview of(TemplateDraft draft) {
    if (draft.otp() != null) {
      Integer minutes = draft.otp().expiryMinutes();
      boolean oneTap = "ONE_TAP".equalsIgnoreCase(draft.otp().type());
      return new TemplatePreview(
          null,
          null,
          TemplateText.fillText(
              TemplateText.authenticationBody(draft.otp().securityRecommendation()),
              List.of("123456")),
          minutes == null || minutes < 1 ? null : TemplateText.authenticationFooter(minutes),
          List.of(oneTap ? "Autofill" : "Copy code"));
    }
    String media = draft.mediaHeader() ? draft.headerFormat().name() : null;
    List<String> examples =
        draft.examples().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    List<String> buttons = new ArrayList<>();
    for (TemplateDraft.Button b : draft.buttons()) {
      buttons.add(
          b.type() == TemplateDraft.ButtonType.COPY_CODE
              ? "Copy offer code"
              : b.text() == null ? "" : b.text().strip());
    }
    return new TemplatePreview(
        media,
        media == null ? draft.header() : null,
        TemplateText.fillText(draft.body(), examples),
        draft.footer(),
        buttons);
  }

  /** The media header's kind in lower case, for a label ("image"), or null. */
  public String mediaKind() {
    return media == null ? null : media.toLowerCase(Locale.ROOT);
  }
}
