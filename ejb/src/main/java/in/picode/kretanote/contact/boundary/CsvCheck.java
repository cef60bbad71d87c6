package in.picode.kretanote.contact.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contacts CSV file checked by {@link ContactImports#check}: the rows to import when {@code
 * problems} is empty. The constants are what a column can be mapped to.
 */
public record CsvCheck(List<Row> rows, List<Problem> problems) {

  public static final String PHONE = "phone";
  public static final String NAME = "name";
  public static final String EMAIL = "email";
  public static final String TAGS = "tags";
  public static final String IGNORE = "";
  public static final String FIELD_PREFIX = "field:";

  /** One contact as the file describes it; {@code fields} maps custom field ids to values. */
  public record Row(
      int line,
      String waId,
      String name,
      String email,
      Set<String> tags,
      Map<Long, String> fields) {}

  /** A row's problems, by its line in the file (the header is line 1). */
  public record Problem(int line, List<Wording> wordings) {

    public Problem(int line, Wording wording) {
      this(line, List.of(wording));
    }

    /** The problems in English, one text. */
    public String message() {
      return String.join(" ", Wording.english(wordings));
    }
  }

  public boolean ok() {
    return problems.isEmpty() && !rows.isEmpty();
  }
}
