package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.inbound.boundary.WebhookEvents;
import in.picode.kretanote.messaging.control.MediaFolder;
import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.retention.control.PurgeSteps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The retention purge: for every active tenant whose run is due, deletes what is older than its
 * retention period (through the features' {@link PurgeSteps}: messages with their outbox rows,
 * statuses, reactions, media rows and files; orphaned statuses and reactions; empty old
 * conversations; health-check history; notifications), in batches of {@code
 * kretanote.retention.batch-size} rows, each its own transaction, and writes a {@code purge_record}
 * per table. A tenant under legal hold is skipped (and recorded as skipped); a contact under legal
 * hold keeps its messages. The tenant is claimed in the database first, so two servers never purge
 * it at once. Then the platform's raw webhook events older than the webhook retention are deleted
 * (see {@link RetentionPolicy#webhookEventRetentionDays}).
 *
 * <p>Media files are deleted after the batch that deleted their rows has committed: a crash in
 * between leaves an orphan file (encrypted, and removed with the tenant's folder at account
 * deletion), never a row without its file.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionPurge {

  static final String OWNER = "retention-" + UUID.randomUUID();
  private static final System.Logger LOG = System.getLogger(RetentionPurge.class.getName());
  private static final int TENANTS_PER_ROUND = 50;

  @Inject PurgeStore store;
  @Inject PurgeSteps steps;
  @Inject PrivacyConfig config;
  @Inject WebhookEvents webhookEvents;

  /** Purges every tenant due at {@code now}; returns how many tenants were purged. */
  public int runDue(Instant now) {
    int purged = 0;
    List<Long> due;
    do {
      due = store.dueTenants(now, TENANTS_PER_ROUND);
      for (long tenant : due) {
        if (purgeTenant(tenant, now)) {
          purged++;
        }
      }
    } while (due.size() == TENANTS_PER_ROUND);
    purgeWebhookEvents(now);
    return purged;
  }

  private boolean purgeTenant(long tenant, Instant now) {
    if (!store.claimTenant(tenant, OWNER, now, Instant.now().plus(config.lease()))) {
      return false;
    }
    RetentionPolicy policy = config.policy();
    String runId = UUID.randomUUID().toString();
    try {
      PurgeStore.Setting setting =
          store.setting(tenant).orElse(new PurgeStore.Setting(null, false));
      int days = policy.effectiveDays(setting.retentionDays());
      Instant cutoff = policy.cutoff(now, days);
      Map<String, Long> counts = new TreeMap<>();
      if (setting.legalHold()) {
        counts.put("skipped: legal hold", 0L);
      } else {
        MediaFolder media = config.mediaFolder();
        for (PurgeStep step : steps.all()) {
          PurgeBatch batch;
          do {
            batch = store.older(step, tenant, cutoff, config.batchSize());
            add(counts, batch);
            deleteFiles(media, batch, counts);
          } while (batch.total() > 0);
        }
        if (counts.isEmpty()) {
          counts.put("nothing older than the period", 0L);
        }
      }
      store.finishTenant(tenant, OWNER, now, now.plus(config.runInterval()), runId, counts, cutoff);
      LOG.log(Level.INFO, "Retention purge of tenant {0}: {1}", String.valueOf(tenant), counts);
      return true;
    } catch (RuntimeException e) {
      store.releaseTenant(tenant, OWNER);
      LOG.log(
          Level.WARNING,
          "Retention purge of tenant {0} failed, retried next round: {1}",
          String.valueOf(tenant),
          e.toString());
      return false;
    }
  }

  /** Deletes old raw webhook events; returns how many. */
  public int purgeWebhookEvents(Instant now) {
    int days = config.policy().webhookEventRetentionDays();
    Instant cutoff = now.minus(java.time.Duration.ofDays(days));
    long total = 0;
    int n;
    do {
      n = webhookEvents.purgeHandled(cutoff, config.batchSize());
      total += n;
    } while (n > 0);
    if (total > 0) {
      store.record(
          UUID.randomUUID().toString(),
          null,
          "WEBHOOK_EVENTS",
          Map.of("webhook_event", total),
          cutoff);
    }
    return (int) total;
  }

  static void add(Map<String, Long> counts, PurgeBatch batch) {
    batch.rows().forEach((table, n) -> counts.merge(table, n.longValue(), Long::sum));
  }

  static void deleteFiles(MediaFolder media, PurgeBatch batch, Map<String, Long> counts) {
    if (batch.files().isEmpty()) {
      return;
    }
    try {
      counts.merge("media files", (long) media.delete(batch.files()), Long::sum);
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Could not delete media files: {0}", e.toString());
    }
  }
}
