package in.picode.kretanote.api.boundary;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do; the wire names are {@code contacts:read} and so on. */
public enum Scope {
  CONTACTS_READ("contacts:read"),
  CONTACTS_WRITE("contacts:write"),
  CONVERSATIONS_READ("conversations:read"),
  CONVERSATIONS_WRITE("conversations:write"),
  MESSAGES_SEND("messages:send"),
  TEMPLATES_READ("templates:read"),
  TEMPLATES_WRITE("templates:write"),
  CAMPAIGNS_READ("campaigns:read"),
  CAMPAIGNS_WRITE("campaigns:write"),
  WEBHOOKS_MANAGE("webhooks:manage");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Scope> of(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }
}
