package in.picode.kretanote.platform.boundary;

import java.util.regex.Pattern;

/**
 * The one rule for every CSV the product writes (exports, analytics downloads, data-subject
 * archives), headers and cells alike: a spreadsheet runs a cell that starts with {@code = + - @} as
 * a formula, and Excel also looks past a leading TAB or CR, so such a cell gets a leading
 * apostrophe and shows the text instead. Plain numbers ({@code -12.5}, {@code +4915...}) stay
 * numbers.
 */
public final class CsvCells {

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

  private CsvCells() {}

  /** {@code cell} as a spreadsheet shows it literally; null becomes the empty string. */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@';
    if (first == '\t' || first == '\r' || (risky && !NUMBER.matcher(cell).matches())) {
      return "'" + cell;
    }
    return cell;
  }

  /**
   * An RFC 4180 field: neutralised, then quoted (quotes doubled) when it holds a comma, quote, CR
   * or LF.
   */
  public static String field(String cell) {
    String v = neutralise(cell);
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
