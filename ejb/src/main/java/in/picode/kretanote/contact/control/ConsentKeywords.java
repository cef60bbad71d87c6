package in.picode.kretanote.contact.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises an opt-out or opt-in keyword in a customer's message. Only a message that is the
 * keyword and nothing else counts ("STOP", "stop!", " Stopp "), so "please don't stop the delivery"
 * changes nothing. Case, accents and surrounding punctuation are ignored; the lists are
 * configurable ({@code kretanote.outbound.keywords.stop} / {@code .start}, comma-separated).
 */
public final class ConsentKeywords {

  public enum Keyword {
    STOP,
    START
  }

  public static final String DEFAULT_STOP =
      "STOP,STOPP,STOP ALL,UNSUBSCRIBE,CANCEL,END,QUIT,OPT OUT,ARRET,ALTO,BASTA,PARAR,PARE,"
          + "ABMELDEN,ABBESTELLEN,DESUSCRIBIR,CANCELAR,DISISCRIVITI,AFMELDEN,WYPISZ,DUR";
  public static final String DEFAULT_START =
      "START,UNSTOP,SUBSCRIBE,OPT IN,ANMELDEN,COMMENCER,INICIAR,ALTA,ISCRIVITI,AANMELDEN,BASLA";

  /** Longest message looked at: a keyword is short, anything long is a real message. */
  static final int MAX_LENGTH = 40;

  private final Set<String> stop;
  private final Set<String> start;

  public ConsentKeywords(String stopList, String startList) {
    this.stop = parse(stopList);
    this.start = parse(startList);
    Set<String> both = new LinkedHashSet<>(stop);
    both.retainAll(start);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("Keywords both stop and start: " + both);
    }
  }

  public static ConsentKeywords defaults() {
    return new ConsentKeywords(DEFAULT_STOP, DEFAULT_START);
  }

  public Optional<Keyword> match(String message) {
    if (message == null || message.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String n = normalise(message);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (stop.contains(n)) {
      return Optional.of(Keyword.STOP);
    }
    if (start.contains(n)) {
      return Optional.of(Keyword.START);
    }
    return Optional.empty();
  }

  private static Set<String> parse(String list) {
    if (list == null) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(ConsentKeywords::normalise)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static String normalise(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String letters =
        decomposed
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip()
            .replaceAll(" +", " ")
            .toUpperCase(Locale.ROOT);
    return letters;
  }
}
