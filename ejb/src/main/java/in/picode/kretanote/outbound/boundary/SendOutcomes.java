package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the current tenant's sends stand and how fast its numbers send: the outcome of one queued
 * message, and a number's throughput. {@link Sending} queues; this reports and tunes.
 */
@Stateless
@TenantScoped
public class SendOutcomes {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject OutboxClaims claims;

  private final Clock clock = Clock.systemUTC();

  /**
   * Sets a number's throughput in messages per second (1–1,000; {@code null}: the configured
   * default, {@code kretanote.outbound.default-per-second}); every server honours it from its next
   * slot.
   */
  public void setThroughput(long connectionId, Integer perSecond) {
    if (em.find(WhatsAppConnection.class, connectionId) == null) {
      throw new OutboundRefusedException(OutboundWords.NO_SUCH_CONNECTION.with());
    }
    if (perSecond != null && (perSecond < 1 || perSecond > 1000)) {
      throw new OutboundRefusedException(OutboundWords.THROUGHPUT.with());
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
    return Optional.of(Outcome.of(m, o.orElse(null)));
  }
}
