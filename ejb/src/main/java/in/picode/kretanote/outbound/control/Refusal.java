package in.picode.kretanote.outbound.control;

import java.util.Objects;

/** A send KretaNote refuses: a machine {@link #code} and a plain-words {@link #reason}. */
public record Refusal(RefusalCode code, String reason) {

  public Refusal {
    Objects.requireNonNull(code);
    Objects.requireNonNull(reason);
  }

  public String getCode() {
    return code.name();
  }

  public String getReason() {
    return reason;
  }
}
