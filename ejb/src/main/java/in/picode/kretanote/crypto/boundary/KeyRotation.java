package in.picode.kretanote.crypto.boundary;

import in.picode.kretanote.crypto.control.DataKeys;
import in.picode.kretanote.crypto.control.EnvelopeCipher;
import in.picode.kretanote.crypto.control.KeyEncryptionKeys;
import in.picode.kretanote.crypto.entity.TenantDataKey;
import in.picode.kretanote.crypto.entity.TenantDataKeyId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * One batch of a key-encryption key rotation, in a transaction of its own (see {@link
 * TokenVault#rewrapAll()}). A bean of its own because a bean cannot start a new transaction by
 * calling itself.
 *
 * <p>The batch reads its rows with {@code SELECT ... FOR UPDATE}: a second server running the same
 * rotation waits, then finds the rows already re-wrapped and skips them; a concurrent destroy waits
 * for the batch and then wipes the re-wrapped key.
 */
@Stateless
public class KeyRotation {

  private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());
  private static final EnvelopeCipher CIPHER = new EnvelopeCipher();

  @PersistenceContext EntityManager em;

  /** How far one batch got; {@code last} is the cursor for the next, null when nothing was left. */
  public record Batch(int scanned, int rewrapped, int failed, TenantDataKeyId last) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch rewrapBatch(KeyEncryptionKeys keks, TenantDataKeyId after, int size) {
    List<TenantDataKey> keys =
        em.createNamedQuery(TenantDataKey.LIVE_NOT_UNDER_KEK, TenantDataKey.class)
            .setParameter("kekId", keks.current().id())
            .setParameter("afterTenantId", after.getTenantId())
            .setParameter("afterKeyVersion", after.getKeyVersion())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setMaxResults(size)
            .getResultList();
    DataKeys dataKeys = new DataKeys(keks, CIPHER);
    int rewrapped = 0;
    int failed = 0;
    for (TenantDataKey key : keys) {
      try {
        if (dataKeys.rewrap(key)) {
          rewrapped++;
        }
      } catch (CryptoException e) {
        // Caught here so the rest of the batch commits; the key stays as it was.
        failed++;
        LOG.log(
            Level.WARNING,
            "Data key {0} stays under key-encryption key {1}: {2}",
            key.id(),
            key.getKekId().orElse("-"),
            e.getMessage());
      }
    }
    return new Batch(
        keys.size(), rewrapped, failed, keys.isEmpty() ? null : keys.get(keys.size() - 1).id());
  }
}
