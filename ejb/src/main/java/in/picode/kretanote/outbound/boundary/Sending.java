package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.outbound.control.ContentProblem;
import in.picode.kretanote.outbound.control.InvalidContentException;
import in.picode.kretanote.outbound.control.MediaLinks;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.SendTargets;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the dashboard and the API call to queue WhatsApp messages into a conversation of the current
 * tenant. Every send names an idempotency key: the same key again returns the first message and
 * sends nothing new; the same key with a different message is refused ({@link SendChecks} says what
 * "the same" means). Each call either queues the message (a {@code message} row, PENDING, and an
 * outbox row, written together) or refuses it with a code and a reason; a refused request leaves
 * nothing behind. Location, contact cards, reply buttons, lists and reactions are sent by {@link
 * RichSending}. The sender delivers queued messages to Meta ({@link OutboxSender}). Nothing here
 * waits for Meta: files are uploaded by {@link MediaUploads}, read receipts go by {@link
 * ReadReceipts}, both outside any transaction.
 */
@Stateless
@TenantScoped
public class Sending {

  @Inject SendQueue sendQueue;
  @Inject SendTargets targets;

  @Inject
  @ConfigProperty(name = "kretanote.sandbox", defaultValue = "false")
  boolean sandbox;

  /** Unset: as {@code kretanote.sandbox}. True lets media links be plain HTTP (a local server). */
  @Inject
  @ConfigProperty(name = "kretanote.outbound.media-links-allow-http")
  Optional<Boolean> mediaLinksAllowHttp;

  public SendResult sendText(long conversationId, String idempotencyKey, String text) {
    return sendQueue.submit(
        conversationId, idempotencyKey, () -> new OutgoingContent.Text(text, false));
  }

  /** A text quoting one of the conversation's messages (WhatsApp shows it as a reply). */
  public SendResult sendReply(
      long conversationId, String idempotencyKey, String text, long quotedMessageId) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Text(text, false),
        quotedMessageId,
        false,
        null);
  }

  /**
   * A file Meta fetches from {@code link}; {@code kind} is {@code image}, {@code video}, {@code
   * audio} or {@code document} (Meta's message types). The link is checked first ({@link
   * MediaLinks}: HTTPS, plain HTTP only in the sandbox, no credentials, length), then the same key,
   * guard and outbox as every send.
   */
  public SendResult sendMediaLink(
      long conversationId,
      String idempotencyKey,
      String kind,
      String link,
      String caption,
      String filename) {
    Optional<OutgoingContent.MediaKind> k =
        java.util.Arrays.stream(OutgoingContent.MediaKind.values())
            .filter(m -> m.wire().equals(kind))
            .findFirst();
    Optional<String> problem =
        k.isEmpty()
            ? Optional.of("a media link is for an image, video, audio or document")
            : MediaLinks.problem(link, mediaLinksAllowHttp.orElse(sandbox));
    if (problem.isPresent()) {
      return SendResult.refused(RefusalCode.INVALID_MESSAGE.refuse(problem.get()));
    }
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.MediaLink(k.get(), link, caption, filename));
  }

  /**
   * An approved template with its values; the values are checked against the template's components
   * first (count, lengths), so Meta's error 132000 does not come back later.
   */
  public SendResult sendTemplate(
      long conversationId,
      String idempotencyKey,
      String name,
      String language,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Template(name, language, header, body, buttons));
  }

  /**
   * As {@link #sendTemplate}, with the media of an IMAGE, VIDEO or DOCUMENT header: {@code
   * headerMediaKind} names the kind, {@code headerMedia} is a media id (digits) or an https link.
   */
  public SendResult sendTemplate(
      long conversationId,
      String idempotencyKey,
      String name,
      String language,
      List<String> body,
      Map<Integer, List<String>> buttons,
      String headerMediaKind,
      String headerMedia) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () ->
            new OutgoingContent.Template(
                name,
                language,
                List.of(),
                body,
                buttons,
                headerMedia(headerMediaKind, headerMedia)));
  }

  private static OutgoingContent.HeaderMedia headerMedia(String kind, String media) {
    if (media == null || media.isBlank()) {
      return null;
    }
    OutgoingContent.MediaKind k;
    try {
      k =
          OutgoingContent.MediaKind.valueOf(
              String.valueOf(kind).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidContentException(List.of(ContentProblem.of("headerMediaNone")));
    }
    String m = media.strip();
    return m.matches("[0-9]{1,40}")
        ? new OutgoingContent.HeaderMedia(k, m, null)
        : new OutgoingContent.HeaderMedia(k, null, m);
  }

  /**
   * A campaign's template to one contact's conversation: the same guard and checks as {@link
   * #sendTemplate}, with the outbox row marked as the campaign's (so pausing it holds the row).
   */
  public SendResult sendCampaignTemplate(
      long conversationId,
      String idempotencyKey,
      String name,
      String language,
      List<String> body,
      long campaignId) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Template(name, language, List.of(), body, Map.of()),
        null,
        false,
        campaignId);
  }

  /**
   * A text KretaNote sends by itself while the caller's transaction runs (the confirmation of a
   * STOP or START keyword while the webhook is applied): the same guard, joined to that
   * transaction.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public SendResult sendAutomatic(long conversationId, String idempotencyKey, String text) {
    return sendQueue.submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Text(text, false),
        null,
        true,
        null);
  }

  /**
   * A text an automation sends (an away or greeting message, a rule's or a macro's send), joined to
   * the caller's transaction and marked automatic: the same guard as a person's send, and refused
   * too when the customer objected to automated processing. With {@code checkOnly} nothing is
   * written and the result is null when the text would be queued (a dry run).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public SendResult sendAutomated(
      long conversationId, String idempotencyKey, String text, boolean checkOnly) {
    return automated(
        conversationId, idempotencyKey, () -> new OutgoingContent.Text(text, false), checkOnly);
  }

  /** An approved template an automation sends; see {@link #sendAutomated}. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public SendResult sendAutomatedTemplate(
      long conversationId,
      String idempotencyKey,
      String name,
      String language,
      List<String> body,
      boolean checkOnly) {
    return automated(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Template(name, language, List.of(), body, Map.of()),
        checkOnly);
  }

  private SendResult automated(
      long conversationId, String key, Supplier<OutgoingContent> source, boolean checkOnly) {
    OutgoingContent content;
    try {
      content = source.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      return SendQueue.refusedContent(e);
    }
    return queue(
        conversationId,
        key,
        SendChecks.fingerprint(content, null),
        content,
        null,
        true,
        null,
        checkOnly,
        true);
  }

  /**
   * Before a file is uploaded ({@link MediaUploads}): settled when the key already holds a message
   * or the guard refuses, so a repeated or refused file costs no upload; else the number to upload
   * to. {@code fingerprint} is {@link SendChecks#mediaFingerprint}.
   */
  public UploadTarget beforeUpload(long conversationId, String idempotencyKey, String fingerprint) {
    OutgoingContent.Media probe =
        new OutgoingContent.Media(OutgoingContent.MediaKind.DOCUMENT, "-", null, "-");
    SendResult settled =
        queue(conversationId, idempotencyKey, fingerprint, probe, null, false, null, true, false);
    if (settled != null) {
      return UploadTarget.settled(settled);
    }
    SendTargets.Number number =
        targets
            .numberOf(conversationId)
            .orElseThrow(() -> new OutboundRefusedException(OutboundWords.NO_TOKEN.with()));
    return UploadTarget.to(number.phoneNumberId(), number.token());
  }

  /** Queues a file {@link MediaUploads} uploaded, under the fingerprint it checked before. */
  public SendResult sendUploaded(
      long conversationId, String idempotencyKey, String fingerprint, OutgoingContent.Media media) {
    return queue(
        conversationId, idempotencyKey, fingerprint, media, null, false, null, false, false);
  }

  /**
   * What a text send would do, writing nothing: empty when it would be queued, else the refusal (or
   * the message the key already holds).
   */
  public Optional<SendResult> dryRunText(long conversationId, String idempotencyKey, String text) {
    return dryRun(conversationId, idempotencyKey, () -> new OutgoingContent.Text(text, false));
  }

  /** What a template send would do, writing nothing; see {@link #dryRunText}. */
  public Optional<SendResult> dryRunTemplate(
      long conversationId,
      String idempotencyKey,
      String name,
      String language,
      List<String> header,
      List<String> body,
      Map<Integer, List<String>> buttons) {
    return dryRun(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Template(name, language, header, body, buttons));
  }

  private Optional<SendResult> dryRun(
      long conversationId, String key, Supplier<OutgoingContent> source) {
    OutgoingContent content;
    try {
      content = source.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.of(SendQueue.refusedContent(e));
    }
    String fingerprint = SendChecks.fingerprint(content, null);
    return Optional.ofNullable(
        queue(conversationId, key, fingerprint, content, null, false, null, true, false));
  }

  private SendResult queue(
      long conversationId,
      String key,
      String fingerprint,
      OutgoingContent content,
      Long quotedMessageId,
      boolean here,
      Long campaignId,
      boolean checkOnly,
      boolean automation) {
    return sendQueue.queue(
        conversationId,
        key,
        fingerprint,
        content,
        quotedMessageId,
        here,
        campaignId,
        checkOnly,
        automation);
  }
}
