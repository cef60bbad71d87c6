package in.picode.kretanote.retention.control;

import in.picode.kretanote.platform.boundary.CsvCells;
import java.util.List;

/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and quotes doubled; lines end in
 * CRLF. Formulas are neutralised by the product's one rule, {@link CsvCells}.
 */
public final class Csv {

  private Csv() {}

  public static String line(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(fields.get(i)));
    }
    return b.append("\r\n").toString();
  }

  static String field(String value) {
    return value == null ? "" : CsvCells.field(value);
  }
}
