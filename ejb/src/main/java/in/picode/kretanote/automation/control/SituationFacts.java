package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.BusinessHoursSettings;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.messaging.boundary.Conversations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The facts of a {@link Situation}, read from the features that own them. */
@ApplicationScoped
public class SituationFacts implements Situation.Facts {

  @Inject Conversations conversations;
  @Inject Contacts contacts;
  @Inject BusinessHoursSettings hours;

  @Override
  public List<String> labels(long conversationId) {
    return conversations.labels(conversationId);
  }

  @Override
  public List<String> tags(long contactId) {
    return contacts.tags(contactId);
  }

  @Override
  public Map<String, String> fields(long contactId) {
    return contacts.fieldValues(contactId);
  }

  @Override
  public boolean open(Instant at) {
    return hours.open(at);
  }
}
