package in.picode.kretanote.inbound.control;

import java.util.Objects;
import java.util.Optional;

/**
 * A part of a webhook that could not be read, while the rest of it could. {@code path} points at
 * the rejected element ({@code entry[0].changes[1].value.messages[2]}); {@code rawJson} is that
 * element as received, so it can be kept and replayed once the parser learns its shape: Meta never
 * resends a corrected version.
 */
public record Rejection(String path, String reason, Optional<String> rawJson) {

  public Rejection {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
