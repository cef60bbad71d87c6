package in.picode.kretanote.connection.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the inbound pipeline asks of the connection feature: which tenant's live connection owns a
 * phone number id (empty: nobody's, the event is kept as unroutable). Routing a webhook also
 * records that the number is still receiving webhooks, which the health checks watch.
 */
@Stateless
public class Routing {

  @EJB ConnectionRouting connections;

  private final Clock clock = Clock.systemUTC();

  public Optional<Route> route(String phoneNumberId) {
    return connections
        .byPhoneNumberId(phoneNumberId)
        .map(
            r -> {
              connections.webhookReceived(r, Instant.now(clock));
              return new Route(r.tenantId(), r.connectionId());
            });
  }

  /** The live connections of a WhatsApp Business Account (empty: nobody's). */
  public java.util.List<Route> routeWaba(String wabaId) {
    return connections.byWabaId(wabaId).stream()
        .map(r -> new Route(r.tenantId(), r.connectionId()))
        .toList();
  }
}
