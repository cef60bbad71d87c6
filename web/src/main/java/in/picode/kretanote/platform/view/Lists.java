package in.picode.kretanote.platform.view;

import java.util.Collection;
import java.util.Locale;

/**
 * Lists as the reader writes them: items separated by the language's comma (Arabic "، ", the others
 * ", "). The parsers of typed lists (hours, keywords, holidays) accept both commas.
 */
public final class Lists {

  private Lists() {}

  /** The separator of a list in {@code locale}. */
  public static String separator(Locale locale) {
    return "ar".equals(locale.getLanguage()) ? "\u060C " : ", ";
  }

  /** {@code items} joined for the page's language. */
  public static String join(Collection<String> items) {
    return String.join(separator(Texts.locale()), items);
  }

  /** A list the core wrote with ", " (an hours field, holidays), for the page's language. */
  public static String localized(String commaList) {
    return commaList == null ? null : commaList.replace(", ", separator(Texts.locale()));
  }
}
