package in.picode.kretanote.outbound.view;

import in.picode.kretanote.outbound.boundary.TemplatePreview;
import java.util.List;

/** A template preview ready for the page: WhatsApp's formatting already turned into safe HTML. */
public record Bubble(
    String media, String headerHtml, String bodyHtml, String footer, List<String> buttons) {

  public static Bubble of(TemplatePreview p) {
    return new Bubble(
        p.mediaKind(),
        p.header() == null ? null : WhatsAppFormat.html(p.header()),
        WhatsAppFormat.html(p.body()),
        p.footer(),
        p.buttons());
  }

  public String getMedia() {
    return media;
  }

  public String getHeaderHtml() {
    return headerHtml;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public String getFooter() {
    return footer;
  }

  public List<String> getButtons() {
    return buttons;
  }
}
