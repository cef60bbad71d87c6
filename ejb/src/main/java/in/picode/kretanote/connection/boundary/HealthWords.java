package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * The "Why can't I send?" panel as codes: for each health problem its title ({@code *_TITLE}), why
 * it matters ({@code *_WHY}) and what to do ({@code *_FIX}); the lines for a connection that is not
 * finished, failed or disconnected; and the signup steps as the failed line names them ({@code
 * AT_*}); the notices to owners and admins when the problems change or Meta reports news ({@code
 * NOTICE_*}). Dates are instants, worded in the reader's language.
 */
public enum HealthWords implements Wording.Code {
  TOKEN_INVALID_TITLE("KretaNote''s access to your WhatsApp account expired or was revoked"),
  TOKEN_INVALID_WHY(
      "Meta no longer accepts the authorization you gave when you connected, so KretaNote can"
          + " neither send nor manage this number."),
  TOKEN_INVALID_FIX("Click Reconnect and go through Meta''s window again."),
  PERMISSIONS_MISSING_TITLE("KretaNote lost a permission it needs"),
  PERMISSIONS_MISSING_WHY(
      "The authorization no longer includes managing your WhatsApp Business Account and sending"
          + " messages for it."),
  PERMISSIONS_MISSING_FIX("Click Reconnect and keep both permissions selected in Meta''s window."),
  TOKEN_EXPIRING_TITLE("KretaNote''s access to your WhatsApp account expires soon"),
  TOKEN_EXPIRING_WHY("The authorization Meta gave has an end date within the next days."),
  TOKEN_EXPIRING_FIX("Click Reconnect before it expires to renew it."),
  TOKEN_EXPIRES_ON("It expires on {0,date,d MMM yyyy}."),
  APP_UNSUBSCRIBED_TITLE("KretaNote no longer receives this number''s messages"),
  APP_UNSUBSCRIBED_WHY(
      "KretaNote was removed from your WhatsApp Business Account''s webhooks (for example in Meta"
          + " Business Suite), so customers'' messages and delivery reports do not arrive."),
  APP_UNSUBSCRIBED_FIX("Click Reconnect; connecting again subscribes KretaNote once more."),
  NUMBER_DISCONNECTED_TITLE("The number is not registered for the WhatsApp Cloud API"),
  NUMBER_DISCONNECTED_WHY(
      "Meta reports the number as not connected, so messages cannot be sent from it."),
  NUMBER_DISCONNECTED_FIX("Click Reconnect to register it again."),
  NUMBER_FLAGGED_TITLE("Meta flagged the number for low quality"),
  NUMBER_FLAGGED_WHY(
      "Customers blocked or reported recent messages. If quality does not improve within 7 days,"
          + " Meta lowers the number''s messaging limit."),
  NUMBER_FLAGGED_FIX(
      "Send fewer marketing messages, only to customers who asked for them, and make opting out"
          + " easy."),
  NUMBER_RESTRICTED_TITLE("Meta restricted the number"),
  NUMBER_RESTRICTED_WHY(
      "The number may only reply to customers who wrote first; it cannot start conversations for"
          + " now."),
  NUMBER_RESTRICTED_FIX(
      "Wait for the restriction to end and check the account quality page in WhatsApp Manager."),
  NUMBER_BANNED_TITLE("Meta banned the number"),
  NUMBER_BANNED_WHY("The number can no longer send messages on WhatsApp."),
  NUMBER_BANNED_FIX("Request a review in WhatsApp Manager (Account quality)."),
  QUALITY_YELLOW_TITLE("The number''s quality rating dropped to medium"),
  QUALITY_YELLOW_WHY(
      "Customers have been blocking or reporting messages from this number more than usual."),
  QUALITY_YELLOW_FIX("Review recent campaigns and templates; send only what customers asked for."),
  QUALITY_RED_TITLE("The number''s quality rating is low"),
  QUALITY_RED_WHY(
      "Many customers blocked or reported messages from this number; Meta may lower its"
          + " messaging limit or restrict it."),
  QUALITY_RED_FIX("Pause marketing messages and review what was sent recently."),
  NAME_NOT_APPROVED_TITLE("Meta has not approved the number''s display name"),
  NAME_NOT_APPROVED_WHY(
      "Until the display name is approved, the number may be limited in what it can send."),
  NAME_NOT_APPROVED_FIX(
      "Check the display name in WhatsApp Manager and follow Meta''s naming rules."),
  SENDING_LIMITED_TITLE("Meta limits what this number can send"),
  SENDING_LIMITED_WHY(
      "Meta''s health check reports the number, its account or its business as limited."),
  SENDING_LIMITED_FIX("Open WhatsApp Manager; Meta lists what is wrong and how to fix it."),
  SENDING_BLOCKED_TITLE("Meta blocks sending from this number"),
  SENDING_BLOCKED_WHY(
      "Meta''s health check reports the number, its account or its business as blocked."),
  SENDING_BLOCKED_FIX("Open WhatsApp Manager; Meta lists what is wrong and how to fix it."),
  ACCOUNT_BANNED_TITLE("Meta disabled your WhatsApp Business Account"),
  ACCOUNT_BANNED_WHY(
      "Meta banned the account this number belongs to, so none of its numbers can send messages."),
  ACCOUNT_BANNED_FIX("Request a review in WhatsApp Manager (Account quality)."),
  ACCOUNT_BAN_SCHEDULED_TITLE("Meta will disable your WhatsApp Business Account"),
  ACCOUNT_BAN_SCHEDULED_WHY(
      "Meta scheduled the account this number belongs to for a ban because of policy violations."),
  ACCOUNT_BAN_SCHEDULED_FIX(
      "Open WhatsApp Manager (Account quality) now: it says why and how to appeal."),
  ACCOUNT_RESTRICTED_TITLE("Meta restricted your WhatsApp Business Account"),
  ACCOUNT_RESTRICTED_WHY(
      "Meta limited what the account this number belongs to may do (for example starting"
          + " conversations or adding numbers) because of policy violations."),
  ACCOUNT_RESTRICTED_FIX(
      "Open WhatsApp Manager (Account quality) to see the restriction and when it ends."),
  NO_RECENT_WEBHOOKS_TITLE("No news from Meta for a long time"),
  NO_RECENT_WEBHOOKS_WHY(
      "KretaNote has received neither messages nor delivery reports for this number for a long"
          + " time. That is normal for a quiet number, but it can also mean webhooks stopped."),
  NO_RECENT_WEBHOOKS_FIX(
      "Send a test message to the number from your own phone; if it does not appear in the"
          + " inbox, click Reconnect."),
  PENDING_TITLE("The connection is not finished"),
  PENDING_WHY("KretaNote is still setting up this number with Meta, or the setup was interrupted."),
  PENDING_FIX("Click Retry. If it does not finish, connect the number again."),
  FAILED_TITLE("Setting up the number stopped at: {0}"),
  FAILED_NO_REASON("Meta did not complete a step."),
  FAILED_FIX("Click Retry. If the reason above asks you to connect again, click Reconnect."),
  DISCONNECTED_TITLE("The number is disconnected"),
  DISCONNECTED_WHY(
      "You disconnected it; KretaNote no longer holds an authorization for it. Conversations"
          + " stay."),
  DISCONNECTED_ON_WHY(
      "You disconnected it on {0,date,d MMM yyyy}; KretaNote no longer holds an authorization for"
          + " it. Conversations stay."),
  DISCONNECTED_FIX("Connect it again to send and receive messages."),
  AT_EXCHANGE_CODE("exchanging Meta''s authorization code"),
  AT_CHECK_TOKEN("checking the permissions"),
  AT_SUBSCRIBE_APP("subscribing to your account''s messages"),
  AT_REGISTER_NUMBER("registering the number"),
  AT_READ_NUMBER("reading the number''s details"),
  AT_UNKNOWN("an unknown step"),
  NOTICE_HEALTHY("WhatsApp {0} is healthy again"),
  NOTICE_PROBLEM("WhatsApp {0}: {1}"),
  NOTICE_PROBLEMS("WhatsApp {0}: {1} (+{2,number,#} more)"),
  NOTICE_RESOLVED("WhatsApp {0}: a problem was resolved"),
  NOTICE_NEW("New: {0}.\n{1}\nWhat to do: {2}"),
  NOTICE_GONE("Resolved: {0}."),
  NOTICE_STILL("Still open: {0}."),
  NOTICE_LIMIT_LOWERED_SUBJECT("WhatsApp {0}: Meta lowered the messaging limit"),
  NOTICE_LIMIT_LOWERED(
      "Meta lowered how many customers this number may start conversations with per day, usually"
          + " because of low quality.\nWhat to do: send fewer marketing messages, only to customers"
          + " who asked for them."),
  NOTICE_LIMIT_LOWERED_TO(
      "Meta lowered how many customers this number may start conversations with per day (now"
          + " {0}), usually because of low quality.\nWhat to do: send fewer marketing messages,"
          + " only to customers who asked for them."),
  NOTICE_VIOLATION_SUBJECT("WhatsApp {0}: Meta reports a policy violation"),
  NOTICE_VIOLATION(
      "Meta found a violation of its WhatsApp Business policies. Repeated violations lead to"
          + " restrictions or a ban.\nWhat to do: open WhatsApp Manager (Account quality) to see"
          + " what was found."),
  NOTICE_VIOLATION_OF(
      "Meta found a violation of its WhatsApp Business policies ({0}). Repeated violations lead to"
          + " restrictions or a ban.\nWhat to do: open WhatsApp Manager (Account quality) to see"
          + " what was found.");

  private final String pattern;

  HealthWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
