package in.picode.kretanote.api.boundary;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * What the API settings (keys, outgoing webhooks) say to a manager in the dashboard, as codes. The
 * public REST API answers in English (the exception's message).
 */
public enum ApiWords implements Wording.Code {
  KEY_NAME("Give the key a name of 1 to {0,number,#} characters."),
  KEY_NO_PERMISSION("Choose at least one permission for the key."),
  KEY_UNKNOWN_PERMISSION("Unknown permission: {0}"),
  KEY_EXPIRY_PAST("The expiry date must be in the future."),
  KEY_MAX("This business already has {0,number,#} keys; revoke one first."),
  KEY_MISSING("There is no such key."),
  URL_INVALID("The URL is not valid."),
  URL_NOT_ABSOLUTE("The URL must be an absolute https:// address."),
  URL_USER_INFO("The URL must not contain a user name or password."),
  URL_NOT_HTTPS("The URL must use HTTPS."),
  URL_TOO_LONG("The URL is too long."),
  HOST_UNRESOLVED("The host {0} cannot be resolved."),
  HOST_PRIVATE(
      "The host {0} resolves to a private or local address ({1}); webhooks go to public"
          + " addresses only."),
  WEBHOOK_NO_EVENT("Choose at least one event type."),
  WEBHOOK_UNKNOWN_EVENT("Unknown event type: {0}"),
  WEBHOOK_MAX("A business has at most {0,number,#} subscriptions."),
  WEBHOOK_DISABLED_SUBJECT("A webhook subscription was disabled"),
  /** {1} is how long deliveries failed, in whole hours; {2} the last error. */
  WEBHOOK_DISABLED(
      "Deliveries to {0} failed without a break for {1,choice,0#less than an hour|1#an hour|1<{1,number,integer}"
          + " hours}; the subscription is disabled. Last error: {2}"),
  WEBHOOK_HTTP_STATUS("The receiver answered HTTP {0}.");

  private final String pattern;

  ApiWords(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public String pattern() {
    return pattern;
  }
}
