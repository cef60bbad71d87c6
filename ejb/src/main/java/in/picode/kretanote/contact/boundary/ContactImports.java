package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.contact.boundary.CsvCheck.Row;
import in.picode.kretanote.contact.control.ContactCsv;
import in.picode.kretanote.contact.control.ContactCsv.UnreadableCsvException;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.ContactFieldValue;
import in.picode.kretanote.contact.entity.ContactTag;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.CsvCells;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSV import and export of the current tenant's contacts. An import is checked whole first and then
 * written in one transaction: it imports every row or none. A contact whose number is known already
 * is updated (name and email when given, tags added, fields set), not duplicated.
 */
@Stateless
@TenantScoped
public class ContactImports {

  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Contacts contacts;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "kretanote.contacts.import.max-bytes", defaultValue = "2097152")
  int maxBytes;

  @Inject
  @ConfigProperty(name = "kretanote.contacts.import.max-rows", defaultValue = "20000")
  int maxRows;

  private final Clock clock = Clock.systemUTC();

  /** What an import did. */
  public record Report(int created, int updated) {}

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * The file's header names, or {@link ContactChangeRefusedException} saying why it is unusable.
   */
  public List<String> headers(byte[] bytes) {
    try {
      return csv().headers(bytes);
    } catch (UnreadableCsvException e) {
      throw new ContactChangeRefusedException(Wording.of(e));
    }
  }

  public Map<String, String> guessMapping(List<String> headers) {
    return ContactCsv.guessMapping(headers, contacts.fields());
  }

  /** Checks the file with this column mapping and writes nothing. */
  public CsvCheck check(byte[] bytes, Map<String, String> mapping) {
    try {
      return csv().check(bytes, mapping, fieldsById());
    } catch (UnreadableCsvException e) {
      throw new ContactChangeRefusedException(Wording.of(e));
    }
  }

  /**
   * Imports the file if every row is valid; otherwise refuses with the number of bad rows and
   * writes nothing. {@code actorId} is recorded in the audit log.
   */
  public Report importAll(
      byte[] bytes, Map<String, String> mapping, long actorId, String actorEmail, String address) {
    CsvCheck checked = check(bytes, mapping);
    if (!checked.ok()) {
      throw new ContactChangeRefusedException(
          ContactWords.ROWS_HAVE_PROBLEMS.with(checked.problems().size()));
    }
    Instant now = Instant.now(clock);
    Map<String, Contact> existing = existing(checked.rows());
    int created = 0;
    int updated = 0;
    for (Row row : checked.rows()) {
      Contact contact = existing.get(row.waId());
      boolean isNew = contact == null;
      if (isNew) {
        contact = new Contact(null, row.waId(), null, now);
        contact.imported(row.name(), row.email(), now);
        em.persist(contact);
        em.flush();
        created++;
      } else {
        contact.imported(row.name(), row.email(), now);
        updated++;
      }
      Set<String> tags = isNew ? Set.of() : new HashSet<>(contacts.tags(contact.getId()));
      for (String tag : row.tags()) {
        if (!tags.contains(tag)) {
          em.persist(new ContactTag(contact.getId(), tag));
        }
      }
      for (Map.Entry<Long, String> field : row.fields().entrySet()) {
        if (isNew) {
          em.persist(new ContactFieldValue(contact.getId(), field.getKey(), field.getValue()));
        } else {
          contacts.putField(contact.getId(), field.getKey(), field.getValue());
        }
      }
    }
    audit.record(
        actorId,
        actorEmail,
        "contacts.imported",
        created + " created, " + updated + " updated",
        address);
    return new Report(created, updated);
  }

  private Map<String, Contact> existing(List<Row> rows) {
    List<String> numbers = rows.stream().map(Row::waId).toList();
    Map<String, Contact> found = new HashMap<>();
    for (int i = 0; i < numbers.size(); i += CHUNK) {
      em.createQuery("select c from Contact c where c.waId in :numbers", Contact.class)
          .setParameter("numbers", numbers.subList(i, Math.min(numbers.size(), i + CHUNK)))
          .getResultStream()
          .forEach(c -> found.putIfAbsent(c.getWaId(), c));
    }
    return found;
  }

  /**
   * Writes the contacts that {@code filter} selects as CSV to {@code out} (UTF-8 with a byte-order
   * mark, so spreadsheet programs pick the right encoding): number, name, email, tags, opted out,
   * then one column per custom field; headers and cells go through {@link CsvCells}. Returns the
   * number of contacts written.
   *
   * <p>Runs outside a transaction on purpose: the audit entry commits before the first byte leaves
   * (an interrupted download is still on record), and each keyset page is its own short read
   * through {@link Contacts#exportPage}, so neither memory nor a transaction grows with the list.
   * Who may export (owners and admins) is the caller's check; the actor is recorded.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long export(Contacts.Filter filter, Contacts.Actor actor, OutputStream out) {
    audit.record(
        actor.userId(), actor.email(), "contacts.exported", describe(filter), actor.address());
    List<CustomField> fields = contacts.fields();
    List<String> header = new ArrayList<>(List.of("phone", "name", "email", "tags", "opted_out"));
    fields.forEach(f -> header.add(f.getName()));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    long written = 0;
    try {
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
      printer.printRecord(header.stream().map(CsvCells::neutralise).toList());
      Long before = null;
      while (true) {
        List<Contacts.ExportRow> page = contacts.exportPage(filter, before, Contacts.PAGE_MAX);
        if (page.isEmpty()) {
          break;
        }
        for (Contacts.ExportRow row : page) {
          Contact c = row.contact();
          List<String> record = new ArrayList<>();
          record.add(CsvCells.neutralise(c.getWaId()));
          record.add(CsvCells.neutralise(c.getDisplayName()));
          record.add(CsvCells.neutralise(c.getEmail()));
          record.add(CsvCells.neutralise(String.join(";", row.tags())));
          record.add(c.isOptedOut() ? "yes" : "no");
          fields.forEach(f -> record.add(CsvCells.neutralise(row.fields().get(f.getId()))));
          printer.printRecord(record);
          written++;
        }
        printer.flush();
        before = page.get(page.size() - 1).contact().getId();
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static String describe(Contacts.Filter filter) {
    List<String> parts = new ArrayList<>();
    if (filter.query() != null && !filter.query().isBlank()) {
      parts.add("search \"" + filter.query().strip() + "\"");
    }
    if (filter.tag() != null && !filter.tag().isBlank()) {
      parts.add("tag \"" + filter.tag().strip() + "\"");
    }
    if (filter.optedOut() != null) {
      parts.add(filter.optedOut() ? "opted out" : "opted in");
    }
    return parts.isEmpty() ? "all contacts" : String.join(", ", parts);
  }

  private Map<Long, CustomField> fieldsById() {
    return contacts.fields().stream()
        .collect(Collectors.toMap(CustomField::getId, Function.identity()));
  }

  private ContactCsv csv() {
    return new ContactCsv(maxBytes, maxRows);
  }
}
