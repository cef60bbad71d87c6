package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.Reaction;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The one writer of the current tenant's messages and conversations: a customer's message as a
 * webhook delivered it, a message the business queues, a customer's reaction. What Meta says about
 * an outgoing message afterwards goes through {@link Deliveries}.
 *
 * <p>Every method joins the caller's transaction: the webhook applier stores a tenant's whole batch
 * in one, and a queued message commits with its outbox row. Nothing here looks up again what the
 * caller has looked up, so applying a webhook costs the statements it always did.
 *
 * <p>A stored customer message fires {@link CustomerMessageStored}, and its file {@link
 * MediaQueued}, inside that transaction.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MessageLog {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Event<MediaQueued> mediaQueued;
  @Inject Event<CustomerMessageStored> customerMessages;

  /** Where a queued message went. */
  public record Queued(long messageId, long connectionId, long contactId) {}

  /** Whether the tenant has the message {@code wamid} already (Meta delivers webhooks twice). */
  public boolean contains(String wamid) {
    return byWamid(wamid).isPresent();
  }

  /**
   * Stores a customer's message (not {@linkplain #contains stored} yet) in the conversation with
   * its contact on its number, opened when it is the first; links the message it quotes, replies
   * and reactions that arrived before it; queues its file for download.
   */
  public long record(IncomingMessage in, Instant now) {
    Conversation conversation = conversation(in.connectionId(), in.contactId(), now);
    Message message =
        Message.inbound(
            conversation.getId(),
            in.contactId(),
            in.connectionId(),
            in.wamid(),
            in.type(),
            in.text(),
            in.payload(),
            in.contextWamid(),
            in.forwarded(),
            in.writtenAt(),
            now);
    em.persist(message);
    em.flush();
    if (message.getContextWamid() != null) {
      byWamid(message.getContextWamid()).ifPresent(quoted -> message.linkContext(quoted.getId()));
    }
    em.createNamedQuery(Message.LINK_REPLIES)
        .setParameter("id", message.getId())
        .setParameter("wamid", message.getWamid())
        .executeUpdate();
    em.createNamedQuery(Reaction.ATTACH)
        .setParameter("id", message.getId())
        .setParameter("wamid", message.getWamid())
        .executeUpdate();
    if (in.file().isPresent()) {
      IncomingMessage.File f = in.file().get();
      em.persist(
          new Media(message.getId(), f.mediaId(), f.mimeType(), f.sha256(), f.filename(), now));
      mediaQueued.fire(new MediaQueued(Tenancy.require(), message.getId()));
    }
    conversation.customerWrote(in.writtenAt(), in.opensWindow(), in.unread(), now);
    customerMessages.fire(
        new CustomerMessageStored(
            Tenancy.require(),
            in.connectionId(),
            in.contactId(),
            conversation.getId(),
            message.getId(),
            message.getWamid(),
            message.getType(),
            message.getText(),
            in.writtenAt()));
    return message.getId();
  }

  /**
   * A customer's reaction to message {@code targetWamid}, which may not be stored yet; the latest
   * by Meta's time wins, and an empty emoji removes it.
   */
  public void react(
      long contactId,
      String targetWamid,
      String emoji,
      String reactionWamid,
      Instant reactedAt,
      Instant now) {
    Optional<Reaction> existing =
        em.createNamedQuery(Reaction.BY_TARGET_AND_CONTACT, Reaction.class)
            .setParameter("wamid", targetWamid)
            .setParameter("contact", contactId)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().replaceWith(emoji, reactionWamid, reactedAt, now);
      return;
    }
    Long target = byWamid(targetWamid).map(Message::getId).orElse(null);
    em.persist(new Reaction(targetWamid, target, contactId, emoji, reactionWamid, reactedAt, now));
    em.flush();
  }

  /** Writes a PENDING message into the conversation, which counts it as the business's activity. */
  public Queued queue(long conversationId, OutgoingMessage out, Instant now) {
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null) {
      throw new IllegalStateException("No such conversation");
    }
    Message message =
        Message.outbound(
            conversation.getId(),
            conversation.getContactId(),
            conversation.getConnectionId(),
            out.type(),
            out.text(),
            out.payload(),
            out.contextWamid(),
            out.contextMessageId(),
            now);
    em.persist(message);
    em.flush();
    conversation.businessWrote(now);
    return new Queued(message.getId(), conversation.getConnectionId(), conversation.getContactId());
  }

  /**
   * Opens a conversation with the contact on the number before anyone wrote (a campaign's first
   * message); the unique key refuses a second one.
   */
  public long open(long connectionId, long contactId, Instant now) {
    Conversation created = new Conversation(connectionId, contactId, now);
    em.persist(created);
    em.flush();
    return created.getId();
  }

  private Conversation conversation(long connectionId, long contactId, Instant now) {
    Optional<Conversation> existing =
        em.createNamedQuery(Conversation.BY_CONTACT, Conversation.class)
            .setParameter("connection", connectionId)
            .setParameter("contact", contactId)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    Conversation created = new Conversation(connectionId, contactId, now);
    em.persist(created);
    em.flush();
    return created;
  }

  private Optional<Message> byWamid(String wamid) {
    return em.createNamedQuery(Message.BY_WAMID, Message.class)
        .setParameter("wamid", wamid)
        .getResultStream()
        .findFirst();
  }
}
