package in.picode.kretanote.outbound.control;

import java.util.List;
import java.util.Objects;

/** A send KretaNote refuses: a machine {@link #code} and a plain-words {@link #reason}. */
public record Refusal(RefusalCode code, String reason, List<ContentProblem> problems) {

  public Refusal {
    Objects.requireNonNull(code);
    Objects.requireNonNull(reason);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public Refusal(RefusalCode code, String reason) {
    this(code, reason, List.of());
  }

  /** A message Meta would refuse for its shape: every problem at once. */
  public static Refusal invalid(List<ContentProblem> problems) {
    Refusal r =
        RefusalCode.INVALID_MESSAGE.refuse(
            problems.stream()
                .map(ContentProblem::english)
                .collect(java.util.stream.Collectors.joining("; ")));
    return new Refusal(r.code(), r.reason(), problems);
  }

  public String getCode() {
    return code.name();
  }

  public String getReason() {
    return reason;
  }
}
