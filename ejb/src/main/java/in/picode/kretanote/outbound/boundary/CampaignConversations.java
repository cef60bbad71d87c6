package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.messaging.boundary.MessageLog;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The conversation a campaign message goes into: the contact's existing one on the number, or a new
 * one committed at once (the outbox writer commits on its own and must see it). When an incoming
 * message creates the same conversation in the same moment, the unique key decides and the other
 * one is used.
 */
@Stateless
@TenantScoped
public class CampaignConversations {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Resource SessionContext context;

  @Inject MessageLog log;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long open(long connectionId, long contactId, Instant now) {
    Long found = find(connectionId, contactId);
    if (found != null) {
      return found;
    }
    try {
      return context
          .getBusinessObject(CampaignConversations.class)
          .create(connectionId, contactId, now);
    } catch (EJBException e) {
      Long raced = find(connectionId, contactId);
      if (raced == null) {
        throw e;
      }
      return raced;
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long create(long connectionId, long contactId, Instant now) {
    return log.openQuiet(connectionId, contactId, now);
  }

  private Long find(long connectionId, long contactId) {
    return em.createNamedQuery(Conversation.BY_CONTACT, Conversation.class)
        .setParameter("connection", connectionId)
        .setParameter("contact", contactId)
        .getResultStream()
        .findFirst()
        .map(Conversation::getId)
        .orElse(null);
  }
}
