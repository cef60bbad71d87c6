package in.picode.kretanote.automation.entity;

/** The events a rule can start from. */
public enum Trigger {
  CONVERSATION_CREATED("Conversation created"),
  CUSTOMER_MESSAGE("Customer message received"),
  CONVERSATION_RESOLVED("Conversation resolved"),
  MESSAGE_FAILED("Message failed"),
  LABEL_ADDED("Label added"),
  NO_REPLY("No reply from the team for N minutes"),
  /** Not an event: the row is a macro, run by an agent. */
  MACRO("Macro");

  private final String words;

  Trigger(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}
