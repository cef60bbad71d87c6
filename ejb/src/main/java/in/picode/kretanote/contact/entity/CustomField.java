package in.picode.kretanote.contact.entity;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A contact attribute the tenant defines, with a type that decides which values are valid. Values
 * are stored in a canonical text form, so "1.50" and "1.5" are the same number and dates sort.
 */
@Entity
@Table(name = "custom_field")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = CustomField.ALL, query = "select f from CustomField f order by f.name")
public class CustomField {

  public static final String ALL = "CustomField.all";
  public static final int NAME_MAX = 40;
  public static final int VALUE_MAX = 500;

  public enum Type {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Type type;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CustomField() {}

  public CustomField(String name, Type type, Instant now) {
    this.name = checkName(name);
    this.type = Objects.requireNonNull(type);
    this.createdAt = Objects.requireNonNull(now);
  }

  public static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > NAME_MAX) {
      throw new WordedArgumentException(ContactWords.FIELD_NAME.with(NAME_MAX));
    }
    return n;
  }

  /** Renames the field; its values stay, since they are stored by the field's id. */
  public void rename(String newName) {
    this.name = checkName(newName);
  }

  /**
   * The canonical form of {@code raw} for this field's type, or {@link IllegalArgumentException}
   * with a sentence a user understands. Blank means "no value" and gives null.
   */
  public String canonical(String raw) {
    return canonical(type, name, raw);
  }

  public static String canonical(Type type, String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    switch (type) {
      case TEXT:
        if (v.length() > VALUE_MAX) {
          throw new WordedArgumentException(ContactWords.FIELD_VALUE_LONG.with(name, VALUE_MAX));
        }
        return v;
      case NUMBER:
        try {
          return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
          throw new WordedArgumentException(ContactWords.FIELD_NOT_NUMBER.with(name, clip(v)));
        }
      case DATE:
        try {
          return LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
          throw new WordedArgumentException(ContactWords.FIELD_NOT_DATE.with(name, clip(v)));
        }
      case BOOLEAN:
        switch (v.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "1":
            return "true";
          case "false", "no", "0":
            return "false";
          default:
            throw new WordedArgumentException(ContactWords.FIELD_NOT_YES_NO.with(name, clip(v)));
        }
      default:
        throw new IllegalStateException();
    }
  }

  private static String clip(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Type getType() {
    return type;
  }
}
