package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.boundary.SchemaMigrations;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges sign-ups nobody confirmed within {@code kretanote.security.unverified-signup.expiry} (48
 * h): the business, its only user (the unconfirmed owner) and whatever rows it gathered (its
 * verification tokens, audit entries of failed sign-ins), through every feature's purge steps, so
 * an address someone typed without confirming it does not stay in the database. Every {@code
 * kretanote.security.unverified-signup.purge-interval} (1 h); a business with any other member, or
 * whose owner confirmed or signed up again within the period, is left.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class UnconfirmedSignUps {

  private static final System.Logger LOG = System.getLogger(UnconfirmedSignUps.class.getName());
  static final int BATCH = 50;

  /** Owners of tenants that are nothing but an expired, unconfirmed sign-up. */
  private static final String EXPIRED =
      "SELECT u.tenant_id FROM user_account u"
          + " WHERE u.tenant_id IS NOT NULL AND u.role = 'OWNER'"
          + " AND u.status = 'PENDING_VERIFICATION' AND u.email_verified_at IS NULL"
          + " AND u.created_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM one_time_token t"
          + "   WHERE t.tenant_id = u.tenant_id AND t.user_id = u.id AND t.created_at >= ?)"
          + " AND NOT EXISTS (SELECT 1 FROM user_account o"
          + "   WHERE o.tenant_id = u.tenant_id AND o.id <> u.id)"
          + " ORDER BY u.tenant_id LIMIT "
          + BATCH;

  @Resource(lookup = "jdbc/kretanote")
  DataSource ds;

  @Inject @Any Instance<TenantData> owners;

  @Inject
  @ConfigProperty(name = "kretanote.security.unverified-signup.expiry", defaultValue = "PT48H")
  Duration expiry;

  @Inject
  @ConfigProperty(
      name = "kretanote.security.unverified-signup.purge-interval",
      defaultValue = "PT1H")
  Duration interval;

  @Inject SchemaMigrations migrations;
  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    long millis = Math.max(1_000, interval.toMillis());
    timers.createIntervalTimer(millis, millis, new TimerConfig("unconfirmed-sign-ups", false));
  }

  @Timeout
  void due() {
    if (!migrations.state().isApplied()) {
      return;
    }
    try {
      purgeExpired(Instant.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purge of unconfirmed sign-ups failed this round: {0}", e.toString());
    }
  }

  /** Purges up to {@value #BATCH} expired unconfirmed sign-ups as of {@code now}; how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int purgeExpired(Instant now) {
    Timestamp cutoff = Timestamp.from(now.minus(expiry));
    List<PurgeStep> steps =
        owners.stream()
            .sorted(Comparator.comparingInt(TenantData::purgeOrder))
            .flatMap(o -> o.purgeSteps().stream())
            .toList();
    try (Connection c = ds.getConnection()) {
      List<Long> tenants = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(EXPIRED)) {
        s.setTimestamp(1, cutoff);
        s.setTimestamp(2, cutoff);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tenants.add(rs.getLong(1));
          }
        }
      }
      for (long tenant : tenants) {
        for (PurgeStep step : steps) {
          PurgeBatch batch;
          do {
            batch = step.purgeTenant(c, tenant, 1_000);
          } while (batch.total() > 0);
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tenant WHERE id = ?")) {
          s.setLong(1, tenant);
          s.executeUpdate();
        }
      }
      if (!tenants.isEmpty()) {
        LOG.log(Level.INFO, "Purged {0} sign-up(s) not confirmed in time", tenants.size());
      }
      return tenants.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Purge of unconfirmed sign-ups failed: " + e.getMessage(), e);
    }
  }
}
