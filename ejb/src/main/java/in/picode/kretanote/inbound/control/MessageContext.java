package in.picode.kretanote.inbound.control;

import java.util.Optional;

/**
 * Why a message refers to another one: a quoted reply ({@code messageId} is the quoted wamid,
 * {@code from} its sender) or a forward, where Meta sends the flags without an id.
 */
public record MessageContext(
    Optional<String> from,
    Optional<String> messageId,
    boolean forwarded,
    boolean frequentlyForwarded) {}
