package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * Plain words for why Meta did not deliver a message, by Meta's error code ({@code
 * messaging.control.DeliveryFailures} picks one); {0} is Meta's code, {1} Meta's title.
 */
public enum DeliveryWords implements Wording.Code {
  NO_REASON("Not delivered (no reason given)."),
  META_TITLE_ONLY("{1}"),
  WINDOW(
      "More than 24 hours passed since the customer last wrote. Only a template message can be"
          + " sent now. (Meta code {0,number,#})"),
  UNDELIVERABLE(
      "The message could not be delivered: the number may not be on WhatsApp, or the customer has"
          + " an old WhatsApp version. (Meta code {0,number,#})"),
  MARKETING_HELD(
      "Meta held the message back to protect the customer from too many marketing messages. Try"
          + " again later. (Meta code {0,number,#})"),
  MARKETING_STOPPED(
      "The customer stopped marketing messages from this business. (Meta code {0,number,#})"),
  UNSUPPORTED("This kind of message is not supported by WhatsApp. (Meta code {0,number,#})"),
  MEDIA("The attachment could not be downloaded or processed. (Meta code {0,number,#})"),
  OWN_NUMBER("The recipient is this business''s own number. (Meta code {0,number,#})"),
  ACCOUNT_LOCKED(
      "The business account is locked. Check WhatsApp Manager. (Meta code {0,number,#})"),
  PAYMENT("Meta could not charge the business (payment problem). (Meta code {0,number,#})"),
  NOT_REGISTERED("The sending number is not registered with WhatsApp. (Meta code {0,number,#})"),
  TOO_FAST(
      "Too many messages were sent too quickly. Wait a moment and try again. (Meta code"
          + " {0,number,#})"),
  META_ERROR("Something went wrong at Meta. Try again. (Meta code {0,number,#})"),
  TEMPLATE(
      "The template is missing, paused, or its parameters do not match. (Meta code {0,number,#})"),
  EXPERIMENT(
      "Meta did not deliver the message because of a WhatsApp experiment. (Meta code"
          + " {0,number,#})"),
  POLICY("Meta blocked the message for a policy violation. (Meta code {0,number,#})"),
  UNKNOWN("Not delivered: unknown reason (Meta code {0,number,#})."),
  UNKNOWN_WITH_TITLE("Not delivered: {1} (Meta code {0,number,#}).");

  private final String pattern;

  DeliveryWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
