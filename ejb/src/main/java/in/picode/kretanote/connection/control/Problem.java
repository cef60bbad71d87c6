package in.picode.kretanote.connection.control;

/**
 * Something that stops a connected number from sending, or will soon, with the words the "Why can't
 * I send?" panel and the notifications use. Each belongs to one aspect of the health probe, so that
 * when Meta cannot be asked about an aspect, the problems last seen for it are kept rather than
 * dropped or invented.
 */
public enum Problem {
  TOKEN_INVALID(
      Aspect.TOKEN,
      true,
      "KretaNote's access to your WhatsApp account expired or was revoked",
      "Meta no longer accepts the authorization you gave when you connected, so KretaNote can"
          + " neither send nor manage this number.",
      "Click Reconnect and go through Meta's window again."),
  PERMISSIONS_MISSING(
      Aspect.TOKEN,
      true,
      "KretaNote lost a permission it needs",
      "The authorization no longer includes managing your WhatsApp Business Account and sending"
          + " messages for it.",
      "Click Reconnect and keep both permissions selected in Meta's window."),
  TOKEN_EXPIRING(
      Aspect.TOKEN,
      false,
      "KretaNote's access to your WhatsApp account expires soon",
      "The authorization Meta gave has an end date within the next days.",
      "Click Reconnect before it expires to renew it."),
  APP_UNSUBSCRIBED(
      Aspect.SUBSCRIPTION,
      true,
      "KretaNote no longer receives this number's messages",
      "KretaNote was removed from your WhatsApp Business Account's webhooks (for example in Meta"
          + " Business Suite), so customers' messages and delivery reports do not arrive.",
      "Click Reconnect; connecting again subscribes KretaNote once more."),
  NUMBER_DISCONNECTED(
      Aspect.NUMBER,
      true,
      "The number is not registered for the WhatsApp Cloud API",
      "Meta reports the number as not connected, so messages cannot be sent from it.",
      "Click Reconnect to register it again."),
  NUMBER_FLAGGED(
      Aspect.NUMBER,
      false,
      "Meta flagged the number for low quality",
      "Customers blocked or reported recent messages. If quality does not improve within 7 days,"
          + " Meta lowers the number's messaging limit.",
      "Send fewer marketing messages, only to customers who asked for them, and make opting out"
          + " easy."),
  NUMBER_RESTRICTED(
      Aspect.NUMBER,
      true,
      "Meta restricted the number",
      "The number may only reply to customers who wrote first; it cannot start conversations for"
          + " now.",
      "Wait for the restriction to end and check the account quality page in WhatsApp Manager."),
  NUMBER_BANNED(
      Aspect.NUMBER,
      true,
      "Meta banned the number",
      "The number can no longer send messages on WhatsApp.",
      "Request a review in WhatsApp Manager (Account quality)."),
  QUALITY_YELLOW(
      Aspect.NUMBER,
      false,
      "The number's quality rating dropped to medium",
      "Customers have been blocking or reporting messages from this number more than usual.",
      "Review recent campaigns and templates; send only what customers asked for."),
  QUALITY_RED(
      Aspect.NUMBER,
      false,
      "The number's quality rating is low",
      "Many customers blocked or reported messages from this number; Meta may lower its"
          + " messaging limit or restrict it.",
      "Pause marketing messages and review what was sent recently."),
  NAME_NOT_APPROVED(
      Aspect.NUMBER,
      false,
      "Meta has not approved the number's display name",
      "Until the display name is approved, the number may be limited in what it can send.",
      "Check the display name in WhatsApp Manager and follow Meta's naming rules."),
  SENDING_LIMITED(
      Aspect.HEALTH,
      false,
      "Meta limits what this number can send",
      "Meta's health check reports the number, its account or its business as limited.",
      "Open WhatsApp Manager; Meta lists what is wrong and how to fix it."),
  SENDING_BLOCKED(
      Aspect.HEALTH,
      true,
      "Meta blocks sending from this number",
      "Meta's health check reports the number, its account or its business as blocked.",
      "Open WhatsApp Manager; Meta lists what is wrong and how to fix it."),
  ACCOUNT_BANNED(
      Aspect.ACCOUNT,
      true,
      "Meta disabled your WhatsApp Business Account",
      "Meta banned the account this number belongs to, so none of its numbers can send messages.",
      "Request a review in WhatsApp Manager (Account quality)."),
  ACCOUNT_BAN_SCHEDULED(
      Aspect.ACCOUNT,
      false,
      "Meta will disable your WhatsApp Business Account",
      "Meta scheduled the account this number belongs to for a ban because of policy violations.",
      "Open WhatsApp Manager (Account quality) now: it says why and how to appeal."),
  ACCOUNT_RESTRICTED(
      Aspect.ACCOUNT,
      true,
      "Meta restricted your WhatsApp Business Account",
      "Meta limited what the account this number belongs to may do (for example starting"
          + " conversations or adding numbers) because of policy violations.",
      "Open WhatsApp Manager (Account quality) to see the restriction and when it ends."),
  NO_RECENT_WEBHOOKS(
      Aspect.WEBHOOKS,
      false,
      "No news from Meta for a long time",
      "KretaNote has received neither messages nor delivery reports for this number for a long"
          + " time. That is normal for a quiet number, but it can also mean webhooks stopped.",
      "Send a test message to the number from your own phone; if it does not appear in the"
          + " inbox, click Reconnect.");

  /** The part of a probe a problem comes from. */
  public enum Aspect {
    TOKEN,
    SUBSCRIPTION,
    NUMBER,
    HEALTH,
    WEBHOOKS,
    /** Told only by Meta's {@code account_update} webhook; a probe keeps whatever it said. */
    ACCOUNT
  }

  private final Aspect aspect;
  private final boolean blocking;
  private final String title;
  private final String explanation;
  private final String fix;

  Problem(Aspect aspect, boolean blocking, String title, String explanation, String fix) {
    this.aspect = aspect;
    this.blocking = blocking;
    this.title = title;
    this.explanation = explanation;
    this.fix = fix;
  }

  public Aspect aspect() {
    return aspect;
  }

  /** True when nothing can be sent while it lasts; false for warnings. */
  public boolean blocking() {
    return blocking;
  }

  public String title() {
    return title;
  }

  public String explanation() {
    return explanation;
  }

  public String fix() {
    return fix;
  }

  public boolean needsReconnect() {
    return this == TOKEN_INVALID || this == PERMISSIONS_MISSING;
  }
}
