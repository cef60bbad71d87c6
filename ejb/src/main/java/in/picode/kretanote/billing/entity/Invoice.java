package in.picode.kretanote.billing.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An invoice or credit note of the current tenant. Amounts never change after issue; only the
 * status moves (OPEN → PAID or VOID). The number is given by {@code InvoiceNumbers} in the same
 * transaction, gapless per series.
 */
@Entity
@Table(name = "invoice")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(
    name = Invoice.LATEST,
    query = "select i from Invoice i order by i.issuedAt desc, i.id desc")
@NamedQuery(
    name = Invoice.OPEN,
    query = "select i from Invoice i where i.status = :status order by i.issuedAt, i.id")
@NamedQuery(name = Invoice.BY_KEY, query = "select i from Invoice i where i.billingKey = :key")
public class Invoice {

  public static final String LATEST = "Invoice.latest";
  public static final String OPEN = "Invoice.open";
  public static final String BY_KEY = "Invoice.byKey";
  public static final int BUYER_MAX = 700;

  public enum Kind {
    INVOICE,
    CREDIT_NOTE
  }

  public enum Status {
    /** Owed and not paid yet. */
    OPEN,
    PAID,
    /** Cancelled by a credit note before it was paid. */
    VOID,
    /** A credit note (nothing to pay). */
    ISSUED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 12)
  private Kind kind;

  @Column(nullable = false, updatable = false, length = 20)
  private String series;

  @Column(nullable = false, updatable = false)
  private long number;

  @Column(name = "billing_key", nullable = false, updatable = false, length = 100)
  private String billingKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;

  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Column(name = "subtotal_minor", nullable = false, updatable = false)
  private long subtotalMinor;

  @Column(name = "tax_minor", nullable = false, updatable = false)
  private long taxMinor;

  @Column(name = "total_minor", nullable = false, updatable = false)
  private long totalMinor;

  @Column(name = "tax_rate_bp", nullable = false, updatable = false)
  private int taxRateBp;

  @Column(name = "tax_country", updatable = false, length = 2)
  private String taxCountry;

  @Column(name = "period_start", updatable = false)
  private Instant periodStart;

  @Column(name = "period_end", updatable = false)
  private Instant periodEnd;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "credited_invoice_id", updatable = false)
  private Long creditedInvoiceId;

  @Column(nullable = false, updatable = false, length = BUYER_MAX)
  private String buyer;

  @Column(updatable = false, length = 300)
  private String reason;

  @OneToMany(mappedBy = "invoice", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<InvoiceLine> lines = new ArrayList<>();

  @Version private long version;

  protected Invoice() {}

  public Invoice(
      Kind kind,
      String series,
      long number,
      String billingKey,
      String currency,
      int taxRateBp,
      String taxCountry,
      Instant periodStart,
      Instant periodEnd,
      Instant issuedAt,
      Instant dueAt,
      String buyer) {
    if (number < 1) {
      throw new IllegalArgumentException("number");
    }
    this.kind = Objects.requireNonNull(kind);
    this.series = Objects.requireNonNull(series);
    this.number = number;
    this.billingKey = Objects.requireNonNull(billingKey);
    this.currency = PlanVersion.checkCurrency(currency);
    this.taxRateBp = taxRateBp;
    this.taxCountry = taxCountry;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.dueAt = Objects.requireNonNull(dueAt);
    String b = buyer == null ? "" : buyer;
    this.buyer = b.length() > BUYER_MAX ? b.substring(0, BUYER_MAX) : b;
    this.status = kind == Kind.CREDIT_NOTE ? Status.ISSUED : Status.OPEN;
  }

  /** Adds a line; call {@link #totals} after the last one. */
  public InvoiceLine addLine(String description, long quantity, long unitMinor, long amountMinor) {
    InvoiceLine line =
        new InvoiceLine(this, lines.size() + 1, description, quantity, unitMinor, amountMinor);
    lines.add(line);
    return line;
  }

  public void totals(long subtotalMinor, long taxMinor) {
    this.subtotalMinor = subtotalMinor;
    this.taxMinor = taxMinor;
    this.totalMinor = Math.addExact(subtotalMinor, taxMinor);
  }

  public void credits(long invoiceId, String reason) {
    this.creditedInvoiceId = invoiceId;
    this.reason = reason;
  }

  /** True when this call paid it; false when it already was paid (never paid twice). */
  public boolean markPaid(Instant at) {
    if (status != Status.OPEN) {
      return false;
    }
    status = Status.PAID;
    paidAt = at;
    return true;
  }

  public void markVoid() {
    if (status == Status.OPEN) {
      status = Status.VOID;
    }
  }

  /** As printed: series and a six-digit number, e.g. INV-2026-000042. */
  public String getDisplayNumber() {
    return series + "-" + String.format("%06d", number);
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getSeries() {
    return series;
  }

  public long getNumber() {
    return number;
  }

  public String getBillingKey() {
    return billingKey;
  }

  public Status getStatus() {
    return status;
  }

  public String getCurrency() {
    return currency;
  }

  public long getSubtotalMinor() {
    return subtotalMinor;
  }

  public long getTaxMinor() {
    return taxMinor;
  }

  public long getTotalMinor() {
    return totalMinor;
  }

  public int getTaxRateBp() {
    return taxRateBp;
  }

  public String getTaxCountry() {
    return taxCountry;
  }

  public Instant getPeriodStart() {
    return periodStart;
  }

  public Instant getPeriodEnd() {
    return periodEnd;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public Long getCreditedInvoiceId() {
    return creditedInvoiceId;
  }

  public String getBuyer() {
    return buyer;
  }

  public String getReason() {
    return reason;
  }

  public List<InvoiceLine> getLines() {
    return lines;
  }
}
