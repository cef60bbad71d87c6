package in.picode.kretanote.outbound.control;

import java.util.Map;

/**
 * What the sender does about a failed send, decided by Meta's error code from the table in
 * META-CLOUD-API.md (never by Meta's text), or by the HTTP status when there is no code. One table,
 * so the rule for each code is in one place and tested line by line.
 */
public final class SendErrors {

  /** What happens to the outbox row. */
  public enum Action {
    /** Try again after a back-off with jitter (bounded attempts). */
    RETRY,
    /** Slow the whole number down, then try again. */
    THROTTLE_NUMBER,
    /** Same recipient too fast (pair rate limit): space this recipient's messages. */
    SPACE_RECIPIENT,
    /** The request may have reached Meta: never resend blindly, reconcile. */
    UNKNOWN,
    /** Permanent: the message fails with Meta's code, no retry. */
    FAIL
  }

  /** What else changes beyond the row. */
  public enum Effect {
    NONE,
    REQUIRE_TEMPLATE,
    CONTACT_UNREACHABLE,
    SUPPRESS_MARKETING,
    PAUSE_CAMPAIGNS,
    RECONNECT_NEEDED,
    REGISTRATION_NEEDED
  }

  public record Decision(Action action, Effect effect, String reason) {}

  private static final Map<Integer, Decision> BY_CODE =
      Map.ofEntries(
          Map.entry(
              131047,
              new Decision(
                  Action.FAIL,
                  Effect.REQUIRE_TEMPLATE,
                  "More than 24 hours since the customer last wrote: send a template")),
          Map.entry(
              131026,
              new Decision(
                  Action.FAIL,
                  Effect.CONTACT_UNREACHABLE,
                  "The customer cannot receive this message (not on WhatsApp or an old app)")),
          Map.entry(
              130429, new Decision(Action.THROTTLE_NUMBER, Effect.NONE, "Meta's throughput limit")),
          Map.entry(4, new Decision(Action.THROTTLE_NUMBER, Effect.NONE, "Graph API rate limit")),
          Map.entry(
              80007, new Decision(Action.THROTTLE_NUMBER, Effect.NONE, "WhatsApp rate limit")),
          Map.entry(
              131056,
              new Decision(
                  Action.SPACE_RECIPIENT,
                  Effect.NONE,
                  "Too many messages to this customer in a short time")),
          Map.entry(
              131048,
              new Decision(
                  Action.FAIL,
                  Effect.PAUSE_CAMPAIGNS,
                  "Meta's spam rate limit: too many recipients reported or blocked this number")),
          Map.entry(
              131049,
              new Decision(
                  Action.FAIL,
                  Effect.NONE,
                  "Meta withheld this marketing message to protect the customer's experience")),
          Map.entry(
              131050,
              new Decision(
                  Action.FAIL,
                  Effect.SUPPRESS_MARKETING,
                  "The customer stopped marketing messages from this business")),
          Map.entry(
              132000,
              new Decision(
                  Action.FAIL, Effect.NONE, "The template's parameters do not match the template")),
          Map.entry(
              132001,
              new Decision(
                  Action.FAIL, Effect.NONE, "The template does not exist in this language")),
          Map.entry(
              133010,
              new Decision(
                  Action.FAIL,
                  Effect.REGISTRATION_NEEDED,
                  "The number is not registered with the Cloud API")),
          Map.entry(
              190,
              new Decision(
                  Action.FAIL,
                  Effect.RECONNECT_NEEDED,
                  "The access token expired or was revoked: reconnect the number")),
          Map.entry(1, new Decision(Action.RETRY, Effect.NONE, "Meta had a temporary problem")),
          Map.entry(2, new Decision(Action.RETRY, Effect.NONE, "Meta had a temporary problem")),
          Map.entry(
              131000, new Decision(Action.RETRY, Effect.NONE, "Meta had a temporary problem")));

  private SendErrors() {}

  /**
   * @param code Meta's error code, {@code null} when the answer had none
   * @param httpStatus 0 when no answer came
   * @param mayHaveArrived no answer, and the request may have reached Meta
   */
  public static Decision decide(Integer code, int httpStatus, boolean mayHaveArrived) {
    if (mayHaveArrived || (code == null && httpStatus / 100 == 2)) {
      return new Decision(
          Action.UNKNOWN,
          Effect.NONE,
          "Meta's answer never arrived; the message may have gone out");
    }
    if (code != null) {
      Decision known = BY_CODE.get(code);
      if (known != null) {
        return known;
      }
      if (code == 10 || code == 102 || code == 104 || (code >= 200 && code <= 299)) {
        return new Decision(
            Action.FAIL,
            Effect.RECONNECT_NEEDED,
            "The access token lacks a permission: reconnect the number");
      }
      if (code == 17 || code == 32 || code == 613) {
        return new Decision(Action.THROTTLE_NUMBER, Effect.NONE, "Graph API rate limit");
      }
      return new Decision(Action.FAIL, Effect.NONE, "Meta refused the message (code " + code + ")");
    }
    if (httpStatus == 0) {
      return new Decision(Action.RETRY, Effect.NONE, "Meta could not be reached");
    }
    if (httpStatus == 429) {
      return new Decision(Action.THROTTLE_NUMBER, Effect.NONE, "HTTP 429 from Meta");
    }
    if (httpStatus >= 500 || httpStatus == 408) {
      return new Decision(Action.RETRY, Effect.NONE, "Meta answered HTTP " + httpStatus);
    }
    if (httpStatus == 401) {
      return new Decision(
          Action.FAIL, Effect.RECONNECT_NEEDED, "Meta refused the access token: reconnect");
    }
    return new Decision(Action.FAIL, Effect.NONE, "Meta answered HTTP " + httpStatus);
  }
}
