package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.MessageStatus;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What automations ask about the current tenant's conversations: whether a customer's message is
 * the first of its conversation or of the contact's life, which conversations wait for an answer,
 * the recent history a dry run replays; and the one mark automations set on the conversation row
 * (its priority), since messaging owns that table.
 */
@Stateless
@TenantScoped
public class ConversationFacts {

  public static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public Optional<Conversation> find(long conversationId) {
    return Optional.ofNullable(em.find(Conversation.class, conversationId));
  }

  /** The customer's messages in the conversation written at or after {@code since}. */
  public long customerMessagesSince(long conversationId, Instant since) {
    return em.createQuery(
            "select count(m) from Message m where m.conversationId = :c"
                + " and m.direction = :in and m.createdAt >= :since",
            Long.class)
        .setParameter("c", conversationId)
        .setParameter("in", Direction.INBOUND)
        .setParameter("since", since)
        .getSingleResult();
  }

  /**
   * Whether the customer's message is the first since the conversation was opened or re-opened:
   * re-opening stamps {@code openedAt} with the moment the message was received.
   */
  public boolean firstSinceOpened(long conversationId, long messageId, boolean ever) {
    Conversation c = em.find(Conversation.class, conversationId);
    return c != null
        && em.createQuery(
                    "select count(m) from Message m where m.conversationId = :c"
                        + " and m.direction = :in and m.id < :id and m.receivedAt >= :since",
                    Long.class)
                .setParameter("c", conversationId)
                .setParameter("in", Direction.INBOUND)
                .setParameter("id", messageId)
                .setParameter("since", ever ? Instant.EPOCH : c.getOpenedAt())
                .getSingleResult()
            == 0;
  }

  /** The ids of the contact's conversations on all the tenant's numbers. */
  public List<Long> conversationIdsOf(long contactId) {
    return em.createQuery(
            "select c.id from Conversation c where c.contactId = :contact", Long.class)
        .setParameter("contact", contactId)
        .getResultList();
  }

  /** The contact's conversations on all the tenant's numbers. */
  public long conversationsOf(long contactId) {
    return em.createQuery(
            "select count(c) from Conversation c where c.contactId = :contact", Long.class)
        .setParameter("contact", contactId)
        .getSingleResult();
  }

  public void prioritize(long conversationId, String priority) {
    String p = priority == null ? null : priority.strip().toUpperCase(Locale.ROOT);
    if (p != null && !PRIORITIES.contains(p)) {
      throw new ConversationChangeRefusedException(
          ConversationWords.PRIORITY.with(String.valueOf(PRIORITIES)));
    }
    Conversation c = em.find(Conversation.class, conversationId);
    if (c == null) {
      throw new ConversationNotFoundException(conversationId);
    }
    c.prioritize(p);
  }

  /** A customer's message waiting since {@code at} for the team's answer. */
  public record Waiting(long conversationId, Instant at) {}

  /**
   * Open conversations whose customer last wrote between {@code floor} and {@code cutoff} and got
   * no message from a person since (automatic messages are no answer).
   */
  public List<Waiting> waitingForReply(Instant floor, Instant cutoff, int max) {
    return em.createQuery(
            "select c from Conversation c where c.status = :open"
                + " and c.lastCustomerMessageAt > :floor and c.lastCustomerMessageAt <= :cutoff"
                + " and not exists (select m from Message m where m.conversationId = c.id"
                + " and m.direction = :out and m.createdAt >= c.lastCustomerMessageAt"
                + " and m.marks.automatic = false)"
                + " order by c.lastCustomerMessageAt",
            Conversation.class)
        .setParameter("open", Conversation.Status.OPEN)
        .setParameter("floor", floor)
        .setParameter("cutoff", cutoff)
        .setParameter("out", Direction.OUTBOUND)
        .setMaxResults(max)
        .getResultStream()
        .map(c -> new Waiting(c.getId(), c.getLastCustomerMessageAt()))
        .toList();
  }

  /** A stored message a dry run replays. */
  public record Past(
      long conversationId, long messageId, String text, Instant at, boolean failed) {}

  /**
   * Customer messages (or, with {@code failed}, failed sends) since {@code since}, oldest first.
   */
  public List<Past> messagesSince(Instant since, boolean failed, int max) {
    return em.createQuery(
            "select m from Message m where m.createdAt >= :since and "
                + (failed ? "m.status = :failed" : "m.direction = :in")
                + " order by m.createdAt, m.id",
            Message.class)
        .setParameter("since", since)
        .setParameter(failed ? "failed" : "in", failed ? MessageStatus.FAILED : Direction.INBOUND)
        .setMaxResults(max)
        .getResultStream()
        .map(m -> new Past(m.getConversationId(), m.getId(), m.getText(), m.getCreatedAt(), failed))
        .toList();
  }

  /**
   * Conversations closed since {@code since}, or with activity since then ({@code closed} false).
   */
  public List<Long> conversationsSince(Instant since, boolean closed, int max) {
    return em.createQuery(
            "select c.id from Conversation c where "
                + (closed ? "c.closedAt >= :since" : "c.lastActivityAt >= :since")
                + " order by c.id",
            Long.class)
        .setParameter("since", since)
        .setMaxResults(max)
        .getResultList();
  }
}
