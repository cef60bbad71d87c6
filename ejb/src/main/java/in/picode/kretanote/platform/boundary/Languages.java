package in.picode.kretanote.platform.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages KretaNote is offered in (issue #21): English, Hindi, Spanish, Portuguese (Brazil),
 * Indonesian and Arabic, Arabic written right to left. A user's choice is stored as a BCP 47 tag;
 * without one the browser's list (Accept-Language, best first) decides, any Portuguese counting as
 * Brazilian, and English when nothing matches.
 */
public final class Languages {

  public static final Locale ENGLISH = Locale.ENGLISH;

  /** Tag to locale, in the order the choice lists show them. */
  private static final Map<String, Locale> OFFERED = new LinkedHashMap<>();

  /** Each language's own name, as its speakers write it (shown in every language's lists). */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    offer("en", Locale.ENGLISH, "English");
    offer("hi", Locale.forLanguageTag("hi"), "हिन्दी");
    offer("es", Locale.forLanguageTag("es"), "Español");
    offer("pt-BR", Locale.forLanguageTag("pt-BR"), "Português (Brasil)");
    offer("id", Locale.forLanguageTag("id"), "Bahasa Indonesia");
    offer("ar", Locale.forLanguageTag("ar"), "العربية");
  }

  private Languages() {}

  private static void offer(String tag, Locale locale, String name) {
    OFFERED.put(tag, locale);
    NAMES.put(tag, name);
  }

  /** The offered tags, English first. */
  public static List<String> tags() {
    return List.copyOf(OFFERED.keySet());
  }

  /** The language's name in itself ("Español"). */
  public static String name(String tag) {
    return NAMES.get(tag);
  }

  /** The offered tag {@code tag} stands for (case and "_" forgiven), or empty when not offered. */
  public static Optional<String> offered(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 16) {
      return Optional.empty();
    }
    Locale wanted = Locale.forLanguageTag(tag.strip().replace('_', '-'));
    return match(wanted);
  }

  /** The locale of an offered tag; English for anything else. */
  public static Locale locale(String tag) {
    return offered(tag).map(OFFERED::get).orElse(ENGLISH);
  }

  /** The tag of the first of the browser's languages that is offered, else English. */
  public static String best(List<Locale> browser) {
    for (Locale locale : browser) {
      Optional<String> match = match(locale);
      if (match.isPresent()) {
        return match.get();
      }
    }
    return "en";
  }

  /** True for languages written right to left. */
  public static boolean rightToLeft(Locale locale) {
    return "ar".equals(locale.getLanguage());
  }

  private static Optional<String> match(Locale locale) {
    String language = locale.getLanguage();
    if ("pt".equals(language)) {
      return Optional.of("pt-BR");
    }
    // Java before 17 wrote Indonesian as "in"; browsers send "id".
    if ("in".equals(language)) {
      language = "id";
    }
    return OFFERED.containsKey(language) ? Optional.of(language) : Optional.empty();
  }
}
