package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.ContentProblem;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.SendTargets;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The rich messages the dashboard, the API and the surveys queue into a conversation of the current
 * tenant: a location, a contact card, reply buttons, a list message and a reaction. The same
 * idempotency key, guard and outbox as every send of {@link Sending} ({@link SendQueue}), in the
 * caller's transaction or a new one.
 */
@Stateless
@TenantScoped
public class RichSending {

  @Inject SendQueue sendQueue;
  @Inject SendTargets targets;

  /** Location, reply buttons or a list message. */
  public SendResult send(long conversationId, String idempotencyKey, OutgoingContent content) {
    if (content instanceof OutgoingContent.Template
        || content instanceof OutgoingContent.Reaction
        || content instanceof OutgoingContent.Media
        || content instanceof OutgoingContent.MediaLink) {
      return SendResult.refused(
          RefusalCode.INVALID_MESSAGE.refuse("use the template, reaction or media method"));
    }
    return sendQueue.submit(conversationId, idempotencyKey, () -> content);
  }

  /** A reply button or a list row: its id (answered back when chosen), title, description. */
  public record Choice(String id, String title, String description) {}

  /** Up to three reply buttons under a body (for callers outside this feature, like the API). */
  public SendResult sendButtons(
      long conversationId,
      String idempotencyKey,
      String body,
      List<Choice> buttons,
      String footer) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () ->
            new OutgoingContent.Buttons(
                body,
                buttons == null
                    ? null
                    : buttons.stream()
                        .map(b -> new OutgoingContent.Button(b.id(), b.title()))
                        .toList(),
                footer));
  }

  /** A list message with one section of up to ten rows behind a button. */
  public SendResult sendList(
      long conversationId,
      String idempotencyKey,
      String body,
      String buttonText,
      List<Choice> rows,
      String footer) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () ->
            new OutgoingContent.ListMessage(
                body,
                buttonText,
                List.of(
                    new OutgoingContent.Section(
                        null,
                        rows == null
                            ? null
                            : rows.stream()
                                .map(
                                    r ->
                                        new OutgoingContent.Row(r.id(), r.title(), r.description()))
                                .toList())),
                footer));
  }

  /** An emoji on one of the conversation's messages; an empty emoji removes the reaction. */
  public SendResult sendReaction(
      long conversationId, String idempotencyKey, long messageId, String emoji) {
    Optional<String> target = targets.wamidIn(conversationId, messageId);
    if (target.isEmpty()) {
      return SendResult.refused(Refusal.invalid(List.of(ContentProblem.of("reactionTarget"))));
    }
    // The target is kept as the message's context, so the history shows the emoji on it.
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Reaction(target.get(), emoji),
        messageId,
        false,
        null);
  }

  /** A place: latitude -90..90, longitude -180..180, with an optional name and address. */
  public SendResult sendLocation(
      long conversationId,
      String idempotencyKey,
      double latitude,
      double longitude,
      String name,
      String address) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Location(latitude, longitude, name, address));
  }

  /** A contact card: a name and a phone number or an email, optionally a company. */
  public SendResult sendContactCard(
      long conversationId,
      String idempotencyKey,
      String name,
      String phone,
      String email,
      String company) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.ContactCard(name, phone, email, company));
  }
}
