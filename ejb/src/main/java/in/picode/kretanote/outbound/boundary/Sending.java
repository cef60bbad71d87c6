package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.control.MediaRules;
import in.picode.kretanote.outbound.control.MetaPayloads;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.TemplateParameters;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the dashboard and the API call to send WhatsApp messages into a conversation of the current
 * tenant. Every send names an idempotency key (the client's id of this request, 1–100 printable
 * characters): the same key again returns the first message and sends nothing new; the same key
 * with a different message is refused. Each call either queues the message (a {@code message} row,
 * PENDING, and an outbox row, written together) or refuses it with a code and a reason; a refused
 * request leaves nothing behind. The sender delivers queued messages to Meta (see {@link
 * OutboxSender}).
 */
@Stateless
@TenantScoped
public class Sending {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject SendGuard guard;
  @Inject OutboxWriter writer;
  @Inject ConnectionStore connections;
  @Inject GraphApi graph;
  @Inject OutboxClaims claims;

  private final Clock clock = Clock.systemUTC();

  public SendResult sendText(long conversationId, String idempotencyKey, String text) {
    return submit(
        conversationId, idempotencyKey, () -> new OutgoingContent.Text(text, false), null, false);
  }

  /** A text quoting one of the conversation's messages (WhatsApp shows it as a reply). */
  public SendResult sendReply(
      long conversationId, String idempotencyKey, String text, long quotedMessageId) {
    return submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Text(text, false),
        quotedMessageId,
        false);
  }

  /** Location, reply buttons or a list message. */
  public SendResult send(long conversationId, String idempotencyKey, OutgoingContent content) {
    if (content instanceof OutgoingContent.Template
        || content instanceof OutgoingContent.Reaction
        || content instanceof OutgoingContent.Media) {
      return SendResult.refused(
          RefusalCode.INVALID_MESSAGE.refuse("use the template, reaction or media method"));
    }
    return submit(conversationId, idempotencyKey, () -> content, null, false);
  }

  /** An emoji on one of the conversation's messages; an empty emoji removes the reaction. */
  public SendResult sendReaction(
      long conversationId, String idempotencyKey, long messageId, String emoji) {
    Message target = em.find(Message.class, messageId);
    if (target == null
        || target.getConversationId() != conversationId
        || target.getWamid() == null) {
      return SendResult.refused(
          RefusalCode.INVALID_MESSAGE.refuse(
              "the message to react to is not in this conversation"));
    }
    return submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Reaction(target.getWamid(), emoji),
        null,
        false);
  }

  /**
   * A file uploaded to Meta ({@code POST /{PNID}/media}) and then sent by its media id. Meta's
   * types and sizes per kind ({@link MediaRules}) are checked first; the upload happens only after
   * the guard said yes.
   */
  public SendResult sendMedia(
      long conversationId,
      String idempotencyKey,
      OutgoingContent.MediaKind kind,
      byte[] bytes,
      String mimeType,
      String filename,
      String caption) {
    Optional<String> problem = MediaRules.problem(kind, mimeType, bytes);
    if (problem.isPresent()) {
      return SendResult.refused(RefusalCode.INVALID_MESSAGE.refuse(problem.get()));
    }
    String fingerprint =
        "media|"
            + kind
            + "|"
            + mimeType
            + "|"
            + filename
            + "|"
            + caption
            + "|"
            + hex(sha256(bytes));
    return submitPrepared(
        conversationId,
        idempotencyKey,
        fingerprint,
        () -> {
          new OutgoingContent.Media(kind, "pending", caption, filename);
          return null;
        },
        (conversation) -> {
          WhatsAppConnection c = em.find(WhatsAppConnection.class, conversation.getConnectionId());
          AccessToken token =
              connections
                  .token(c.getId())
                  .orElseThrow(
                      () ->
                          new OutboundRefusedException(
                              "The number has no access token: reconnect it"));
          String mediaId =
              graph.uploadMedia(token, c.getPhoneNumberId(), bytes, mimeType, filename);
          return new OutgoingContent.Media(kind, mediaId, caption, filename);
        });
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
    return submit(
        conversationId,
        idempotencyKey,
        () -> new OutgoingContent.Template(name, language, header, body, buttons),
        null,
        false);
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
    return submit(
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
    return submit(
        conversationId, idempotencyKey, () -> new OutgoingContent.Text(text, false), null, true);
  }

  /**
   * Marks the conversation's latest customer message as read at Meta (blue ticks) and clears the
   * unread count; a refusal when the number cannot send or there is nothing to mark.
   */
  public Optional<Refusal> markRead(long conversationId) {
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null) {
      return Optional.of(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    WhatsAppConnection c = em.find(WhatsAppConnection.class, conversation.getConnectionId());
    if (c == null || c.getStatus() != WhatsAppConnection.Status.CONNECTED) {
      return Optional.of(
          RefusalCode.CONNECTION_NOT_CONNECTED.refuse(c == null ? "unknown" : c.getStatus()));
    }
    Optional<Message> latest =
        em.createNamedQuery(Message.PAGE_OF_CONVERSATION, Message.class)
            .setParameter("conversation", conversationId)
            .setMaxResults(50)
            .getResultStream()
            .filter(m -> m.getDirection() == Direction.INBOUND && m.getWamid() != null)
            .findFirst();
    if (latest.isEmpty()) {
      return Optional.of(RefusalCode.NOTHING_TO_MARK.refuse());
    }
    AccessToken token =
        connections
            .token(c.getId())
            .orElseThrow(
                () -> new OutboundRefusedException("The number has no access token: reconnect it"));
    graph.markRead(token, c.getPhoneNumberId(), latest.get().getWamid());
    conversation.markedRead();
    return Optional.empty();
  }

  /**
   * Sets a number's throughput in messages per second (1–1,000; {@code null}: the configured
   * default, {@code kretanote.outbound.default-per-second}); every server honours it from its next
   * slot.
   */
  public void setThroughput(long connectionId, Integer perSecond) {
    if (em.find(WhatsAppConnection.class, connectionId) == null) {
      throw new OutboundRefusedException("No such WhatsApp connection");
    }
    if (perSecond != null && (perSecond < 1 || perSecond > 1000)) {
      throw new OutboundRefusedException("A number sends 1 to 1,000 messages per second");
    }
    claims.setRate(Tenancy.require(), connectionId, perSecond, Instant.now(clock));
  }

  /** Where a message of the current tenant stands; empty for another tenant's or no message. */
  public Optional<Outcome> outcome(long messageId) {
    Message m = em.find(Message.class, messageId);
    if (m == null || m.getDirection() != Direction.OUTBOUND) {
      return Optional.empty();
    }
    Optional<OutboxEntry> o =
        em.createNamedQuery(OutboxEntry.BY_MESSAGE, OutboxEntry.class)
            .setParameter("message", messageId)
            .getResultStream()
            .findFirst();
    return Optional.of(
        new Outcome(
            m.getId(),
            m.getWamid(),
            m.getStatus(),
            o.map(OutboxEntry::getState).orElse(null),
            o.map(OutboxEntry::getAttempts).orElse(0),
            m.getErrorCode() != null
                ? m.getErrorCode()
                : o.map(OutboxEntry::getErrorCode).orElse(null),
            o.map(OutboxEntry::getRefusalCode).orElse(null),
            m.getErrorDetails() != null
                ? m.getErrorDetails()
                : o.map(OutboxEntry::getOutcome).orElse(null)));
  }

  // --- the common path ---

  interface ContentSource {
    OutgoingContent get();
  }

  interface Finisher {
    OutgoingContent finish(Conversation conversation);
  }

  private SendResult submit(
      long conversationId, String key, ContentSource source, Long quotedMessageId, boolean here) {
    return submit(conversationId, key, source, quotedMessageId, here, null);
  }

  private SendResult submit(
      long conversationId,
      String key,
      ContentSource source,
      Long quotedMessageId,
      boolean here,
      Long campaignId) {
    OutgoingContent content;
    try {
      content = source.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      return SendResult.refused(RefusalCode.INVALID_MESSAGE.refuse(e.getMessage()));
    }
    String fingerprint =
        content.type() + "|" + quotedMessageId + "|" + MetaPayloads.build("-", content, null);
    return submitPrepared(
        conversationId, key, fingerprint, () -> content, quotedMessageId, here, null, campaignId);
  }

  private SendResult submitPrepared(
      long conversationId,
      String key,
      String fingerprint,
      ContentSource validate,
      Finisher finisher) {
    try {
      validate.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      return SendResult.refused(RefusalCode.INVALID_MESSAGE.refuse(e.getMessage()));
    }
    return submitPrepared(conversationId, key, fingerprint, null, null, false, finisher, null);
  }

  private SendResult submitPrepared(
      long conversationId,
      String key,
      String fingerprint,
      ContentSource content,
      Long quotedMessageId,
      boolean here,
      Finisher finisher,
      Long campaignId) {
    if (key == null || !KEY.matcher(key).matches()) {
      return SendResult.refused(
          RefusalCode.INVALID_MESSAGE.refuse(
              "a request id (idempotency key) of 1 to 100 printable characters is required"));
    }
    byte[] hash = sha256(conversationId + "|" + fingerprint);
    Optional<SendResult> earlier = earlier(key, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Instant now = Instant.now(clock);
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null) {
      return SendResult.refused(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    String contextWamid = null;
    if (quotedMessageId != null) {
      Message quoted = em.find(Message.class, quotedMessageId);
      if (quoted == null
          || quoted.getConversationId() != conversationId
          || quoted.getWamid() == null) {
        return SendResult.refused(
            RefusalCode.INVALID_MESSAGE.refuse("the quoted message is not in this conversation"));
      }
      contextWamid = quoted.getWamid();
    }
    OutgoingContent preliminary = content == null ? null : content.get();
    Category category = Category.SERVICE;
    MessageTemplate template = null;
    String templateName = null;
    OutboxEntry.Kind kind =
        preliminary instanceof OutgoingContent.Reaction
            ? OutboxEntry.Kind.REACTION
            : OutboxEntry.Kind.FREE_FORM;
    if (preliminary instanceof OutgoingContent.Template t) {
      kind = OutboxEntry.Kind.TEMPLATE;
      templateName = t.name() + " (" + t.language() + ")";
      template =
          em.createNamedQuery(MessageTemplate.BY_NAME, MessageTemplate.class)
              .setParameter("connection", conversation.getConnectionId())
              .setParameter("name", t.name())
              .setParameter("language", t.language())
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (template != null) {
        category = template.getCategory();
      }
    }
    Optional<Refusal> refusal = guard.check(conversation, category, template, templateName, now);
    if (refusal.isPresent()) {
      return SendResult.refused(refusal.get());
    }
    if (preliminary instanceof OutgoingContent.Template t) {
      List<String> problems =
          TemplateParameters.problems(
              parseArray(template.getComponents()), t.header(), t.body(), t.buttons());
      if (!problems.isEmpty()) {
        return SendResult.refused(
            RefusalCode.TEMPLATE_PARAMETERS.refuse(String.join("; ", problems)));
      }
    }
    OutgoingContent finalContent;
    try {
      finalContent = finisher != null ? finisher.finish(conversation) : preliminary;
    } catch (GraphException e) {
      return SendResult.refused(
          RefusalCode.INVALID_MESSAGE.refuse(
              "the file could not be uploaded to WhatsApp ("
                  + e.code().map(c -> "code " + c).orElse("no answer")
                  + ")"));
    }
    Contact contact = em.find(Contact.class, conversation.getContactId());
    String to = contact.getWaId() != null ? contact.getWaId() : contact.getUserId();
    JsonObject payload = MetaPayloads.build(to, finalContent, contextWamid);
    OutboxWriter.Draft draft =
        new OutboxWriter.Draft(
            conversationId,
            finalContent.type(),
            finalContent.preview(),
            payload.toString(),
            contextWamid,
            quotedMessageId,
            category,
            kind,
            template == null ? null : template.getId(),
            contact.getIdentityKey(),
            key,
            hash,
            campaignId);
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
          .map(
              h ->
                  Arrays.equals(h.requestSha256(), hash)
                      ? SendResult.queued(h.messageId(), true)
                      : SendResult.refused(RefusalCode.IDEMPOTENCY_CONFLICT.refuse()))
          .orElseThrow(() -> e);
    }
  }

  private Optional<SendResult> earlier(String key, byte[] hash) {
    return em.createNamedQuery(OutboxEntry.BY_KEY, OutboxEntry.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .map(
            o ->
                Arrays.equals(o.getRequestSha256(), hash)
                    ? SendResult.queued(o.getMessageId(), true)
                    : SendResult.refused(RefusalCode.IDEMPOTENCY_CONFLICT.refuse()));
  }

  static JsonArray parseArray(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x));
    }
    return s.toString();
  }
}
