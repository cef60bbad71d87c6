package in.picode.kretanote.inbound.control;

import java.util.Objects;
import java.util.Optional;

/**
 * A sender as the {@code contacts} array of a messages change describes them. A user who adopted a
 * username may come without {@code wa_id}, hence every attribute but the key is optional.
 */
public record InboundContact(
    ContactKey key,
    Optional<String> waId,
    Optional<String> userId,
    Optional<String> profileName,
    Optional<String> username) {

  public InboundContact {
    Objects.requireNonNull(key, "key");
  }
}
