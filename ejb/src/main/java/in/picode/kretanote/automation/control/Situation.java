package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.boundary.TextLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule or macro sees and acts on: the event and its conversation, with the facts conditions
 * ask about (labels, tags, fields, opening hours) read once when first asked. {@code dry}: a dry
 * run, which changes and sends nothing. {@code key} prefixes the idempotency keys of sends, so a
 * re-handled event sends nothing twice.
 */
public final class Situation {

  /** Where the facts come from (the other features' boundaries). */
  public interface Facts {
    List<String> labels(long conversationId);

    List<String> tags(long contactId);

    Map<String, String> fields(long contactId);

    /** Inside the hours of team {@code teamId} (null: none), else of the business. */
    boolean open(Instant at, Long teamId);
  }

  private final Trigger event;
  private final Conversation conversation;
  private final String text;
  private final boolean firstMessage;
  private final String label;
  private final Instant at;
  private final boolean dry;
  private final String key;
  private final String source;
  private final long actorId;
  private final Facts facts;
  private List<String> labels;
  private List<String> tags;
  private Map<String, String> fields;
  private Boolean open;
  private int step;

  public Situation(
      Trigger event,
      Conversation conversation,
      String text,
      boolean firstMessage,
      String label,
      Instant at,
      boolean dry,
      String key,
      String source,
      long actorId,
      Facts facts) {
    this.event = event;
    this.conversation = conversation;
    this.text = text;
    this.firstMessage = firstMessage;
    this.label = label;
    this.at = at;
    this.dry = dry;
    this.key = key;
    this.source = source;
    this.actorId = actorId;
    this.facts = facts;
  }

  public Trigger event() {
    return event;
  }

  public Conversation conversation() {
    return conversation;
  }

  public long conversationId() {
    return conversation.getId();
  }

  /** The customer's text of the event, or null. */
  public String text() {
    return text;
  }

  public boolean firstMessage() {
    return firstMessage;
  }

  /** The label the event added, or null. */
  public String label() {
    return label;
  }

  public Instant at() {
    return at;
  }

  public boolean dry() {
    return dry;
  }

  /** The action now running (its place in the list), for {@link #key}. */
  void step(int index) {
    this.step = index;
  }

  /** An idempotency key for the action now running: the same on a re-handled event. */
  public String key() {
    return key + "-" + step;
  }

  /** Who acts, in words, for notes and webhooks ("rule 'VIP'", "macro 'Refund'"). */
  public String source() {
    return source;
  }

  /**
   * A macro an agent runs (no event): its sends are the agent's own answer, not automated
   * processing, so they count for the SLA like a typed reply.
   */
  public boolean byPerson() {
    return event == null;
  }

  /** The person the audit log and notes name: the agent running a macro, a rule's last editor. */
  public Conversations.Actor actor() {
    return new Conversations.Actor(actorId, source, null);
  }

  public List<String> labels() {
    if (labels == null) {
      labels = facts.labels(conversation.getId());
    }
    return labels;
  }

  public List<String> tags() {
    if (tags == null) {
      tags = facts.tags(conversation.getContactId());
    }
    return tags;
  }

  public Map<String, String> fields() {
    if (fields == null) {
      fields = facts.fields(conversation.getContactId());
    }
    return fields;
  }

  public boolean insideBusinessHours() {
    if (open == null) {
      open = facts.open(at, conversation.getTeamId());
    }
    return open;
  }

  /**
   * The language of the event's customer text, else the one messaging stored on the conversation
   * from the customer's latest text; null when none could be told.
   */
  public String language() {
    String detected = text == null ? null : TextLanguage.detect(text).orElse(null);
    return detected != null ? detected : conversation.getCustomerLanguage();
  }
}
