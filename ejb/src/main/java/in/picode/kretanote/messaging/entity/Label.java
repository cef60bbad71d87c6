package in.picode.kretanote.messaging.entity;

import in.picode.kretanote.messaging.boundary.ConversationWords;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.control.PlainText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A tenant's conversation label; names are unique per tenant, compared as the database does. */
@Entity
@Table(name = "label")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
@NamedQuery(name = Label.ALL, query = "select l from Label l order by l.name")
@NamedQuery(name = Label.BY_NAME, query = "select l from Label l where l.name = :name")
public class Label {

  public static final String ALL = "Label.all";
  public static final String BY_NAME = "Label.byName";
  public static final int NAME_MAX = 40;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Label() {}

  public Label(String name, Instant now) {
    this.name = checkName(name);
    this.createdAt = Objects.requireNonNull(now);
  }

  public static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > NAME_MAX) {
      throw new WordedArgumentException(ConversationWords.LABEL_NAME.with(NAME_MAX));
    }
    if (PlainText.hasMarkup(n)) {
      throw new WordedArgumentException(ConversationWords.LABEL_MARKUP.with());
    }
    return n;
  }

  public void rename(String newName) {
    this.name = checkName(newName);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
