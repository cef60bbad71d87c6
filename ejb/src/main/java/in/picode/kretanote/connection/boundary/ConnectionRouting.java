package in.picode.kretanote.connection.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one deliberately tenant-less door into {@code whatsapp_connection}: an inbound webhook names
 * only a phone number id, and this finds the tenant it belongs to. It answers nothing but ids (and
 * touches nothing but {@code last_webhook_at}), so no tenant's data can leak through it; everything
 * after routing runs inside {@code Tenancy.callAs(route.tenantId(), ...)} like any other tenant
 * work. Native SQL on purpose (with EclipseLink's allow hint), because the multitenant entity would
 * refuse to work without a tenant bound.
 *
 * <p>Only live connections route (any status but DISCONNECTED); the database guarantees there is at
 * most one per phone number id.
 */
@Stateless
public class ConnectionRouting {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  public record Route(long tenantId, long connectionId) {}

  public Optional<Route> byPhoneNumberId(String phoneNumberId) {
    if (phoneNumberId == null || !phoneNumberId.matches("[0-9]{1,32}")) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select tenant_id, id from whatsapp_connection where live_phone_number_id = ?")
            .setParameter(1, phoneNumberId)
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    return Optional.of(new Route(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
  }

  /**
   * The live connections of a WhatsApp Business Account, for the account-level webhook fields
   * ({@code account_update}, quality and name updates, template statuses). Usually all of one
   * tenant; if two tenants connected numbers of the same account, each gets its own.
   */
  public List<Route> byWabaId(String wabaId) {
    if (wabaId == null || !wabaId.matches("[0-9]{1,32}")) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select tenant_id, id from whatsapp_connection where waba_id = ?"
                    + " and live_phone_number_id is not null order by id")
            .setParameter(1, wabaId)
            .setHint(ALLOW_NATIVE, "true")
            .getResultList();
    return rows.stream()
        .map(r -> new Route(((Number) r[0]).longValue(), ((Number) r[1]).longValue()))
        .toList();
  }

  /** Records that a webhook for this connection arrived (kept monotonic). */
  public void webhookReceived(Route route, Instant at) {
    Timestamp ts = Timestamp.from(at);
    em.createNativeQuery(
            "update whatsapp_connection set last_webhook_at = ? where tenant_id = ? and id = ?"
                + " and (last_webhook_at is null or last_webhook_at < ?)")
        .setParameter(1, ts)
        .setParameter(2, route.tenantId())
        .setParameter(3, route.connectionId())
        .setParameter(4, ts)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }
}
