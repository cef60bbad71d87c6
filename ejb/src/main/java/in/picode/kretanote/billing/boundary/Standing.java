package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Whether a tenant may send (the outbound sender's pre-send guard asks before each send). A tenant
 * with no subscription yet is in its free trial from sign-up. Only sending is refused: inbound
 * messages are always received and stored. Native SQL with an explicit tenant filter, so it works
 * for any tenant without binding one.
 */
@Stateless
public class Standing {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject BillingSettings settings;

  /** Plain words why {@code tenantId} may not send now; empty when it may. */
  public Optional<String> sendingRefusal(long tenantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, suspended_at, cancelled_at from subscription where tenant_id = ?")
            .setParameter(1, tenantId)
            .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
            .getResultList();
    if (rows.isEmpty()) {
      Object created =
          em.createNativeQuery("select created_at from tenant where id = ?")
              .setParameter(1, tenantId)
              .setHint("eclipselink.jdbc.allow-native-sql-query", "true")
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (created == null) {
        return Optional.of("This account does not exist.");
      }
      Instant trialEnd = instant(created).plus(settings.trialLength());
      if (trialEnd.isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(
          "Your free trial ended on "
              + DATE.format(trialEnd)
              + ". Choose a plan under Settings → Billing to send messages again.");
    }
    Object[] row = rows.get(0);
    return switch ((String) row[0]) {
      case "SUSPENDED" ->
          Optional.of(
              "Sending is paused because an invoice is unpaid"
                  + (row[1] == null ? "" : " (since " + DATE.format(instant(row[1])) + ")")
                  + ". Pay it under Settings → Billing and sending resumes at once; incoming"
                  + " messages are still received.");
      case "CANCELLED" ->
          Optional.of(
              "Your subscription ended"
                  + (row[2] == null ? "" : " on " + DATE.format(instant(row[2])))
                  + ". Choose a plan under Settings → Billing to send messages again.");
      default -> Optional.empty();
    };
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
