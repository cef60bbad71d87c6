package in.picode.kretanote.outbound.view;

import in.picode.kretanote.platform.view.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Meta's names for a template's status, category and quality (APPROVED, MARKETING, GREEN …) and a
 * number's quality rating, in the page's language from OutboundTexts ({@code templates.state.*},
 * {@code templates.categoryName.*}, {@code templates.qualityName.*}). Pages keep Meta's own name as
 * the element's title, since owners compare with Meta's WhatsApp Manager; a name Meta adds later
 * and no bundle knows yet shows as Meta wrote it rather than as {@code ???key???}.
 */
@Named("templateNames")
@ApplicationScoped
public class TemplateNames {

  static final String TEXTS = "in.picode.kretanote.outbound.view.OutboundTexts";

  /** "Approved" for {@code APPROVED}, "In review" for {@code PENDING}. */
  public String status(Object status) {
    return status(bundle(Texts.locale()), status);
  }

  /** "Marketing" for {@code MARKETING} (a {@code Category} or Meta's text). */
  public String category(Object category) {
    return category(bundle(Texts.locale()), category);
  }

  /** "High" for {@code GREEN}: a template's quality score or a number's quality rating. */
  public String quality(Object quality) {
    return quality(bundle(Texts.locale()), quality);
  }

  static String status(ResourceBundle texts, Object status) {
    return word(texts, "templates.state.", status);
  }

  static String category(ResourceBundle texts, Object category) {
    return word(texts, "templates.categoryName.", category);
  }

  static String quality(ResourceBundle texts, Object quality) {
    return word(texts, "templates.qualityName.", quality);
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(TEXTS, locale);
  }

  private static String word(ResourceBundle texts, String prefix, Object code) {
    if (code == null) {
      return "";
    }
    String name = code instanceof Enum<?> e ? e.name() : code.toString().strip();
    try {
      return texts.getString(prefix + name.toUpperCase(Locale.ROOT));
    } catch (MissingResourceException unknownToUs) {
      return name;
    }
  }
}
