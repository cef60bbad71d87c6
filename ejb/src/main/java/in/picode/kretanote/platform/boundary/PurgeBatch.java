package in.picode.kretanote.platform.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** This batch and {@code other} together. */
  public PurgeBatch plus(PurgeBatch other) {
    if (other.rows.isEmpty() && other.files.isEmpty()) {
      return this;
    }
    Map<String, Integer> r = new LinkedHashMap<>(rows);
    other.rows.forEach((t, n) -> r.merge(t, n, Integer::sum));
    List<String> f = new ArrayList<>(files);
    f.addAll(other.files);
    return new PurgeBatch(r, f);
  }

  public int total() {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }
}
