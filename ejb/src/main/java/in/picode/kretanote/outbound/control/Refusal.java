package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A send KretaNote refuses: a machine {@link #code}, a plain-words {@link #reason}, the same as a
 * {@link #wording} for the reader's language, and for a message Meta would refuse for its shape
 * every {@link #problems problem} at once.
 */
public record Refusal(
    RefusalCode code, String reason, Wording wording, List<ContentProblem> problems) {

  public Refusal {
    Objects.requireNonNull(code);
    Objects.requireNonNull(reason);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public Refusal(RefusalCode code, String reason, Wording wording) {
    this(code, reason, wording, List.of());
  }

  /** A message Meta would refuse for its shape: every problem at once. */
  public static Refusal invalid(List<ContentProblem> problems) {
    Refusal r =
        RefusalCode.INVALID_MESSAGE.refuse(
            problems.stream().map(ContentProblem::english).collect(Collectors.joining("; ")));
    return new Refusal(r.code(), r.reason(), r.wording(), problems);
  }

  public String getCode() {
    return code.name();
  }

  public String getReason() {
    return reason;
  }
}
