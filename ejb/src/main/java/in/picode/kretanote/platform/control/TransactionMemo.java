package in.picode.kretanote.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * A business's settings read once per JTA transaction: a transaction that applies a batch of
 * webhooks or stores a block of Meta's answers raises an event per message, and each listener would
 * otherwise read the same settings (rules, subscriptions) again. The value lives in the
 * transaction's resources and ends with it, so the next transaction reads afresh; outside a
 * transaction nothing is kept. Only for values the remembering transaction does not change itself.
 */
@ApplicationScoped
public class TransactionMemo {

  @Resource TransactionSynchronizationRegistry transactions;

  /** The value of {@code key} for the current business in this transaction, loaded once. */
  @SuppressWarnings("unchecked")
  public <T> T of(String key, Supplier<T> load) {
    if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return load.get();
    }
    String scoped = TransactionMemo.class.getName() + ':' + Tenancy.require() + ':' + key;
    Object known = transactions.getResource(scoped);
    if (known != null) {
      return (T) known;
    }
    T value = load.get();
    transactions.putResource(scoped, value);
    return value;
  }
}
