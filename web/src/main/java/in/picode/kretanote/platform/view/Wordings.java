package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * Words what the business core says (a refusal's {@link Wording}: a code and its arguments) in the
 * page's language, from the core's {@code WordingTexts} ({@link WordingTexts}) in the six
 * languages. Pages use it as {@code #{wordings.text(w)}}.
 */
@Named
@ApplicationScoped
public class Wordings {

  /** {@code w} in the page's language. */
  public String text(Wording w) {
    return w == null ? null : of(w);
  }

  public static String of(Wording w) {
    return of(w, Texts.locale());
  }

  public static String of(Wording w, Locale locale) {
    return WordingTexts.of(w, locale);
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
