package in.picode.kretanote.contact.control;

import static in.picode.kretanote.contact.boundary.CsvCheck.EMAIL;
import static in.picode.kretanote.contact.boundary.CsvCheck.FIELD_PREFIX;
import static in.picode.kretanote.contact.boundary.CsvCheck.IGNORE;
import static in.picode.kretanote.contact.boundary.CsvCheck.NAME;
import static in.picode.kretanote.contact.boundary.CsvCheck.PHONE;
import static in.picode.kretanote.contact.boundary.CsvCheck.TAGS;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.contact.boundary.CsvCheck;
import in.picode.kretanote.contact.boundary.CsvCheck.Problem;
import in.picode.kretanote.contact.boundary.CsvCheck.Row;
import in.picode.kretanote.contact.entity.ContactTag;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.WordedArgumentException;
import in.picode.kretanote.platform.boundary.Wording;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a contacts CSV file and checks every row before anything is written: the import is all or
 * nothing, so a file with one bad row imports no row and says which rows to fix and why.
 *
 * <p>The file must be UTF-8 (with or without a byte-order mark), have a header row, and map one
 * column to the phone number. Numbers are normalised to digits (E.164 without the plus, as WhatsApp
 * ids are); the same number twice in one file is an error, not a silent merge.
 */
public final class ContactCsv {

  /** A file that cannot be read as CSV at all (encoding, size, shape), with the sentence why. */
  public static final class UnreadableCsvException extends RuntimeException
      implements Wording.Worded {
    private static final long serialVersionUID = 1L;
    private final Wording wording;

    public UnreadableCsvException(Wording wording) {
      super(wording.english());
      this.wording = wording;
    }

    @Override
    public List<Wording> wordings() {
      return List.of(wording);
    }
  }

  private final int maxBytes;
  private final int maxRows;

  public ContactCsv(int maxBytes, int maxRows) {
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
  }

  /** The header names of {@code bytes}, in file order. */
  public List<String> headers(byte[] bytes) {
    try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), format())) {
      List<String> headers = parser.getHeaderNames();
      if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
        throw new UnreadableCsvException(ContactWords.CSV_NO_HEADER.with());
      }
      return headers;
    } catch (IllegalArgumentException e) {
      throw new UnreadableCsvException(ContactWords.CSV_HEADER_UNUSABLE.with(e.getMessage()));
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadableCsvException(ContactWords.CSV_INVALID.with(e.getMessage()));
    }
  }

  /** A mapping guessed from header names: "Phone", "Mobile", "Name", "E-mail", a field's name. */
  public static Map<String, String> guessMapping(List<String> headers, List<CustomField> fields) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String header : headers) {
      String h = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      String target = IGNORE;
      if (Set.of("phone", "phonenumber", "mobile", "number", "whatsapp", "waid").contains(h)) {
        target = PHONE;
      } else if (Set.of("name", "fullname", "displayname", "contact").contains(h)) {
        target = NAME;
      } else if (Set.of("email", "mail", "emailaddress").contains(h)) {
        target = EMAIL;
      } else if (Set.of("tags", "tag", "labels").contains(h)) {
        target = TAGS;
      } else {
        for (CustomField f : fields) {
          if (f.getName().equalsIgnoreCase(header.strip())) {
            target = FIELD_PREFIX + f.getId();
          }
        }
      }
      mapping.put(header, target);
    }
    return mapping;
  }

  /**
   * Checks every row of {@code bytes} with {@code mapping} (header → target). {@code fields} are
   * the tenant's custom fields by id.
   */
  public CsvCheck check(byte[] bytes, Map<String, String> mapping, Map<Long, CustomField> fields) {
    List<String> phoneColumns =
        mapping.entrySet().stream()
            .filter(e -> PHONE.equals(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (phoneColumns.isEmpty()) {
      throw new UnreadableCsvException(ContactWords.CSV_CHOOSE_PHONE.with());
    }
    if (phoneColumns.size() > 1) {
      throw new UnreadableCsvException(ContactWords.CSV_ONE_PHONE.with());
    }
    for (String target : mapping.values()) {
      if (target.startsWith(FIELD_PREFIX) && !fields.containsKey(fieldId(target))) {
        throw new UnreadableCsvException(ContactWords.CSV_FIELD_GONE.with());
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), format())) {
      for (String header : mapping.keySet()) {
        if (!mapping.get(header).equals(IGNORE) && !parser.getHeaderMap().containsKey(header)) {
          throw new UnreadableCsvException(ContactWords.CSV_NO_COLUMN.with(header));
        }
      }
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        if (rows.size() + problems.size() >= maxRows) {
          throw new UnreadableCsvException(ContactWords.CSV_TOO_MANY_ROWS.with(maxRows));
        }
        if (!record.isConsistent()) {
          problems.add(
              new Problem(
                  line,
                  ContactWords.CSV_COLUMNS.with(record.size(), parser.getHeaderNames().size())));
          continue;
        }
        row(record, line, mapping, fields, seen, rows, problems);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadableCsvException(ContactWords.CSV_INVALID.with(rootMessage(e)));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UnreadableCsvException(ContactWords.CSV_INVALID.with(rootMessage(e)));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(1, ContactWords.CSV_NO_CONTACTS.with()));
    }
    return new CsvCheck(List.copyOf(rows), List.copyOf(problems));
  }

  private void row(
      CSVRecord record,
      int line,
      Map<String, String> mapping,
      Map<Long, CustomField> fields,
      Map<String, Integer> seen,
      List<Row> rows,
      List<Problem> problems) {
    String waId = null;
    String name = null;
    String email = null;
    Set<String> tags = new LinkedHashSet<>();
    Map<Long, String> values = new LinkedHashMap<>();
    List<Wording> errors = new ArrayList<>();
    for (Map.Entry<String, String> m : mapping.entrySet()) {
      String target = m.getValue();
      if (target.equals(IGNORE)) {
        continue;
      }
      String raw = record.get(m.getKey());
      raw = raw == null ? "" : raw.strip();
      try {
        switch (target) {
          case PHONE -> waId = PhoneNumbers.normalise(raw);
          case NAME -> name = name(raw, 200);
          case EMAIL -> email = email(raw);
          case TAGS -> {
            for (String t : raw.split("[;|]")) {
              if (!t.isBlank()) {
                tags.add(ContactTag.check(t));
              }
            }
          }
          default -> {
            CustomField f = fields.get(fieldId(target));
            String v = f.canonical(raw);
            if (v != null) {
              values.put(f.getId(), v);
            }
          }
        }
      } catch (IllegalArgumentException e) {
        errors.add(Wording.of(e));
      }
    }
    if (waId != null) {
      Integer first = seen.putIfAbsent(waId, line);
      if (first != null) {
        errors.add(ContactWords.CSV_DUPLICATE.with(waId, first));
      }
    }
    if (!errors.isEmpty()) {
      problems.add(new Problem(line, List.copyOf(errors)));
      return;
    }
    rows.add(new Row(line, waId, name, email, Set.copyOf(tags), Map.copyOf(values)));
  }

  static long fieldId(String target) {
    try {
      return Long.parseLong(target.substring(FIELD_PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new UnreadableCsvException(ContactWords.CSV_UNKNOWN_TARGET.with(target));
    }
  }

  private static String name(String raw, int max) {
    if (raw.isEmpty()) {
      return null;
    }
    if (raw.length() > max) {
      throw new WordedArgumentException(ContactWords.CSV_NAME_LONG.with(max));
    }
    return raw;
  }

  private static String email(String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    if (raw.length() > 254 || !raw.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new WordedArgumentException(ContactWords.CSV_NOT_EMAIL.with(clip(raw)));
    }
    return raw;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static CSVFormat format() {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
        .get();
  }

  /** The file as text: strictly UTF-8, within the size limit, without a byte-order mark. */
  String text(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableCsvException(ContactWords.CSV_EMPTY.with());
    }
    if (bytes.length > maxBytes) {
      throw new UnreadableCsvException(ContactWords.CSV_TOO_LARGE.with(maxBytes / 1024));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.indexOf('\0') >= 0) {
        throw new UnreadableCsvException(ContactWords.CSV_NOT_UTF8_BINARY.with());
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableCsvException(ContactWords.CSV_NOT_UTF8.with());
    }
  }
}
