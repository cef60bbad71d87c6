package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What rules' conditions read, each in a transaction of its own: a rule run handles an event in one
 * transaction while every action commits in its own, so reads in the event's transaction (a
 * repeatable-read snapshot and its persistence context) would not see what an earlier rule of the
 * same event changed. Reading here, the second rule sees the first rule's label, team, assignee,
 * tag or field.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FreshReads {

  @Inject ConversationFacts facts;
  @Inject Conversations conversations;
  @Inject Contacts contacts;
  @Inject BusinessHoursSettings hours;

  /** The conversation as committed now (detached). */
  public Optional<Conversation> conversation(long conversationId) {
    return facts.find(conversationId);
  }

  public List<String> labels(long conversationId) {
    return conversations.labels(conversationId);
  }

  public List<String> tags(long contactId) {
    return contacts.tags(contactId);
  }

  public Map<String, String> fields(long contactId) {
    return contacts.fieldValues(contactId);
  }

  public boolean open(Instant at, Long teamId) {
    return hours.open(at, teamId);
  }
}
