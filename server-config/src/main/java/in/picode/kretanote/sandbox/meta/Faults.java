package in.picode.kretanote.sandbox.meta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The pending faults, consumed first-in first-out by the calls they match. */
final class Faults {

  private static final class Pending {
    final Fault fault;
    int remaining;

    Pending(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized void add(Fault fault) {
    pending.add(new Pending(fault));
  }

  synchronized void clear() {
    pending.clear();
  }

  /** The remaining faults, each with its remaining count as {@code times}. */
  synchronized List<Fault> pending() {
    return pending.stream().map(p -> p.fault.times(p.remaining)).toList();
  }

  /** Takes one use of the first fault that matches this call, if any. */
  synchronized Optional<Fault> take(String method, String path) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.fault.matches(method, path)) {
        if (p.remaining > 0 && --p.remaining == 0) {
          it.remove();
        }
        return Optional.of(p.fault);
      }
    }
    return Optional.empty();
  }
}
