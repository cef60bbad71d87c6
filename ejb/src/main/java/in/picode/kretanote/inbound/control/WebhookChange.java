package in.picode.kretanote.inbound.control;

/** One {@code entry[].changes[]} element; {@code wabaId} is the entry's id. */
public sealed interface WebhookChange permits MessagesChange, OtherChange {

  String wabaId();

  String field();
}
