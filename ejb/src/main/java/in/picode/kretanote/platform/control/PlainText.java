package in.picode.kretanote.platform.control;

import java.util.ResourceBundle;

/**
 * Names that people choose and everyone on the team then sees (a user's display name, a business
 * name, a label) are plain text: markup characters ({@code < >}), control characters and the
 * JavaScript line separators U+2028/U+2029 make no sense in them and only serve an attack on a page
 * that forgets to escape. Entities refuse them with a text from {@code
 * PlainTextMessages.properties}, so the sign-up page, the join page, the label forms and any API
 * get the same answer.
 */
public final class PlainText {

  /** What is being named; each has its own refusal text. */
  public enum Subject {
    PERSON_NAME,
    BUSINESS_NAME,
    LABEL_NAME;

    String key() {
      return "markup." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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

  /** {@code s} unchanged, or an {@link IllegalArgumentException} with the subject's text. */
  public static String require(String s, Subject subject) {
    if (hasMarkup(s)) {
      throw new IllegalArgumentException(refusal(subject));
    }
    return s;
  }

  /** The refusal text for {@code subject}, for a form field. */
  public static String refusal(Subject subject) {
    return ResourceBundle.getBundle(
            PlainText.class.getName() + "Messages",
            java.util.Locale.ROOT,
            PlainText.class.getClassLoader())
        .getString(subject.key());
  }
}
