package in.picode.kretanote.platform.boundary;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words a {@link Wording} in a language from {@code WordingTexts} (six languages, next to this
 * class): the pages word refusals with it ({@code platform.view.Wordings}) and the mails word
 * notices with it in each recipient's language. A wording without a code (a check that still writes
 * English) and a code the bundle lacks (a defect {@code WordingsTest} catches) give the core's
 * English sentence.
 */
public final class WordingTexts {

  public static final String BUNDLE = "in.picode.kretanote.platform.boundary.WordingTexts";

  private WordingTexts() {}

  /** {@code w} in {@code locale}; a wording given as an argument is worded in the same language. */
  public static String of(Wording w, Locale locale) {
    if (w.code() == null) {
      return w.english();
    }
    try {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      List<Object> args =
          w.args().stream().map(a -> a instanceof Wording n ? (Object) of(n, locale) : a).toList();
      return new Wording(w.code(), w.pattern(), args).format(bundle.getString(w.code()), locale);
    } catch (MissingResourceException e) {
      return w.english();
    }
  }

  /** Several sentences in {@code locale}, joined by {@code separator}. */
  public static String all(List<Wording> sentences, Locale locale, String separator) {
    return String.join(separator, sentences.stream().map(w -> of(w, locale)).toList());
  }
}
