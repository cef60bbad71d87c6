package in.picode.kretanote.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One line of an invoice; never changed after issue. */
@Entity
@Table(name = "invoice_line")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class InvoiceLine {

  public static final int DESCRIPTION_MAX = 300;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "invoice_id", nullable = false, updatable = false)
  private Invoice invoice;

  @Column(nullable = false, updatable = false)
  private int position;

  @Column(nullable = false, updatable = false, length = DESCRIPTION_MAX)
  private String description;

  @Column(nullable = false, updatable = false)
  private long quantity;

  @Column(name = "unit_minor", nullable = false, updatable = false)
  private long unitMinor;

  @Column(name = "amount_minor", nullable = false, updatable = false)
  private long amountMinor;

  protected InvoiceLine() {}

  InvoiceLine(
      Invoice invoice,
      int position,
      String description,
      long quantity,
      long unitMinor,
      long amountMinor) {
    this.invoice = Objects.requireNonNull(invoice);
    this.position = position;
    String d = Objects.requireNonNull(description);
    this.description = d.length() > DESCRIPTION_MAX ? d.substring(0, DESCRIPTION_MAX) : d;
    this.quantity = quantity;
    this.unitMinor = unitMinor;
    this.amountMinor = amountMinor;
  }

  public Long getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getDescription() {
    return description;
  }

  public long getQuantity() {
    return quantity;
  }

  public long getUnitMinor() {
    return unitMinor;
  }

  public long getAmountMinor() {
    return amountMinor;
  }
}
