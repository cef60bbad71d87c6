package in.picode.kretanote.api.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the API's main requests and answers, for the OpenAPI document only (the resources
 * read and write JSON with JSON-P): field names are the wire names. Generated clients are built
 * from them, so they must say exactly what the resources accept and answer.
 */
@SuppressWarnings({"unused", "checkstyle:MemberName"})
final class ApiSchemas {

  /** Payara documents {@code long} as {@code number}; a client needs {@code integer int64}. */
  static final String INT64 = "int64";

  private ApiSchemas() {}

  @Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json)")
  static final class Problem {
    @Schema(required = true, example = "https://kretanote.example/problems/not_found")
    public String type;

    @Schema(required = true, example = "Not found")
    public String title;

    @Schema(required = true, example = "404")
    public int status;

    @Schema(
        required = true,
        description = "Stable machine code: the send guard's codes for refused sends",
        example = "not_found")
    public String code;

    @Schema(required = true, example = "There is no such contact.")
    public String detail;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = FieldError.class,
        description = "For bad input: one entry per field")
    public List<FieldError> errors;
  }

  @Schema(name = "FieldError")
  static final class FieldError {
    @Schema(required = true, description = "JSON pointer of the field", example = "/phone")
    public String pointer;

    @Schema(required = true, example = "is required")
    public String detail;
  }

  @Schema(name = "ContactInput", description = "A new contact")
  static final class ContactInput {
    @Schema(
        required = true,
        description = "International number (E.164)",
        example = "+4917612345678")
    public String phone;

    @Schema(nullable = true, example = "Ana Díaz")
    public String name;

    public List<String> tags;

    @Schema(
        description = "Custom field values by field name (strings, numbers, booleans; null clears)",
        type = SchemaType.OBJECT)
    public Map<String, String> fields;
  }

  @Schema(name = "Contact")
  static final class Contact {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "42")
    public long id;

    @Schema(required = true, nullable = true, example = "+4917612345678")
    public String phone;

    @Schema(required = true, nullable = true, example = "Ana Díaz")
    public String name;

    @Schema(required = true, nullable = true)
    public String profile_name;

    @Schema(required = true, nullable = true)
    public String email;

    @Schema(required = true)
    public boolean opted_out;

    @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "Absent in lists")
    public List<String> tags;

    @Schema(
        description = "Custom field values by field name; absent in lists",
        type = SchemaType.OBJECT)
    public Map<String, String> fields;

    @Schema(required = true, nullable = true, example = "2026-12-06T08:00:00Z")
    public String created_at;

    @Schema(required = true, nullable = true, example = "2026-12-06T08:00:00Z")
    public String updated_at;
  }

  @Schema(name = "ContactPage", description = "A page of contacts, newest first")
  static final class ContactPage {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = Contact.class)
    public List<Contact> data;

    @Schema(
        required = true,
        nullable = true,
        description = "Pass as cursor for the next page; null on the last page")
    public String next_cursor;
  }

  @Schema(name = "TemplateValues", description = "An approved template with its values")
  static final class TemplateValues {
    @Schema(required = true, example = "order_shipped")
    public String name;

    @Schema(required = true, example = "en")
    public String language;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Values of a TEXT header's placeholders")
    public List<String> header;

    @Schema(
        type = SchemaType.ARRAY,
        implementation = String.class,
        description = "Values of the body's placeholders, in order",
        example = "[\"Ana\", \"4711\"]")
    public List<String> body;
  }

  @Schema(name = "MediaLink", description = "A file WhatsApp fetches from an HTTPS link")
  static final class MediaLink {
    @Schema(
        required = true,
        description = "HTTPS, at most 2000 characters, no user name or password",
        example = "https://shop.example/p/4711.jpg")
    public String link;

    @Schema(description = "Not for audio", example = "Your order")
    public String caption;

    @Schema(description = "Documents only", example = "invoice-4711.pdf")
    public String filename;
  }

  @Schema(name = "Reaction")
  static final class Reaction {
    @Schema(
        required = true,
        type = SchemaType.INTEGER,
        format = INT64,
        description = "A message of the conversation")
    public long message_id;

    @Schema(description = "One emoji; empty removes the reaction", example = "👍")
    public String emoji;
  }

  @Schema(name = "Choice", description = "A reply button or a list row")
  static final class Choice {
    @Schema(required = true)
    public String id;

    @Schema(required = true)
    public String title;

    @Schema(description = "List rows only")
    public String description;
  }

  @Schema(name = "Interactive", description = "Reply buttons (1 to 3) or a list (1 to 10 rows)")
  static final class Interactive {
    @Schema(
        required = true,
        enumeration = {"buttons", "list"})
    public String kind;

    @Schema(required = true)
    public String body;

    public String footer;

    @Schema(description = "Lists only: the button that opens the list")
    public String button_text;

    @Schema(required = true, type = SchemaType.ARRAY, implementation = Choice.class)
    public List<Choice> choices;
  }

  @Schema(
      name = "MessageInput",
      description = "A message into a conversation: the object named by type carries it")
  static final class MessageInput {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "42")
    public long conversation_id;

    @Schema(
        required = true,
        enumeration = {
          "text",
          "template",
          "reaction",
          "interactive",
          "image",
          "video",
          "audio",
          "document"
        },
        example = "template")
    public String type;

    @Schema(description = "For type text", example = "Your order has shipped.")
    public String text;

    public TemplateValues template;
    public Reaction reaction;
    public Interactive interactive;
    public MediaLink image;
    public MediaLink video;
    public MediaLink audio;
    public MediaLink document;
  }

  @Schema(name = "Accepted", description = "A send queued (or the one this key already queued)")
  static final class Accepted {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64, example = "1234")
    public long id;

    @Schema(required = true, description = "True when this Idempotency-Key already held it")
    public boolean duplicate;

    @Schema(required = true, example = "PENDING")
    public String status;

    @Schema(required = true, example = "/api/v1/messages/1234")
    public String outcome;
  }

  @Schema(name = "Outcome", description = "Where a sent message stands")
  static final class Outcome {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long id;

    @Schema(
        required = true,
        description = "PENDING, SENT, DELIVERED, READ or FAILED",
        example = "SENT")
    public String status;

    @Schema(required = true)
    public int attempts;

    @Schema(required = true, nullable = true, description = "WhatsApp's message id")
    public String wamid;

    @Schema(required = true, nullable = true)
    public String sending;

    @Schema(required = true, nullable = true, description = "Meta's error code, if it failed")
    public Integer error_code;

    @Schema(required = true, nullable = true)
    public String refusal_code;

    @Schema(required = true, nullable = true, description = "Why, in words")
    public String reason;
  }

  @Schema(name = "NoteInput")
  static final class NoteInput {
    @Schema(required = true, description = "At most 4000 characters", example = "Called back.")
    public String body;
  }

  @Schema(name = "Note", description = "A private note; never sent to the customer")
  static final class Note {
    @Schema(required = true, type = SchemaType.INTEGER, format = INT64)
    public long id;

    @Schema(
        required = true,
        nullable = true,
        type = SchemaType.INTEGER,
        format = INT64,
        description = "The team member who wrote it")
    public Long author_id;

    @Schema(required = true, nullable = true, description = "The API key that wrote it")
    public String api_key;

    @Schema(required = true)
    public String body;

    @Schema(required = true, example = "2026-12-06T08:00:00Z")
    public String created_at;
  }
}
