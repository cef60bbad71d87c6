package in.picode.kretanote.retention.control;

import java.util.List;
import java.util.Map;

/**
 * What one batch deleted: rows per table (a cascade may touch several) and the media files,
 * relative to the media folder, to delete once the batch has committed.
 */
public record PurgeBatch(Map<String, Integer> rows, List<String> files) {

  public static final PurgeBatch EMPTY = new PurgeBatch(Map.of(), List.of());

  public static PurgeBatch of(String table, int rows) {
    return rows == 0 ? EMPTY : new PurgeBatch(Map.of(table, rows), List.of());
  }

  public int total() {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }
}
