package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words what the business core says (a refusal's {@link Wording}: a code and its arguments) in the
 * page's language, from {@code RefusalTexts} in the six languages. A wording without a code (a
 * check that still writes English) and a code the bundle lacks (a defect {@code WordingsTest}
 * catches) show the core's English sentence. Pages use it as {@code #{wordings.text(w)}}.
 */
@Named
@ApplicationScoped
public class Wordings {

  static final String BUNDLE = "in.picode.kretanote.platform.view.RefusalTexts";

  /** {@code w} in the page's language. */
  public String text(Wording w) {
    return w == null ? null : of(w);
  }

  public static String of(Wording w) {
    return of(w, Texts.locale());
  }

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
      // A wording given as an argument (a step's problem) is worded in the same language first.
      List<Object> args =
          w.args().stream().map(a -> a instanceof Wording n ? (Object) of(n, locale) : a).toList();
      return new Wording(w.code(), w.pattern(), args).format(bundle.getString(w.code()), locale);
    } catch (MissingResourceException e) {
      return w.english();
    }
  }

  /** Each sentence of a refusal (the cause of an {@link EJBException}) in the page's language. */
  public static List<String> all(Throwable refusal) {
    Throwable e =
        refusal instanceof EJBException && refusal.getCause() != null
            ? refusal.getCause()
            : refusal;
    if (e instanceof Wording.Worded worded && !worded.wordings().isEmpty()) {
      return worded.wordings().stream().map(Wordings::of).toList();
    }
    return List.of(String.valueOf(e.getMessage()));
  }

  /** A refusal's sentences in the page's language, as one text. */
  public static String of(Throwable refusal) {
    return String.join(" ", all(refusal));
  }
}
