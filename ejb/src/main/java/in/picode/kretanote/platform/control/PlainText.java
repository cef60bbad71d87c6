package in.picode.kretanote.platform.control;

import in.picode.kretanote.platform.boundary.PlatformWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.boundary.Wording;

/**
 * Names that people choose and everyone on the team then sees (a user's display name, a business
 * name, a label) are plain text: markup characters ({@code < >}), control characters and the
 * JavaScript line separators U+2028/U+2029 make no sense in them and only serve an attack on a page
 * that forgets to escape. Entities refuse them with the subject's {@link PlatformWords} code, so
 * the sign-up page, the join page, the label forms and any API get the same answer, each page in
 * its reader's language.
 */
public final class PlainText {

  /** What is being named; each has its own refusal text. */
  public enum Subject {
    PERSON_NAME(PlatformWords.MARKUP_PERSON_NAME),
    BUSINESS_NAME(PlatformWords.MARKUP_BUSINESS_NAME),
    LABEL_NAME(PlatformWords.MARKUP_LABEL_NAME);

    private final PlatformWords refusal;

    Subject(PlatformWords refusal) {
      this.refusal = refusal;
    }
  }

  private PlainText() {}

  /** Whether {@code s} holds a character that a plain name never needs. */
  public static boolean hasMarkup(String s) {
    if (s == null) {
      return false;
    }
    return s.codePoints()
        .anyMatch(
            c -> c == '<' || c == '>' || c == 0x2028 || c == 0x2029 || Character.isISOControl(c));
  }

  /** {@code s} unchanged, or an {@link IllegalArgumentException} with the subject's wording. */
  public static String require(String s, Subject subject) {
    if (hasMarkup(s)) {
      throw new WordedArgumentException(refusal(subject));
    }
    return s;
  }

  /** The refusal for {@code subject}, for a form field. */
  public static Wording refusal(Subject subject) {
    return subject.refusal.with();
  }
}
