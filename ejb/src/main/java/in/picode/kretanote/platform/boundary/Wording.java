package in.picode.kretanote.platform.boundary;

import java.io.Serializable;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

/**
 * A sentence for a user as a language-free {@link #code} and its {@link #args}: the web layer words
 * it in the reader's language from its bundles ({@code platform.view.Wordings}). {@link #english}
 * is the sentence in English, for the public API (whose answers are English), logs and the
 * exception's message; the web's English bundle holds the same pattern (a test compares them).
 * Arguments are values (names, counts, instants for dates), never sentences of their own; the one
 * exception is a {@code Wording} argument (a step's problem under the step's number, a kind of file
 * in a sentence about it), which is worded in the same language first.
 */
public record Wording(String code, String pattern, List<Object> args) implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  public Wording {
    Objects.requireNonNull(pattern);
    args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
  }

  /**
   * A sentence that has no code yet (checks deep in a control that still write English): shown as
   * it is, in every language.
   */
  public static Wording unworded(String english) {
    return new Wording(null, english, List.of());
  }

  public static List<Wording> unworded(List<String> english) {
    return english.stream().map(Wording::unworded).toList();
  }

  /** The wording a refusal carries, else its message as it is. */
  public static Wording of(Throwable e) {
    if (e instanceof Worded w && w.wordings().size() == 1) {
      return w.wordings().get(0);
    }
    return unworded(e.getMessage());
  }

  /** The English sentences of {@code wordings}. */
  public static List<String> english(List<Wording> wordings) {
    return wordings.stream().map(Wording::english).toList();
  }

  /** The English sentence. */
  public String english() {
    return code == null ? pattern : format(pattern, Locale.ENGLISH);
  }

  /**
   * The sentence of {@code localPattern} (this code's text in {@code locale}) with the args. An
   * {@link Instant} argument is a date ({@code {0,date,d MMM yyyy}}, {@code {0,date,long}}) with
   * the month in the reader's language, read in UTC as the pages' dates of a connection or a
   * subscription are.
   */
  public String format(String localPattern, Locale locale) {
    Object[] shown = args.stream().map(a -> shown(a, locale)).toArray();
    MessageFormat message = new MessageFormat(localPattern, locale);
    Format[] formats = message.getFormats();
    for (Format f : formats) {
      if (f instanceof DateFormat date) {
        date.setTimeZone(UTC);
      }
    }
    message.setFormats(formats);
    return message.format(shown);
  }

  /**
   * An argument as a reader of {@code locale} sees it: a weekday by its name in the language; a
   * wording in English (the web words it in the page's language before it gets here); an instant as
   * a date for {@link MessageFormat}.
   */
  private static Object shown(Object arg, Locale locale) {
    if (arg instanceof Wording w) {
      return w.english();
    }
    if (arg instanceof Instant i) {
      return Date.from(i);
    }
    return arg instanceof DayOfWeek d ? d.getDisplayName(TextStyle.FULL, locale) : arg;
  }

  /**
   * The codes of a feature: an enum whose constants carry their English pattern ({@link
   * MessageFormat}, a quote written twice). The code is {@code EnumName.CONSTANT}.
   */
  public interface Code {

    String name();

    String pattern();

    default Wording with(Object... args) {
      return new Wording(getClass().getSimpleName() + "." + name(), pattern(), Arrays.asList(args));
    }
  }

  /** An exception (or answer) that carries its sentences as wordings. */
  public interface Worded {

    List<Wording> wordings();
  }
}
