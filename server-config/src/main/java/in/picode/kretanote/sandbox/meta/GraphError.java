package in.picode.kretanote.sandbox.meta;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A Graph API error in Meta's envelope. The HTTP status and title come from a table of the codes
 * KretaNote acts on; clients must act on {@code code}, never on the message or the HTTP status, so
 * most codes answer 400 as Meta does. The envelope always carries {@code error_subcode}, as our
 * design notes list it: the real subcode where one is known (463 expired token, 33 unknown object,
 * 36009 used code...), else 0. Meta itself documents the field as optional and often omits it.
 */
final class GraphError extends RuntimeException {

  /** Found once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TRACE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  private record Known(int status, String title, String details) {}

  private static final Map<Integer, Known> KNOWN =
      Map.ofEntries(
          Map.entry(
              1,
              new Known(
                  500, "An unknown error occurred", "Invalid request or possible server error.")),
          Map.entry(
              2,
              new Known(
                  503,
                  "Service temporarily unavailable",
                  "Temporary due to downtime or due to being overloaded.")),
          Map.entry(
              4,
              new Known(
                  400,
                  "Application request limit reached",
                  "The app has reached its API call rate limit.")),
          Map.entry(
              10,
              new Known(
                  403,
                  "Application does not have permission for this action",
                  "Permission is either not granted or has been removed.")),
          Map.entry(100, new Known(400, "Invalid parameter", "Invalid parameter")),
          Map.entry(
              104,
              new Known(
                  401,
                  "An access token is required to request this resource.",
                  "An access token is required to request this resource.")),
          Map.entry(
              190,
              new Known(
                  401,
                  "Error validating access token",
                  "The access token has expired or has been invalidated.")),
          Map.entry(
              200,
              new Known(
                  403,
                  "Requires permission",
                  "The access token lacks the permission for this operation.")),
          Map.entry(2500, new Known(400, "Unknown path components", "Unknown path components")),
          Map.entry(
              80007,
              new Known(
                  400,
                  "Rate limit issues",
                  "The WhatsApp Business Account has reached its rate limit.")),
          Map.entry(
              130429,
              new Known(400, "Rate limit hit", "Cloud API message throughput has been reached.")),
          Map.entry(
              131000,
              new Known(
                  500, "Something went wrong", "Message failed to send due to an unknown error.")),
          Map.entry(
              131008,
              new Known(
                  400,
                  "Required parameter is missing",
                  "The request is missing a required parameter.")),
          Map.entry(
              131009,
              new Known(
                  400,
                  "Parameter value is not valid",
                  "One or more parameter values are invalid.")),
          Map.entry(
              131026,
              new Known(
                  400,
                  "Message Undeliverable",
                  "Unable to deliver message. The recipient may not be a WhatsApp user or uses an old app.")),
          Map.entry(
              131031,
              new Known(
                  400,
                  "Account has been locked",
                  "The business account was restricted or disabled for a policy violation.")),
          Map.entry(
              131047,
              new Known(
                  400,
                  "Re-engagement message",
                  "More than 24 hours have passed since the recipient last replied to the sender number.")),
          Map.entry(
              131048,
              new Known(
                  400,
                  "Spam rate limit hit",
                  "Message failed to send because there are restrictions on how many messages can be sent from this phone number.")),
          Map.entry(
              131049,
              new Known(
                  400,
                  "Meta chose not to deliver.",
                  "This message was not delivered to maintain healthy ecosystem engagement.")),
          Map.entry(
              131050,
              new Known(
                  400,
                  "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
                  "The user stopped marketing messages from this business.")),
          Map.entry(
              131051,
              new Known(400, "Message type unknown", "Message type is currently not supported.")),
          Map.entry(
              131053,
              new Known(
                  400, "Media upload error", "Unable to upload the media used in the message.")),
          Map.entry(
              131056,
              new Known(
                  400,
                  "(Business Account, Consumer Account) pair rate limit hit",
                  "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.")),
          Map.entry(
              132000,
              new Known(
                  400,
                  "Number of parameters does not match the expected number of params",
                  "The number of variable parameter values included in the request did not match the number of variable parameters defined in the template.")),
          Map.entry(
              132012,
              new Known(
                  400,
                  "Parameter format does not match format in the created template",
                  "Variable parameter values formatted incorrectly.")),
          Map.entry(
              132001,
              new Known(
                  400,
                  "Template name does not exist in the translation",
                  "The template does not exist in the specified language or the template has not been approved.")),
          Map.entry(
              132015,
              new Known(
                  400,
                  "Template is Paused",
                  "Template is paused due to low quality so it cannot be sent in a template message.")),
          Map.entry(
              132016,
              new Known(
                  400,
                  "Template is Disabled",
                  "Template has been paused too many times due to low quality and is now permanently disabled.")),
          Map.entry(
              133005,
              new Known(
                  400,
                  "Two step verification PIN Mismatch",
                  "Two-step verification PIN incorrect.")),
          Map.entry(
              133010,
              new Known(
                  400,
                  "Account not registered",
                  "Phone number not registered on the WhatsApp Business Platform.")));

  final int httpStatus;
  final int code;
  final Integer subcode;
  final String details;

  GraphError(int httpStatus, int code, Integer subcode, String message, String details) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
    this.subcode = subcode;
    this.details = details;
  }

  static GraphError of(int code) {
    return of(code, null);
  }

  /** The error for {@code code} with its usual status and title, and the given details. */
  static GraphError of(int code, String details) {
    Known known = KNOWN.getOrDefault(code, new Known(400, "Error " + code, "Error " + code));
    return new GraphError(
        known.status(),
        code,
        null,
        "(#" + code + ") " + known.title(),
        details != null ? details : known.details());
  }

  static GraphError invalidParameter(String details) {
    return new GraphError(400, 100, null, "(#100) " + details, details);
  }

  static GraphError missingParameter(String name) {
    return invalidParameter("The parameter " + name + " is required.");
  }

  /** Meta's answer for an id that does not exist or the token may not see. */
  static GraphError unknownObject(String method, String id) {
    String message =
        "Unsupported "
            + method.toLowerCase()
            + " request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation.";
    return new GraphError(400, 100, 33, message, message);
  }

  static GraphError missingToken() {
    String message = "An access token is required to request this resource.";
    return new GraphError(401, 104, null, "(#104) " + message, message);
  }

  static GraphError unknownToken() {
    String message = "Invalid OAuth access token - Cannot parse access token";
    return new GraphError(401, 190, null, message, message);
  }

  static GraphError token(int subcode, String message) {
    return new GraphError(401, 190, subcode, message, message);
  }

  static GraphError fromFault(Fault fault) {
    GraphError base = of(fault.code());
    return new GraphError(
        fault.status() > 0 ? fault.status() : base.httpStatus,
        fault.code(),
        fault.subcode() != null ? fault.subcode() : base.subcode,
        fault.message() != null ? fault.message() : base.getMessage(),
        fault.details() != null ? fault.details() : base.details);
  }

  GraphError withSubcode(int newSubcode) {
    return new GraphError(httpStatus, code, newSubcode, getMessage(), details);
  }

  /** The title (without the {@code (#code)} prefix), as used in status webhook errors. */
  static String title(int code) {
    Known known = KNOWN.get(code);
    return known != null ? known.title() : "Error " + code;
  }

  static String defaultDetails(int code) {
    Known known = KNOWN.get(code);
    return known != null ? known.details() : "Error " + code;
  }

  JsonObject toJson() {
    JsonObjectBuilder error =
        JSON.createObjectBuilder()
            .add("message", getMessage())
            .add("type", "OAuthException")
            .add("code", code);
    error
        .add("error_subcode", subcode == null ? 0 : subcode)
        .add(
            "error_data",
            JSON.createObjectBuilder().add("messaging_product", "whatsapp").add("details", details))
        .add("fbtrace_id", traceId());
    return JSON.createObjectBuilder().add("error", error).build();
  }

  static String traceId() {
    StringBuilder id = new StringBuilder("A");
    for (int i = 0; i < 22; i++) {
      id.append(TRACE_CHARS.charAt(RANDOM.nextInt(TRACE_CHARS.length())));
    }
    return id.toString();
  }
}
