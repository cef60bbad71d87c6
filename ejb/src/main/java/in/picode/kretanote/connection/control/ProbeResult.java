package in.picode.kretanote.connection.control;

import in.picode.kretanote.meta.boundary.HealthStatus;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import java.util.List;

/**
 * What one health probe learnt. A null part was not learnt: Meta failed or was not asked (with an
 * invalid token nothing but the token is asked). {@code tokenRejected} is set when any call
 * answered "invalid token" (code 190), which settles the token even without {@code debug_token}.
 */
public record ProbeResult(
    TokenInfo token,
    boolean tokenRejected,
    PhoneNumberInfo number,
    HealthStatus health,
    Boolean subscribed,
    List<String> errors) {

  public ProbeResult {
    errors = List.copyOf(errors);
  }
}
