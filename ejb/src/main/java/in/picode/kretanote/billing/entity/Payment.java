package in.picode.kretanote.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A payment intent at the provider for one invoice. Its status moves only towards SUCCEEDED, so
 * results applied in any order (the synchronous answer, then webhooks, possibly reordered or
 * repeated) end in the same state.
 */
@Entity
@Table(name = "payment")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Payment.BY_INTENT, query = "select p from Payment p where p.intentId = :intent")
@NamedQuery(
    name = Payment.OF_INVOICE,
    query = "select p from Payment p where p.invoiceId = :invoice order by p.createdAt, p.id")
public class Payment {

  public static final String BY_INTENT = "Payment.byIntent";
  public static final String OF_INVOICE = "Payment.ofInvoice";

  public enum Status {
    PENDING,
    FAILED,
    SUCCEEDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "invoice_id", nullable = false, updatable = false)
  private long invoiceId;

  @Column(name = "intent_id", nullable = false, updatable = false, length = 64)
  private String intentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Status status;

  @Column(name = "amount_minor", nullable = false, updatable = false)
  private long amountMinor;

  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Column(length = 300)
  private String failure;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Payment() {}

  public Payment(long invoiceId, String intentId, long amountMinor, String currency, Instant now) {
    this.invoiceId = invoiceId;
    this.intentId = Objects.requireNonNull(intentId);
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Moves forward only; true when the status changed. */
  public boolean advance(Status to, String failure, Instant now) {
    if (to.ordinal() <= status.ordinal()) {
      return false;
    }
    this.status = to;
    this.failure = failure == null ? null : failure.substring(0, Math.min(300, failure.length()));
    this.updatedAt = now;
    return true;
  }

  public Long getId() {
    return id;
  }

  public long getInvoiceId() {
    return invoiceId;
  }

  public String getIntentId() {
    return intentId;
  }

  public Status getStatus() {
    return status;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public String getFailure() {
    return failure;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
