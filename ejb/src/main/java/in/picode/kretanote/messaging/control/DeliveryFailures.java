package in.picode.kretanote.messaging.control;

/**
 * Plain words for why Meta did not deliver a message, from its error code (Meta's titles are
 * written for developers). Unknown codes fall back to Meta's title with the code, so nothing is
 * hidden.
 */
public final class DeliveryFailures {

  private DeliveryFailures() {}

  public static String explain(Integer code, String title) {
    if (code == null) {
      return title == null || title.isBlank() ? "Not delivered (no reason given)." : title;
    }
    String words =
        switch (code) {
          case 131047, 470 ->
              "More than 24 hours passed since the customer last wrote. Only a template message"
                  + " can be sent now.";
          case 131026 ->
              "The message could not be delivered: the number may not be on WhatsApp, or the"
                  + " customer has an old WhatsApp version.";
          case 131049 ->
              "Meta held the message back to protect the customer from too many marketing"
                  + " messages. Try again later.";
          case 131050 -> "The customer stopped marketing messages from this business.";
          case 131051 -> "This kind of message is not supported by WhatsApp.";
          case 131052, 131053 -> "The attachment could not be downloaded or processed.";
          case 131021 -> "The recipient is this business's own number.";
          case 131031 -> "The business account is locked. Check WhatsApp Manager.";
          case 131042 -> "Meta could not charge the business (payment problem).";
          case 131045 -> "The sending number is not registered with WhatsApp.";
          case 131048, 131056, 130429, 80007 ->
              "Too many messages were sent too quickly. Wait a moment and try again.";
          case 131000 -> "Something went wrong at Meta. Try again.";
          case 132000, 132001, 132005, 132007, 132012, 132015, 132016 ->
              "The template is missing, paused, or its parameters do not match.";
          case 130472 -> "Meta did not deliver the message because of a WhatsApp experiment.";
          case 368 -> "Meta blocked the message for a policy violation.";
          default -> null;
        };
    String meta = title == null || title.isBlank() ? "" : " " + title;
    return words == null
        ? "Not delivered:"
            + (meta.isEmpty() ? " unknown reason" : meta)
            + " (Meta code "
            + code
            + ")."
        : words + " (Meta code " + code + ")";
  }
}
