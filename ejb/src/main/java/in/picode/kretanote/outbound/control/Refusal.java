package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.Objects;

/** A send KretaNote refuses: a machine {@link #code} and a plain-words {@link #reason}. */
public record Refusal(RefusalCode code, String reason, Wording wording) {

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
