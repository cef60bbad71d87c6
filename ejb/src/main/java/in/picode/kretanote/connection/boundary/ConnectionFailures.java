package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * What another feature learns about one of the current tenant's connections while it uses it: a
 * send that Meta refused because the token stopped working. Joins the caller's transaction, so the
 * connection changes with the outbox row that found out.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ConnectionFailures {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /**
   * Marks the connection as needing a new sign-in when it is connected now; returns whether it was
   * (a connection already marked, disconnected or unknown stays as it is).
   */
  public boolean reconnectNeeded(long connectionId, String reason, Instant now) {
    WhatsAppConnection c = em.find(WhatsAppConnection.class, connectionId);
    if (c == null || c.getStatus() != WhatsAppConnection.Status.CONNECTED) {
      return false;
    }
    c.reconnectNeeded(reason, now);
    return true;
  }
}
