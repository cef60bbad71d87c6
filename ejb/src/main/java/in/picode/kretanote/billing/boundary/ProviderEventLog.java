package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.entity.ProviderEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The raw provider webhooks, each write in a short transaction of its own: the event is stored
 * before anything is applied, and a second delivery of the same event id finds the first.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProviderEventLog {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** Stores the event; empty when its id is stored already (a redelivery or a replay). */
  public Optional<Long> store(String eventId, String type, String payload, Instant now) {
    int inserted =
        em.createNativeQuery(
                "insert ignore into provider_event (event_id, type, payload, received_at)"
                    + " values (?, ?, ?, ?)")
            .setParameter(1, eventId)
            .setParameter(2, type)
            .setParameter(3, payload)
            .setParameter(4, java.sql.Timestamp.from(now))
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .executeUpdate();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(find(eventId).orElseThrow().getId());
  }

  public Optional<ProviderEvent> find(String eventId) {
    return em.createNamedQuery(ProviderEvent.BY_EVENT_ID, ProviderEvent.class)
        .setParameter("eventId", eventId)
        .getResultStream()
        .findFirst();
  }

  public void applied(long id, Long tenantId, String outcome, Instant at) {
    ProviderEvent e = em.find(ProviderEvent.class, id);
    if (e != null) {
      e.applied(tenantId, outcome, at);
    }
  }

  public List<ProviderEvent> latest(int max) {
    return em.createNamedQuery(ProviderEvent.LATEST, ProviderEvent.class)
        .setMaxResults(Math.max(1, Math.min(max, 500)))
        .getResultList();
  }

  /** The tenant whose subscription has this provider customer, if any. */
  public Optional<Long> tenantOfCustomer(String customerId) {
    return em.createNativeQuery("select tenant_id from subscription where provider_customer_id = ?")
        .setParameter(1, customerId)
        .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
        .getResultStream()
        .findFirst()
        .map(n -> ((Number) n).longValue());
  }
}
