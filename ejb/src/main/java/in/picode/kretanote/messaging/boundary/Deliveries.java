package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.control.StatusOrder;
import in.picode.kretanote.messaging.entity.DeliveryStatus;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.InboxChange;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.MessageStatus;
import in.picode.kretanote.messaging.entity.StatusReport;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta says about the current tenant's outgoing messages: accepted under a wamid, failed, and
 * the status webhooks after that. Answers and statuses arrive twice and in any order (Meta's "sent"
 * can overtake its answer to the send), so every status is kept as reported, even for a wamid no
 * message has yet, and a message's state only ever moves up {@link StatusOrder}'s ranking. A status
 * reported twice is stored once.
 *
 * <p>Every method joins the caller's transaction, like {@link MessageLog}'s.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Deliveries {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Event<MessageStatusChanged> changes;

  private void changed(Message m, Instant at) {
    changes.fire(
        new MessageStatusChanged(
            Tenancy.require(),
            m.getId(),
            m.getConversationId(),
            m.getStatus().name(),
            m.getErrorCode(),
            m.getErrorDetails(),
            at));
  }

  /** Meta took the message as {@code wamid}; statuses that overtook the answer apply now. */
  public void accepted(long messageId, String wamid, Instant now) {
    acceptedAll(List.of(new Accepted(messageId, wamid, now)));
  }

  /** Meta took message {@code messageId} as {@code wamid} at {@code at}. */
  public record Accepted(long messageId, String wamid, Instant at) {}

  /**
   * {@link #accepted} for a block of Meta's answers in one transaction: the status reports that
   * overtook them are read with one query, which does not flush the block's pending changes first
   * (reports are written only by the webhook applier's own transactions).
   */
  public void acceptedAll(List<Accepted> answers) {
    Map<String, List<StatusReport>> overtaken = new HashMap<>();
    List<String> wamids = answers.stream().map(Accepted::wamid).distinct().toList();
    if (!wamids.isEmpty()) {
      em.createNamedQuery(StatusReport.OF_WAMIDS, StatusReport.class)
          .setParameter("wamids", wamids)
          .setFlushMode(FlushModeType.COMMIT)
          .getResultList()
          .forEach(r -> overtaken.computeIfAbsent(r.getWamid(), k -> new ArrayList<>()).add(r));
    }
    // The common case (no report overtook the answer, an outbound message without a wamid yet) is
    // written with one statement for the whole block; anything else goes through the entity.
    Map<Long, Object[]> plain = answers.size() > 1 ? plainOutbound(answers) : Map.of();
    List<Accepted> bulk = new ArrayList<>(answers.size());
    for (Accepted a : answers) {
      Object[] row = plain.get(a.messageId());
      if (row != null
          && overtaken.getOrDefault(a.wamid(), List.of()).isEmpty()
          && a.wamid() != null
          && !a.wamid().isBlank()
          && a.wamid().length() <= Message.WAMID_MAX) {
        bulk.add(a);
      } else {
        accepted(a, overtaken.getOrDefault(a.wamid(), List.of()));
      }
    }
    if (bulk.isEmpty()) {
      return;
    }
    MessageBatches.accepted(em, Tenancy.require(), bulk);
    for (Accepted a : bulk) {
      Object[] row = plain.get(a.messageId());
      String status = MessageStatus.PENDING.name().equals(row[1]) ? "SENT" : (String) row[1];
      changes.fire(
          new MessageStatusChanged(
              Tenancy.require(),
              a.messageId(),
              ((Number) row[0]).longValue(),
              status,
              row[2] == null ? null : ((Number) row[2]).intValue(),
              (String) row[3],
              a.at()));
    }
  }

  /**
   * The block's outbound messages that have no wamid yet, by id: conversation id, status, error
   * code and details, read without loading the entities (their changes are written in bulk).
   */
  private Map<Long, Object[]> plainOutbound(List<Accepted> answers) {
    Map<Long, Object[]> out = new HashMap<>();
    List<Long> ids = answers.stream().map(Accepted::messageId).distinct().toList();
    for (Object[] r :
        em.createQuery(
                "select m.id, m.conversationId, m.status, m.errorCode, m.errorDetails from Message m"
                    + " where m.id in :ids and m.direction = :out and m.wamid is null",
                Object[].class)
            .setParameter("ids", ids)
            .setParameter("out", Direction.OUTBOUND)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList()) {
      Object status = r[2] instanceof MessageStatus s ? s.name() : r[2];
      out.put(((Number) r[0]).longValue(), new Object[] {r[1], status, r[3], r[4]});
    }
    return out;
  }

  private void accepted(Accepted a, List<StatusReport> overtaken) {
    Message message = em.find(Message.class, a.messageId());
    message.accepted(a.wamid(), a.at());
    changed(message, a.at());
    DeliveryStatus current = DeliveryStatus.SENT;
    for (StatusReport r : overtaken) {
      DeliveryStatus next = StatusOrder.advance(current, DeliveryStatus.fromWire(r.getStatus()));
      if (next != current) {
        current = next;
        message.deliveryStatus(stored(next), r.getOccurredAt(), r.getErrorCode(), null, null);
        changed(message, r.getOccurredAt());
      }
    }
  }

  /**
   * The send failed before Meta took the message; {@code code} is Meta's error code, or null for a
   * refusal of KretaNote's own.
   */
  public void failed(long messageId, Integer code, String title, String details, Instant now) {
    Message message = em.find(Message.class, messageId);
    if (message != null) {
      message.sendFailed(code, title, details, now);
      changed(message, now);
    }
  }

  /** Keeps a status webhook and moves the message it names, if it is ours and outgoing. */
  public void report(ReportedStatus status, Instant now) {
    reportAll(List.of(status), now);
  }

  /**
   * {@link #report} for a batch of status webhooks, in their order, with the same result as one
   * call each: the reports already stored and the messages they name are read with one query each,
   * new reports are written without a flush per row, and each message moves up {@link StatusOrder}
   * once per status.
   */
  public void reportAll(List<ReportedStatus> statuses, Instant now) {
    if (statuses.isEmpty()) {
      return;
    }
    Set<String> wamids = new LinkedHashSet<>();
    statuses.forEach(s -> wamids.add(s.wamid()));
    Set<List<Object>> stored = new HashSet<>();
    for (Object[] row :
        em.createNamedQuery(StatusReport.KEYS_OF_WAMIDS, Object[].class)
            .setParameter("wamids", wamids)
            .getResultList()) {
      stored.add(List.of(row[0], row[1], row[2]));
    }
    Map<String, Message> messages = new HashMap<>();
    em.createNamedQuery(Message.BY_WAMIDS, Message.class)
        .setParameter("wamids", wamids)
        .getResultList()
        .forEach(m -> messages.put(m.getWamid(), m));
    Set<Long> changed = new HashSet<>();
    for (ReportedStatus status : statuses) {
      Optional<ReportedStatus.Failure> failure = status.failure();
      if (stored.add(List.of(status.wamid(), status.status(), status.occurredAt()))) {
        StatusReport report =
            new StatusReport(
                status.connectionId(),
                status.wamid(),
                status.status(),
                status.occurredAt(),
                status.recipient(),
                now);
        status
            .pricing()
            .ifPresent(p -> report.pricing(p.category(), p.type(), p.model(), p.billable()));
        failure.ifPresent(f -> report.error(f.code(), f.title(), f.details()));
        em.persist(report);
      }
      Message message = messages.get(status.wamid());
      if (message == null || message.getDirection() != Direction.OUTBOUND) {
        continue;
      }
      DeliveryStatus current = delivery(message.getStatus());
      DeliveryStatus next = StatusOrder.advance(current, status.delivery());
      if (next != current) {
        message.deliveryStatus(
            stored(next),
            status.occurredAt(),
            failure.map(ReportedStatus.Failure::code).orElse(null),
            failure.map(ReportedStatus.Failure::title).orElse(null),
            failure.map(ReportedStatus.Failure::details).orElse(null));
        changed.add(message.getConversationId());
        changed(message, status.occurredAt());
      }
      status
          .pricing()
          .ifPresent(p -> message.pricing(p.category(), p.type(), p.model(), p.billable()));
    }
    if (!changed.isEmpty()) {
      // The live inbox shows the new ticks (see InboxFeed).
      em.persist(new InboxChange(changed, now));
    }
    em.flush();
  }

  /**
   * Wamids reported for the number and recipient since {@code since} that no message has: the
   * answer to a send whose reply from Meta was lost.
   */
  public List<String> unmatchedWamids(long connectionId, String recipient, Instant since) {
    return em.createQuery(
            "select distinct s.wamid from StatusReport s where s.connectionId = :c"
                + " and s.recipient = :r and s.occurredAt >= :since"
                + " and not exists (select m from Message m where m.wamid = s.wamid)",
            String.class)
        .setParameter("c", connectionId)
        .setParameter("r", recipient)
        .setParameter("since", since)
        .getResultList();
  }

  private static DeliveryStatus delivery(MessageStatus status) {
    return switch (status) {
      case SENT -> DeliveryStatus.SENT;
      case DELIVERED -> DeliveryStatus.DELIVERED;
      case READ -> DeliveryStatus.READ;
      case FAILED -> DeliveryStatus.FAILED;
      case PENDING, RECEIVED -> null;
    };
  }

  private static MessageStatus stored(DeliveryStatus status) {
    return switch (status) {
      case SENT -> MessageStatus.SENT;
      case DELIVERED -> MessageStatus.DELIVERED;
      case READ -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN never becomes a message state");
    };
  }
}
