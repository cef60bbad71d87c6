package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.MessageReferral;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Click-to-WhatsApp referrals of the current tenant: stored on the customer's message (and so on
 * its conversation), shown on the conversation page, and counted per ad on Analytics.
 */
@Stateless
@TenantScoped
public class Referrals {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /**
   * One ad (or post) over a date range: conversations that started from it, how many of them got a
   * reply from the business after the referred message, and how many are closed (resolved).
   */
  public record AdFigures(
      String sourceId,
      String sourceType,
      String headline,
      long conversations,
      long replied,
      long resolved) {}

  /**
   * Stores the referral of the tenant's message {@code wamid}. Returns false when the tenant has no
   * such message (nothing is stored) or the message has its referral already (a redelivery). Joins
   * the caller's transaction.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean record(String wamid, MessageReferral.Source source, Instant now) {
    if (!em.createNamedQuery(MessageReferral.BY_WAMID, MessageReferral.class)
        .setParameter("wamid", wamid)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    Optional<Message> message =
        em.createNamedQuery(Message.BY_WAMID, Message.class)
            .setParameter("wamid", wamid)
            .getResultStream()
            .findFirst();
    if (message.isEmpty()) {
      return false;
    }
    Message m = message.get();
    em.persist(
        new MessageReferral(
            m.getId(), wamid, m.getConversationId(), m.getContactId(), source, now));
    return true;
  }

  /** The conversation's first referral: how the customer found the business. */
  public Optional<MessageReferral> ofConversation(long conversationId) {
    return em.createNamedQuery(MessageReferral.OF_CONVERSATION, MessageReferral.class)
        .setParameter("conversation", conversationId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Conversations per ad whose first referral came in the range (UTC days, both included). */
  @SuppressWarnings("unchecked")
  public List<AdFigures> byAd(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new WordedArgumentException(ConversationWords.RANGE_ORDER.with());
    }
    String sql =
        "SELECT COALESCE(r.source_id, ''), MAX(r.source_type), MAX(r.headline),"
            + " COUNT(DISTINCT r.conversation_id),"
            + " COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM message o"
            + " WHERE o.tenant_id = r.tenant_id AND o.conversation_id = r.conversation_id"
            + " AND o.direction = 'OUTBOUND' AND o.created_at >= r.created_at)"
            + " THEN r.conversation_id END),"
            + " COUNT(DISTINCT CASE WHEN c.status = 'CLOSED' THEN r.conversation_id END)"
            + " FROM message_referral r JOIN conversation c ON c.tenant_id = r.tenant_id"
            + " AND c.id = r.conversation_id"
            + " WHERE r.tenant_id = ? AND r.created_at >= ? AND r.created_at < ?"
            + " AND r.id = (SELECT MIN(f.id) FROM message_referral f"
            + " WHERE f.tenant_id = r.tenant_id AND f.conversation_id = r.conversation_id)"
            + " GROUP BY COALESCE(r.source_id, '') ORDER BY 4 DESC, 1 LIMIT 200";
    Query q = em.createNativeQuery(sql).setHint(Inbox.ALLOW_NATIVE, "true");
    q.setParameter(1, Tenancy.require());
    q.setParameter(2, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
    q.setParameter(3, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    List<AdFigures> figures = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      figures.add(
          new AdFigures(
              r[0] == null || r[0].toString().isEmpty() ? null : r[0].toString(),
              (String) r[1],
              (String) r[2],
              n(r[3]),
              n(r[4]),
              n(r[5])));
    }
    return figures;
  }

  private static long n(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
