package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every two seconds on every server: claims due campaigns (lease in the database, so one server
 * works a campaign at a time) and runs one {@link CampaignRunner#step} of each. Non-persistent.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CampaignTimer {

  private static final System.Logger LOG = System.getLogger(CampaignTimer.class.getName());
  private static final String OWNER = "campaigns-" + UUID.randomUUID();
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Inject CampaignClaims claims;
  @Inject CampaignRunner runner;

  @Inject
  @ConfigProperty(name = "kretanote.campaign.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "campaigns")
  void tick() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Campaign round failed: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /** One round over every due campaign; returns how many recipients moved. */
  public int runOnce() {
    Instant now = Instant.now();
    int moved = 0;
    for (CampaignClaims.Claim c : claims.claimDue(now, now.plus(LEASE), OWNER, 20)) {
      try {
        moved += Tenancy.callAs(c.tenantId(), () -> runner.round(c.id(), Instant.now()));
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Campaign {0} round failed: {1}", c.id(), e.toString());
      } finally {
        claims.release(c, OWNER);
      }
    }
    return moved;
  }
}
