package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain words for a failed signup step: what KretaNote was doing, why it failed (from Meta's code,
 * never its message alone), and what to do. Meta's code and trace id are appended for support.
 */
public final class FailureWording {

  private FailureWording() {}

  /** The sentences in English, one text (what a failed connection stores). */
  public static String of(Step step, GraphException e) {
    return String.join(" ", Wording.english(wordings(step, e)));
  }

  /** The sentences as wordings, for a refusal a page words in the reader's language. */
  public static List<Wording> wordings(Step step, GraphException e) {
    List<Wording> sentences = new ArrayList<>();
    sentences.add(what(step).with());
    sentences.add(why(step, e));
    support(e).ifPresent(sentences::add);
    return sentences;
  }

  static ConnectionWords what(Step step) {
    return switch (step) {
      case EXCHANGE_CODE -> ConnectionWords.STEP_EXCHANGE_CODE;
      case CHECK_TOKEN -> ConnectionWords.STEP_CHECK_TOKEN;
      case SUBSCRIBE_APP -> ConnectionWords.STEP_SUBSCRIBE_APP;
      case REGISTER_NUMBER -> ConnectionWords.STEP_REGISTER_NUMBER;
      case READ_NUMBER -> ConnectionWords.STEP_READ_NUMBER;
    };
  }

  static Wording why(Step step, GraphException e) {
    if (step == Step.EXCHANGE_CODE && e.hasCode(100)) {
      return ConnectionWords.WHY_CODE_USED.with();
    }
    if (step == Step.REGISTER_NUMBER && e.hasCode(133005)) {
      return ConnectionWords.WHY_PIN.with();
    }
    if (step == Step.REGISTER_NUMBER && e.hasCode(133016)) {
      return ConnectionWords.WHY_REGISTER_LIMIT.with();
    }
    return switch (e.errorClass()) {
      case TRANSIENT ->
          (e.httpStatus() == 0 ? ConnectionWords.WHY_NO_ANSWER : ConnectionWords.WHY_TEMPORARY)
              .with();
      case THROTTLED -> ConnectionWords.WHY_THROTTLED.with();
      case AUTH -> ConnectionWords.WHY_AUTH.with();
      case PERMANENT ->
          e.details()
              .or(e::metaMessage)
              .map(d -> ConnectionWords.WHY_REFUSED_SAYING.with(trim(d)))
              .orElseGet(ConnectionWords.WHY_REFUSED::with);
    };
  }

  private static Optional<Wording> support(GraphException e) {
    if (e.code().isPresent() && e.fbtraceId().isPresent()) {
      return Optional.of(
          ConnectionWords.SUPPORT_CODE_TRACE.with(e.code().get(), e.fbtraceId().get()));
    }
    return e.code()
        .map(c -> ConnectionWords.SUPPORT_CODE.with(c))
        .or(() -> e.fbtraceId().map(t -> ConnectionWords.SUPPORT_TRACE.with(t)));
  }

  private static String trim(String s) {
    String t = s.strip();
    if (t.length() > 200) {
      t = t.substring(0, 200) + "…";
    }
    return t.endsWith(".") ? t : t + ".";
  }
}
