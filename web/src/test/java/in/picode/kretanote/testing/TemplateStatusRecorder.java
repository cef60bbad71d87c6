package in.picode.kretanote.testing;

import in.picode.kretanote.inbound.boundary.TemplateStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the template feature in tests: remembers every template status event. */
@ApplicationScoped
public class TemplateStatusRecorder {

  private final List<TemplateStatusChanged> seen = new CopyOnWriteArrayList<>();

  void record(@Observes TemplateStatusChanged event) {
    seen.add(event);
  }

  public List<TemplateStatusChanged> seen() {
    return List.copyOf(seen);
  }
}
