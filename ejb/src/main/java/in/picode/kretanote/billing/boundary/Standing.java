package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Whether a tenant may send (the outbound sender's pre-send guard asks before each send). A tenant
 * with no subscription yet is in its free trial from sign-up. Only sending is refused: inbound
 * messages are always received and stored. The reason is a wording (dates in the reader's
 * language); its English is what the public API and the logs say. Native SQL with an explicit
 * tenant filter, so it works for any tenant without binding one.
 */
@Stateless
public class Standing {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;
  @Inject BillingSettings settings;

  /** Why {@code tenantId} may not send now, in words for the reader; empty when it may. */
  public Optional<Wording> sendingRefusal(long tenantId) {
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
        return Optional.of(BillingWords.NO_ACCOUNT.with());
      }
      Instant trialEnd = instant(created).plus(settings.trialLength());
      if (trialEnd.isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(BillingWords.TRIAL_ENDED.with(trialEnd));
    }
    Object[] row = rows.get(0);
    return switch ((String) row[0]) {
      case "SUSPENDED" ->
          Optional.of(
              row[1] == null
                  ? BillingWords.UNPAID.with()
                  : BillingWords.UNPAID_SINCE.with(instant(row[1])));
      case "CANCELLED" ->
          Optional.of(
              row[2] == null
                  ? BillingWords.SUBSCRIPTION_ENDED.with()
                  : BillingWords.SUBSCRIPTION_ENDED_ON.with(instant(row[2])));
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
