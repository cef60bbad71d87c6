package in.picode.kretanote.inbound.control;

import java.util.List;

/**
 * Everything one webhook POST carried, in the order Meta sent it, and what could not be read. A
 * non-empty {@code rejections} does not make the rest invalid; see {@link WebhookPayloadParser}.
 */
public record ParsedWebhook(List<WebhookChange> changes, List<Rejection> rejections) {

  public ParsedWebhook {
    changes = List.copyOf(changes);
    rejections = List.copyOf(rejections);
  }

  public List<MessagesChange> messageChanges() {
    return changes.stream()
        .filter(MessagesChange.class::isInstance)
        .map(MessagesChange.class::cast)
        .toList();
  }

  public List<OtherChange> otherChanges() {
    return changes.stream()
        .filter(OtherChange.class::isInstance)
        .map(OtherChange.class::cast)
        .toList();
  }

  public boolean isComplete() {
    return rejections.isEmpty();
  }
}
