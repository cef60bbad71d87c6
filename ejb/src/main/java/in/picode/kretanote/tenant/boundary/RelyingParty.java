package in.picode.kretanote.tenant.boundary;

import java.util.Objects;

/** Where a passkey ceremony must have happened: the page's origin and the relying party id. */
public record RelyingParty(String origin, String rpId) {
  public RelyingParty {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rpId, "rpId");
  }
}
