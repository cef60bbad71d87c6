package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.boundary.MessageLog;
import in.picode.kretanote.messaging.boundary.OutgoingMessage;
import in.picode.kretanote.outbound.control.MetaPayloads;
import in.picode.kretanote.outbound.control.OutgoingContent;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.SendTargets;
import in.picode.kretanote.outbound.control.TemplateText;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes an outbound message ({@link MessageLog#queue}) and its outbox row in one transaction.
 * {@link #writeNew} commits on its own, so that a second request racing with the same idempotency
 * key fails on the unique key alone and the caller can answer with the first request's message;
 * {@link #writeHere} joins the caller's transaction (an automatic reply decided while a webhook is
 * applied commits or rolls back with it).
 */
@Stateless
@TenantScoped
public class OutboxWriter {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject MessageLog log;

  /** What to write; {@code payload} is Meta's message object. */
  public record Draft(
      long conversationId,
      String type,
      String preview,
      String payload,
      String contextWamid,
      Long contextMessageId,
      Category category,
      OutboxEntry.Kind kind,
      Long templateId,
      String recipient,
      String idempotencyKey,
      byte[] requestSha256,
      Long campaignId,
      boolean automatic) {

    /**
     * A checked send's draft: Meta's payload to the contact's phone number ({@code to}), else to
     * its business-scoped user id ({@code recipient}); see {@link MetaPayloads#build}.
     */
    static Draft of(
        SendTargets.Target target,
        OutgoingContent content,
        Long quotedMessageId,
        String key,
        byte[] hash,
        Long campaignId,
        boolean automatic) {
      Contact contact = target.contact();
      // A template is kept in the history as the customer reads it, and sent shaped by its
      // components (named values, media header, code buttons).
      String preview = content.preview();
      JsonArray components = null;
      if (content instanceof OutgoingContent.Template t && target.template() != null) {
        components = SendChecks.components(target.template().getComponents());
        preview = TemplateText.render(components, t.header(), t.body()).text();
      }
      return new Draft(
          target.conversation().getId(),
          content.type(),
          preview,
          MetaPayloads.build(
                  contact.getWaId(),
                  contact.getUserId(),
                  content,
                  target.contextWamid(),
                  components)
              .toString(),
          target.contextWamid(),
          quotedMessageId,
          target.category(),
          target.kind(),
          target.template() == null ? null : target.template().getId(),
          contact.getIdentityKey(),
          key,
          hash,
          campaignId,
          automatic);
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long writeNew(Draft draft, Instant now) {
    return write(draft, now);
  }

  /** Who holds an idempotency key: the message it queued and the fingerprint of its request. */
  public record KeyHolder(long messageId, byte[] requestSha256) {}

  /**
   * The row holding {@code key}, read in a transaction of its own: the caller's transaction may
   * have read the outbox before a racing request committed, and MariaDB's repeatable read would
   * keep showing it that older picture.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public java.util.Optional<KeyHolder> holderOf(String key) {
    return em.createNamedQuery(OutboxEntry.BY_KEY, OutboxEntry.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .map(o -> new KeyHolder(o.getMessageId(), o.getRequestSha256()));
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long writeHere(Draft draft, Instant now) {
    return write(draft, now);
  }

  private long write(Draft d, Instant now) {
    MessageLog.Queued queued =
        log.queue(
            d.conversationId(),
            new OutgoingMessage(
                d.type(),
                d.preview(),
                d.payload(),
                d.contextWamid(),
                d.contextMessageId(),
                d.automatic()),
            now);
    em.persist(
        new OutboxEntry(
            queued.messageId(),
            queued.connectionId(),
            queued.contactId(),
            d.conversationId(),
            d.campaignId(),
            d.idempotencyKey(),
            d.requestSha256(),
            d.category(),
            d.kind(),
            d.templateId(),
            d.recipient(),
            d.payload(),
            now));
    em.flush();
    return queued.messageId();
  }
}
