package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.FreshReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts of a {@link Situation}, read from the features that own them as committed now ({@link
 * FreshReads}), so a rule sees what earlier rules of the same event changed.
 */
@ApplicationScoped
public class SituationFacts implements Situation.Facts {

  @Inject FreshReads reads;

  @Override
  public List<String> labels(long conversationId) {
    return reads.labels(conversationId);
  }

  @Override
  public List<String> tags(long contactId) {
    return reads.tags(contactId);
  }

  @Override
  public Map<String, String> fields(long contactId) {
    return reads.fields(contactId);
  }

  @Override
  public boolean open(Instant at, Long teamId) {
    return reads.open(at, teamId);
  }
}
