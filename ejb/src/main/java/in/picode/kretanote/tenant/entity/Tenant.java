package in.picode.kretanote.tenant.entity;

import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.PlainText.Subject;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/** A business using KretaNote; the root every tenant-owned row points to. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.ALL, query = "select t from Tenant t order by t.name")
public class Tenant {

  public static final String ALL = "Tenant.all";
  public static final int NAME_MAX = 200;

  public enum Status {
    ACTIVE,
    SUSPENDED,
    DELETION_PENDING,
    DELETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Size(max = NAME_MAX)
  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "legal_name", length = NAME_MAX)
  private String legalName;

  @Column(name = "address_line", length = 300)
  private String addressLine;

  @Column(name = "postal_code", length = 20)
  private String postalCode;

  @Column(length = 100)
  private String city;

  @Column(length = 2)
  private String country;

  @Column(name = "tax_id", length = 40)
  private String taxId;

  @Column(name = "require_second_factor", nullable = false)
  private boolean requireSecondFactor;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String name, Instant createdAt) {
    this.name = requireName(name);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.status = Status.ACTIVE;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A tenant needs a name");
    }
    if (name.length() > NAME_MAX) {
      throw new IllegalArgumentException("A tenant name has at most " + NAME_MAX + " characters");
    }
    return PlainText.require(name.strip(), Subject.BUSINESS_NAME);
  }

  /** The details printed on invoices; the tax id is optional. */
  public void billingProfile(
      String legalName,
      String addressLine,
      String postalCode,
      String city,
      String country,
      String taxId) {
    if (country == null || !country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("Country must be an ISO 3166 alpha-2 code");
    }
    this.legalName = PlainText.require(legalName, Subject.BUSINESS_NAME);
    this.addressLine = addressLine;
    this.postalCode = postalCode;
    this.city = city;
    this.country = country;
    this.taxId = taxId == null || taxId.isBlank() ? null : taxId.strip();
  }

  public String getLegalName() {
    return legalName;
  }

  public String getAddressLine() {
    return addressLine;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getCity() {
    return city;
  }

  public String getCountry() {
    return country;
  }

  public String getTaxId() {
    return taxId;
  }

  public boolean isRequireSecondFactor() {
    return requireSecondFactor;
  }

  public void requireSecondFactor(boolean required) {
    this.requireSecondFactor = required;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = requireName(name);
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
