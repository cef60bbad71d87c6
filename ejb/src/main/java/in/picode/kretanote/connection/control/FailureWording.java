package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.ConnectionWords;
import in.picode.kretanote.connection.boundary.HealthWords;
import in.picode.kretanote.connection.entity.SignupFailure;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.platform.boundary.StoredWordings;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain words for a failed signup step: what KretaNote was doing, why it failed (from Meta's code,
 * never its message alone), and what to do. Meta's code and trace id are appended for support. A
 * failed connection keeps them in English and as codes with their arguments ({@link #json}), so its
 * page words them in the reader's language ({@link #stored}).
 */
public final class FailureWording {

  private FailureWording() {}

  /** The sentences in English, one text (what a failed connection stores). */
  public static String of(Step step, GraphException e) {
    return String.join(" ", Wording.english(wordings(step, e)));
  }

  /**
   * The sentences as the connection stores them beside the English reason ({@link
   * StoredWordings#jsonAll}); null when one of them is not a code a page could word again (then the
   * English reason is shown).
   */
  public static String json(List<Wording> sentences) {
    return StoredWordings.jsonAll(sentences, SignupFailure.WORDING_MAX);
  }

  /**
   * The reason a failed connection shows: its stored sentences as wordings, else (a row from before
   * they were stored, or one that does not read) the stored English reason as it is.
   */
  public static List<Wording> stored(WhatsAppConnection c) {
    List<Wording> out = StoredWordings.readAll(c.getFailureWording());
    if (!out.isEmpty()) {
      return out;
    }
    return List.of(
        c.getFailureReason() == null
            ? HealthWords.FAILED_NO_REASON.with()
            : Wording.unworded(c.getFailureReason()));
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
