package in.picode.kretanote.inbound.control;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error Meta attaches to a status, a message or a whole change. Act on {@code code}; the texts
 * change without notice and are only shown to people.
 */
public record WebhookError(
    OptionalInt code, Optional<String> title, Optional<String> message, Optional<String> details) {}
