package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.control.Amendments;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.InboxChange;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.Reaction;
import in.picode.kretanote.platform.boundary.TextLanguage;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of the current tenant's messages and conversations: a customer's message as a
 * webhook delivered it, a message the business queues, a customer's reaction. What Meta says about
 * an outgoing message afterwards goes through {@link Deliveries}.
 *
 * <p>Every method joins the caller's transaction: the webhook applier stores a tenant's whole batch
 * in one, and a queued message commits with its outbox row. Nothing here looks up again what the
 * caller has looked up, so applying a webhook costs the statements it always did.
 *
 * <p>Every batch of stored messages also writes an {@link InboxChange} naming its conversations,
 * for the live inbox ({@link InboxFeed}).
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
  @Inject Event<ConversationChanged> conversationChanges;
  @Inject Event<BusinessMessageQueued> businessMessages;
  @Inject Event<ClosedConversationAnswer> closedAnswers;

  /** Where a queued message went. */
  public record Queued(long messageId, long connectionId, long contactId) {}

  /** Whether the tenant has the message {@code wamid} already (Meta delivers webhooks twice). */
  public boolean contains(String wamid) {
    return byWamid(wamid).isPresent();
  }

  /** Which of {@code wamids} the tenant has already, with one query. */
  public Set<String> stored(Collection<String> wamids) {
    if (wamids.isEmpty()) {
      return Set.of();
    }
    Set<String> found = new HashSet<>();
    em.createNamedQuery(Message.BY_WAMIDS, Message.class)
        .setParameter("wamids", new LinkedHashSet<>(wamids))
        .getResultList()
        .forEach(m -> found.add(m.getWamid()));
    return found;
  }

  /**
   * Stores a customer's message (not {@linkplain #contains stored} yet) in the conversation with
   * its contact on its number, opened when it is the first; links the message it quotes, replies
   * and reactions that arrived before it; queues its file for download.
   */
  public long record(IncomingMessage in, Instant now) {
    return recordAll(List.of(in), now).get(0);
  }

  /**
   * {@link #record} for a batch of messages none of which is stored yet (distinct wamids), in their
   * order, with the same result as one call each: conversations, quoted messages, earlier replies
   * and reactions are read with one query each, and the rows are written in one flush. Returns the
   * new messages' ids in the order of {@code messages}.
   */
  public List<Long> recordAll(List<IncomingMessage> messages, Instant now) {
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<List<Long>, Conversation> conversations =
        conversations(
            messages.stream().map(m -> List.of(m.connectionId(), m.contactId())).toList(), now);
    List<Message> stored = new ArrayList<>(messages.size());
    for (IncomingMessage in : messages) {
      Message message =
          Message.inbound(
              conversations.get(List.of(in.connectionId(), in.contactId())).getId(),
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
      stored.add(message);
    }
    em.flush();
    Map<String, Long> ids = new HashMap<>();
    stored.forEach(m -> ids.put(m.getWamid(), m.getId()));
    link(stored, ids);
    List<Long> result = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      IncomingMessage in = messages.get(i);
      Message message = stored.get(i);
      if (in.file().isPresent()) {
        IncomingMessage.File f = in.file().get();
        em.persist(
            new Media(message.getId(), f.mediaId(), f.mimeType(), f.sha256(), f.filename(), now));
        mediaQueued.fire(new MediaQueued(Tenancy.require(), message.getId()));
      }
      Conversation conversation = conversations.get(List.of(in.connectionId(), in.contactId()));
      if (Amendments.isAmendment(in.type())) {
        result.add(message.getId()); // not a message of its own: nothing to read or answer
        continue;
      }
      boolean wasClosed = conversation.getStatus() == Conversation.Status.CLOSED;
      if (conversation.isQuiet()) {
        // A campaign's conversation answered: it enters the inbox now, as a new one would.
        conversation.customerWrote(in.writtenAt(), in.opensWindow(), in.unread(), now);
        opened(conversation);
      } else if (wasClosed && keptClosed(conversation, message)) {
        conversation.customerAnsweredWhileClosed(in.writtenAt(), in.opensWindow());
      } else {
        conversation.customerWrote(in.writtenAt(), in.opensWindow(), in.unread(), now);
      }
      if ("text".equals(in.type())) {
        TextLanguage.detect(in.text()).ifPresent(conversation::customerLanguage);
      }
      if (wasClosed && conversation.getStatus() == Conversation.Status.OPEN) {
        conversationChanges.fire(
            new ConversationChanged(
                Tenancy.require(), conversation.getId(), ConversationChanged.Kind.REOPENED, null));
      }
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
              in.writtenAt(),
              message.getPayload(),
              message.getContextMessageId()));
      result.add(message.getId());
    }
    em.persist(new InboxChange(changedConversations(conversations.values()), now));
    return result;
  }

  /** Whether the feature that asked it takes the message as an answer that keeps it resolved. */
  private boolean keptClosed(Conversation c, Message m) {
    var answer =
        new ClosedConversationAnswer(
            Tenancy.require(), c.getId(), m.getType(), m.getPayload(), m.getContextMessageId());
    closedAnswers.fire(answer);
    return answer.keepsClosed();
  }

  private static Set<Long> changedConversations(Collection<Conversation> conversations) {
    Set<Long> ids = new HashSet<>();
    conversations.forEach(c -> ids.add(c.getId()));
    return ids;
  }

  /** Quoted messages of the new ones, and earlier replies and reactions waiting for them. */
  private void link(List<Message> stored, Map<String, Long> ids) {
    Set<String> quoted = new HashSet<>();
    stored.stream().map(Message::getContextWamid).filter(w -> w != null).forEach(quoted::add);
    if (!quoted.isEmpty()) {
      Map<String, Long> quotedIds = new HashMap<>();
      Map<Long, Message> targets = new HashMap<>();
      for (Message m :
          em.createNamedQuery(Message.BY_WAMIDS, Message.class)
              .setParameter("wamids", quoted)
              .getResultList()) {
        quotedIds.put(m.getWamid(), m.getId());
        targets.put(m.getId(), m);
      }
      for (Message m : stored) {
        Long target = m.getContextWamid() == null ? null : quotedIds.get(m.getContextWamid());
        if (target != null) {
          m.linkContext(target);
          Amendments.apply(m, targets.get(target));
        }
      }
    }
    Map<Long, Message> byId = new HashMap<>();
    stored.forEach(m -> byId.put(m.getId(), m));
    List<Message> waiting =
        new ArrayList<>(
            em.createNamedQuery(Message.UNLINKED_REPLIES, Message.class)
                .setParameter("wamids", ids.keySet())
                .getResultList());
    // Edits that waited for their message apply in the order the customer made them.
    waiting.sort(Comparator.comparing(Message::getCreatedAt));
    for (Message reply : waiting) {
      long target = ids.get(reply.getContextWamid());
      reply.linkContext(target);
      Amendments.apply(reply, byId.get(target));
    }
    for (Reaction reaction :
        em.createNamedQuery(Reaction.UNATTACHED, Reaction.class)
            .setParameter("wamids", ids.keySet())
            .getResultList()) {
      reaction.attachTo(ids.get(reaction.getTargetWamid()));
    }
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

  /** A message the business sent from the WhatsApp Business app, as an echo webhook reported it. */
  public record Echo(
      long connectionId,
      long contactId,
      String wamid,
      String type,
      String text,
      String payload,
      Instant writtenAt) {}

  /**
   * Stores messages the business sent from the WhatsApp Business app on the same number (none
   * {@linkplain #stored stored} yet, distinct wamids) as outbound messages SENT and marked as sent
   * from the phone, in their conversations (opened when needed). Returns their ids in order.
   */
  public List<Long> recordEchoes(List<Echo> echoes, Instant now) {
    if (echoes.isEmpty()) {
      return List.of();
    }
    Map<List<Long>, Conversation> conversations =
        conversations(
            echoes.stream().map(e -> List.of(e.connectionId(), e.contactId())).toList(), now);
    List<Message> stored = new ArrayList<>(echoes.size());
    for (Echo e : echoes) {
      Conversation conversation = conversations.get(List.of(e.connectionId(), e.contactId()));
      Message message =
          Message.outbound(
                  conversation.getId(),
                  e.contactId(),
                  e.connectionId(),
                  e.type(),
                  e.text(),
                  e.payload(),
                  null,
                  null,
                  e.writtenAt())
              .sentFromPhone(e.wamid(), now);
      em.persist(message);
      stored.add(message);
      conversation.businessWrote(e.writtenAt());
    }
    em.flush();
    em.persist(new InboxChange(changedConversations(conversations.values()), now));
    return stored.stream().map(Message::getId).toList();
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
    if (out.automatic()) {
      message.automatic();
    }
    em.persist(message);
    em.flush();
    conversation.businessWrote(now);
    businessMessages.fire(
        new BusinessMessageQueued(
            Tenancy.require(), conversationId, message.getId(), now, out.automatic()));
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
    opened(created);
    return created.getId();
  }

  /**
   * A campaign's conversation: history only, in the inbox (and created) once the customer writes.
   */
  public long openQuiet(long connectionId, long contactId, Instant now) {
    Conversation created = Conversation.quiet(connectionId, contactId, now);
    em.persist(created);
    em.flush();
    return created.getId();
  }

  /** The conversations of the messages' contacts on their numbers, opened where there is none. */
  private Map<List<Long>, Conversation> conversations(List<List<Long>> keys, Instant now) {
    Map<Long, Set<Long>> contactsByConnection = new HashMap<>();
    keys.forEach(
        k -> contactsByConnection.computeIfAbsent(k.get(0), c -> new HashSet<>()).add(k.get(1)));
    Map<List<Long>, Conversation> found = new HashMap<>();
    contactsByConnection.forEach(
        (connection, contacts) ->
            em.createNamedQuery(Conversation.BY_CONTACTS, Conversation.class)
                .setParameter("connection", connection)
                .setParameter("contacts", contacts)
                .getResultList()
                .forEach(c -> found.put(List.of(c.getConnectionId(), c.getContactId()), c)));
    List<Conversation> opened = new ArrayList<>();
    for (List<Long> key : keys) {
      if (!found.containsKey(key)) {
        Conversation created = new Conversation(key.get(0), key.get(1), now);
        em.persist(created);
        found.put(key, created);
        opened.add(created);
      }
    }
    if (!opened.isEmpty()) {
      em.flush();
      opened.forEach(this::opened);
    }
    return found;
  }

  private void opened(Conversation c) {
    conversationChanges.fire(
        new ConversationChanged(
            Tenancy.require(), c.getId(), ConversationChanged.Kind.CREATED, null));
  }

  private Optional<Message> byWamid(String wamid) {
    return em.createNamedQuery(Message.BY_WAMID, Message.class)
        .setParameter("wamid", wamid)
        .getResultStream()
        .findFirst();
  }
}
