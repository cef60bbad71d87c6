package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.connection.boundary.Actor;
import in.picode.kretanote.crypto.boundary.TokenVault;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Purges tenants whose deletion grace period is over: claims the deletion in the database, makes
 * sure no number is still connected, destroys the tenant's data keys (crypto-shredding: its
 * ciphertexts, also in backups, become unreadable), deletes every row of every tenant-owned table
 * through every feature's purge steps ({@link PurgeSteps}) in bounded batches, deletes its media
 * folder, deletes the tenant row, and mails the receipt. Refuses to finish while a table with a
 * {@code tenant_id} column has no purge step (the deletion stays pending and an operator sees why
 * in the log).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountPurge {

  static final String OWNER = "account-purge-" + UUID.randomUUID();
  private static final System.Logger LOG = System.getLogger(AccountPurge.class.getName());

  @Inject DeletionStore deletions;
  @Inject PurgeStore store;
  @Inject PurgeSteps steps;
  @Inject PrivacyConfig config;
  @Inject TokenVault vault;
  @Inject AccountDeletions accounts;

  /** Purges every tenant whose grace period ended before {@code now}; returns how many. */
  public int runDue(Instant now) {
    int purged = 0;
    for (long[] due : deletions.due(now, 20)) {
      if (deletions.claim(due[0], OWNER, now, Instant.now().plus(config.lease()))) {
        if (purge(due[0], due[1], now)) {
          purged++;
        }
      }
    }
    return purged;
  }

  private boolean purge(long deletionId, long tenant, Instant now) {
    try {
      List<String> missing = store.uncovered();
      if (!missing.isEmpty()) {
        LOG.log(
            Level.ERROR,
            "Account purge of tenant {0} refused: tables {1} have tenant_id but no purge step"
                + " (the owning feature's TenantData must list a step for each)",
            String.valueOf(tenant),
            missing);
        deletions.release(deletionId, OWNER);
        return false;
      }
      accounts.disconnectAll(tenant, Actor.SYSTEM);
      int keys = vault.destroyTenantKeys(tenant);
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("data keys destroyed", (long) keys);
      MediaFolder media = config.mediaFolder();
      for (PurgeStep step : steps.all()) {
        PurgeBatch batch;
        do {
          batch = store.whole(step, tenant, config.batchSize());
          RetentionPurge.add(counts, batch);
          RetentionPurge.deleteFiles(media, batch, counts);
        } while (batch.total() > 0);
      }
      try {
        counts.merge("media files", (long) media.deleteTenantFolder(tenant), Long::sum);
      } catch (IOException e) {
        throw new IllegalStateException("Media folder of tenant " + tenant + ": " + e, e);
      }
      deletions.finish(deletionId, tenant, UUID.randomUUID().toString(), counts, now);
      LOG.log(Level.INFO, "Tenant {0} purged: {1}", String.valueOf(tenant), counts);
      return true;
    } catch (RuntimeException e) {
      deletions.release(deletionId, OWNER);
      LOG.log(
          Level.WARNING,
          "Account purge of tenant {0} failed, retried next round: {1}",
          String.valueOf(tenant),
          e.toString());
      return false;
    }
  }
}
