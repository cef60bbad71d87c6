package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.InvalidContentException;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.RecipientRestrictions;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.SendTargets;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one path of every send {@link Sending} and {@link RichSending} offer, run in their caller's
 * transaction: the idempotency key, the conversation, the quoted message, the guard and a
 * template's values, then the message and outbox rows ({@link OutboxWriter}).
 */
@Dependent
public class SendQueue {

  @Inject SendGuard guard;
  @Inject OutboxWriter writer;
  @Inject SendTargets targets;
  @Inject RecipientRestrictions restrictions;

  private final Clock clock = Clock.systemUTC();

  /**
   * A send from its content: a content that cannot be built is refused ({@link #refusedContent}),
   * else it is queued under its fingerprint; see {@link #queue}.
   */
  SendResult submit(long conversationId, String key, Supplier<OutgoingContent> source) {
    return submit(conversationId, key, source, null, false, null);
  }

  SendResult submit(
      long conversationId,
      String key,
      Supplier<OutgoingContent> source,
      Long quotedMessageId,
      boolean here,
      Long campaignId) {
    OutgoingContent content;
    try {
      content = source.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      return refusedContent(e);
    }
    String fingerprint = SendChecks.fingerprint(content, quotedMessageId);
    return queue(
        conversationId, key, fingerprint, content, quotedMessageId, here, campaignId, false, false);
  }

  /** A message that cannot be built: every problem of its shape, in codes the pages translate. */
  static SendResult refusedContent(RuntimeException e) {
    return SendResult.refused(
        e instanceof InvalidContentException invalid
            ? Refusal.invalid(invalid.problems())
            : RefusalCode.INVALID_MESSAGE.refuse(e.getMessage()));
  }

  /**
   * The one path of every send: the key, the conversation, the quoted message, the guard and a
   * template's values, then the message and outbox rows. With {@code checkOnly}, null when all
   * checks pass and nothing is written. {@code here} joins the caller's transaction; {@code
   * automation} marks the message automatic and refuses a customer who objected to automated
   * processing (the sender asks again before the call).
   */
  public SendResult queue(
      long conversationId,
      String key,
      String fingerprint,
      OutgoingContent content,
      Long quotedMessageId,
      boolean here,
      Long campaignId,
      boolean checkOnly,
      boolean automation) {
    byte[] hash = SendChecks.requestHash(conversationId, fingerprint);
    Optional<SendResult> settled = settled(key, hash);
    if (settled.isPresent()) {
      return settled.get();
    }
    Instant now = Instant.now(clock);
    SendTargets.Target target = targets.of(conversationId, content, quotedMessageId);
    if (target.refusal() != null) {
      return SendResult.refused(target.refusal());
    }
    MessageTemplate template = target.template();
    Optional<Refusal> refusal =
        guard.check(target.conversation(), target.category(), template, target.templateName(), now);
    if (refusal.isEmpty() && content instanceof OutgoingContent.Template t) {
      refusal = SendChecks.templateProblem(template.getComponents(), t);
    }
    if (refusal.isEmpty()
        && automation
        && !restrictions.automatedProcessingAllowed(
            Tenancy.require(), target.conversation().getContactId())) {
      refusal = Optional.of(RefusalCode.AUTOMATION_OPT_OUT.refuse());
    }
    if (refusal.isPresent() || checkOnly) {
      return refusal.map(SendResult::refused).orElse(null);
    }
    OutboxWriter.Draft draft =
        OutboxWriter.Draft.of(target, content, quotedMessageId, key, hash, campaignId, automation);
    if (here) {
      return SendResult.queued(writer.writeHere(draft, now), false);
    }
    try {
      return SendResult.queued(writer.writeNew(draft, now), false);
    } catch (EJBException e) {
      // Another request with the same key won the race (unique key); answer with its message,
      // read afresh (this transaction's snapshot predates the winner's commit).
      return writer
          .holderOf(key)
          .map(h -> answer(h.requestSha256(), h.messageId(), hash))
          .orElseThrow(() -> e);
    }
  }

  /** The answer when the key already holds a message, or a refusal of the key itself. */
  private Optional<SendResult> settled(String key, byte[] hash) {
    Optional<Refusal> bad = SendChecks.keyProblem(key);
    return bad.isPresent()
        ? bad.map(SendResult::refused)
        : targets.holderOf(key).map(o -> answer(o.getRequestSha256(), o.getMessageId(), hash));
  }

  private static SendResult answer(byte[] heldHash, long heldMessageId, byte[] hash) {
    return Arrays.equals(heldHash, hash)
        ? SendResult.queued(heldMessageId, true)
        : SendResult.refused(RefusalCode.IDEMPOTENCY_CONFLICT.refuse());
  }
}
