package in.picode.kretanote.automation.view;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The editable rows of a form's conditions or actions, with add and remove. */
public class StepList implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<StepRow> rows = new ArrayList<>();

  public void add(String type) {
    rows.add(new StepRow(type, ""));
  }

  public void remove(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
    }
  }

  public void clear() {
    rows.clear();
  }

  /** Rows of a saved definition's array (null: none). */
  public void load(JsonValue steps) {
    rows.clear();
    if (steps instanceof JsonArray a) {
      a.forEach(v -> rows.add(StepRow.of(v.asJsonObject())));
    }
  }

  public JsonArray toJson() {
    JsonArrayBuilder a = Jsons.createArrayBuilder();
    rows.stream()
        .filter(r -> r.getType() != null && !r.getType().isBlank())
        .forEach(r -> a.add(r.toJson()));
    return a.build();
  }

  public List<StepRow> getRows() {
    return rows;
  }
}
