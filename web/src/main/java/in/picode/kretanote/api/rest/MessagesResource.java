package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.outbound.boundary.Outcome;
import in.picode.kretanote.outbound.boundary.RichSending;
import in.picode.kretanote.outbound.boundary.SendOutcomes;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/messages}: send a text, template, reaction, reply buttons, list or file into a
 * conversation through the same guard as the dashboard, with a required {@code Idempotency-Key};
 * 202 with the message id and its outcome link. {@code dry_run=true} answers the guard's decision
 * in words and queues nothing.
 */
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessagesResource {

  static final List<String> MEDIA_TYPES = List.of("image", "video", "audio", "document");
  static final Set<String> FIELDS =
      Set.of(
          "conversation_id",
          "type",
          "text",
          "template",
          "reaction",
          "interactive",
          "image",
          "video",
          "audio",
          "document");
  static final Set<String> MEDIA_FIELDS = Set.of("link", "caption", "filename");
  static final Set<String> REACTION_FIELDS = Set.of("message_id", "emoji");
  static final Set<String> INTERACTIVE_FIELDS =
      Set.of("kind", "body", "footer", "button_text", "choices");
  static final Set<String> CHOICE_FIELDS = Set.of("id", "title", "description");
  static final Set<String> TYPES =
      Set.of("text", "template", "reaction", "interactive", "image", "video", "audio", "document");
  static final Set<String> TEMPLATE_FIELDS = Set.of("name", "language", "header", "body");
  static final int TEXT_MAX = 4096;

  /** Longer links are refused by the outbound feature with its reason; this bounds the input. */
  static final int LINK_MAX = 4096;

  @Inject Sending sending;
  @Inject RichSending richSending;
  @Inject SendOutcomes outcomes;
  @Inject Conversations conversations;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  private record Send(
      long conversationId,
      String type,
      String text,
      String name,
      String language,
      List<String> header,
      List<String> body,
      Long reactTo,
      String emoji,
      String kind,
      String footer,
      String buttonText,
      List<RichSending.Choice> choices,
      String link,
      String filename) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "sendMessages",
      summary =
          "Sends a text, template, reaction, interactive message, or a file Meta fetches from an"
              + " HTTPS link (type image, video, audio or document: {\"link\", \"caption\","
              + " \"filename\"}); Idempotency-Key required; dry_run=true only checks")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the outcome link tells where it stands",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.SendAnswer.class)))
  @APIResponse(
      responseCode = "200",
      description = "dry_run=true: what would happen; nothing is queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.SendAnswer.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response send(
      @HeaderParam("Idempotency-Key") String key,
      @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dry_run") String dryRun,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiSchemas.MessageInput.class)))
          InputStream entity) {
    Api.caller(request, Scope.MESSAGES_SEND);
    boolean dry = "true".equals(dryRun);
    if (dryRun != null && !dry && !"false".equals(dryRun)) {
      throw ApiProblem.invalid("dry_run", "must be true or false");
    }
    Api.idempotencyKey(key);
    Send s = parse(entity);
    if (dry && !"text".equals(s.type()) && !"template".equals(s.type())) {
      throw ApiProblem.invalid("dry_run", "is for text and template sends");
    }
    if (dry) {
      Optional<SendResult> decision =
          "text".equals(s.type())
              ? sending.dryRunText(s.conversationId(), key, s.text())
              : sending.dryRunTemplate(
                  s.conversationId(), key, s.name(), s.language(), s.header(), s.body(), Map.of());
      JsonObjectBuilder b = Jsons.createObjectBuilder().add("dry_run", true);
      if (decision.isEmpty()) {
        b.add("decision", "would_send")
            .add(
                "detail",
                "The message passes every check (account, number, 24-hour window, consent,"
                    + " messaging limit, template values) and would be queued now.");
      } else if (decision.get().isQueued()) {
        b.add("decision", "already_sent")
            .add("message_id", decision.get().messageId())
            .add("detail", "This Idempotency-Key already holds this message; nothing new is sent.");
      } else {
        b.add("decision", "refused")
            .add("code", decision.get().refusalCode())
            .add("detail", decision.get().refusalReason());
      }
      return Response.ok(b.build().toString()).build();
    }
    SendResult result =
        switch (s.type()) {
          case "text" -> sending.sendText(s.conversationId(), key, s.text());
          case "image", "video", "audio", "document" ->
              sending.sendMediaLink(
                  s.conversationId(), key, s.type(), s.link(), s.text(), s.filename());
          case "reaction" -> {
            // Another business's conversation is "no such conversation", as for every send,
            // before the reaction's own check of its target.
            if (conversations.find(s.conversationId()).isEmpty()) {
              throw new ApiProblem(
                  404, "CONVERSATION_NOT_FOUND", "Send refused", "No such conversation.");
            }
            yield richSending.sendReaction(s.conversationId(), key, s.reactTo(), s.emoji());
          }
          case "interactive" ->
              "list".equals(s.kind())
                  ? richSending.sendList(
                      s.conversationId(), key, s.text(), s.buttonText(), s.choices(), s.footer())
                  : richSending.sendButtons(
                      s.conversationId(), key, s.text(), s.choices(), s.footer());
          default ->
              sending.sendTemplate(
                  s.conversationId(), key, s.name(), s.language(), s.header(), s.body(), Map.of());
        };
    return accepted(result);
  }

  static Response accepted(SendResult result) {
    if (!result.isQueued()) {
      throw refusal(result);
    }
    String location = "messages/" + result.messageId();
    return Response.accepted(
            Jsons.createObjectBuilder()
                .add("id", result.messageId())
                .add("duplicate", result.duplicate())
                .add("status", "PENDING")
                .add("outcome", "/api/v1/" + location)
                .build()
                .toString())
        .location(URI.create(location))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "outcomeMessages",
      summary = "Where a sent message stands: status, Meta's error code, reason in words")
  @APIResponse(
      responseCode = "200",
      description = "The outcome",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Outcome.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response outcome(@PathParam("id") String id) {
    Api.caller(request, Scope.MESSAGES_SEND);
    Outcome o =
        outcomes.outcome(Api.id(id, "message")).orElseThrow(() -> ApiProblem.notFound("message"));
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", o.messageId())
            .add("status", o.status().name())
            .add("attempts", o.attempts());
    ContactsResource.add(b, "wamid", o.wamid());
    ContactsResource.add(b, "sending", o.sending() == null ? null : o.sending().name());
    if (o.errorCode() == null) {
      b.addNull("error_code");
    } else {
      b.add("error_code", o.errorCode());
    }
    ContactsResource.add(b, "refusal_code", o.refusalCode());
    ContactsResource.add(b, "reason", o.reason());
    return Response.ok(b.build().toString()).build();
  }

  private Send parse(InputStream entity) {
    JsonInput in = JsonInput.read(entity, maxBytes, FIELDS);
    Long conversation = in.number("conversation_id", true);
    String type = in.string("type", true, 20);
    String text = null;
    String name = null;
    String language = null;
    List<String> header = List.of();
    List<String> body = List.of();
    Long reactTo = null;
    String emoji = null;
    String kind = null;
    String footer = null;
    String buttonText = null;
    List<RichSending.Choice> choices = List.of();
    String link = null;
    String filename = null;
    if (type != null && !TYPES.contains(type)) {
      in.error(
          "/type",
          "must be text, template, reaction, interactive, image, video, audio or document");
    }
    for (String part : FIELDS) {
      if (part.equals("conversation_id") || part.equals("type")) {
        continue;
      }
      if (in.has(part) && type != null && TYPES.contains(type) && !part.equals(type)) {
        in.error("/" + part, "is only for type " + part);
      }
    }
    if ("reaction".equals(type)) {
      JsonObject r = in.object("reaction", true);
      if (r != null) {
        in.unknown(r, "/reaction", REACTION_FIELDS);
        reactTo = in.number(r, "/reaction", "message_id", true);
        emoji = r.containsKey("emoji") ? in.string(r, "/reaction", "emoji", false, 16) : null;
        if (emoji == null) {
          emoji = "";
        }
      }
    }
    if ("interactive".equals(type)) {
      JsonObject i = in.object("interactive", true);
      if (i != null) {
        in.unknown(i, "/interactive", INTERACTIVE_FIELDS);
        kind = in.string(i, "/interactive", "kind", true, 10);
        if (kind != null && !kind.equals("buttons") && !kind.equals("list")) {
          in.error("/interactive/kind", "must be buttons or list");
        }
        text = in.string(i, "/interactive", "body", true, TEXT_MAX);
        footer = in.string(i, "/interactive", "footer", false, 60);
        buttonText = in.string(i, "/interactive", "button_text", "list".equals(kind), 20);
        if ("buttons".equals(kind) && i.containsKey("button_text")) {
          in.error("/interactive/button_text", "is only for kind list");
        }
        choices = choices(in, i);
      }
    }
    if (MEDIA_TYPES.contains(type)) {
      JsonObject m = in.object(type, true);
      if (m != null) {
        String at = "/" + type;
        in.unknown(m, at, MEDIA_FIELDS);
        link = in.string(m, at, "link", true, LINK_MAX);
        text = in.string(m, at, "caption", false, 1024);
        filename = in.string(m, at, "filename", false, 240);
        if (text != null && "audio".equals(type)) {
          in.error(at + "/caption", "audio takes no caption");
        }
        if (filename != null && !"document".equals(type)) {
          in.error(at + "/filename", "is only for type document");
        }
      }
    }
    if ("text".equals(type)) {
      text = in.string("text", true, TEXT_MAX);
    } else if ("template".equals(type)) {
      JsonObject t = in.object("template", true);
      if (t != null) {
        in.unknown(t, "/template", TEMPLATE_FIELDS);
        name = in.string(t, "/template", "name", true, 512);
        language = in.string(t, "/template", "language", true, 16);
        header = in.strings(t, "/template", "header", 1, 1024);
        body = in.strings(t, "/template", "body", 100, 1024);
      }
    }
    in.done();
    return new Send(
        conversation,
        type,
        text,
        name,
        language,
        header,
        body,
        reactTo,
        emoji,
        kind,
        footer,
        buttonText,
        choices,
        link,
        filename);
  }

  private static List<RichSending.Choice> choices(JsonInput in, JsonObject interactive) {
    return in.objects(interactive, "/interactive", "choices", 1, 10, CHOICE_FIELDS).stream()
        .map(
            c ->
                new RichSending.Choice(
                    in.string(c.object(), c.pointer(), "id", true, 200),
                    in.string(c.object(), c.pointer(), "title", true, 24),
                    in.string(c.object(), c.pointer(), "description", false, 72)))
        .toList();
  }

  static ApiProblem refusal(SendResult r) {
    String code = r.refusalCode();
    int status =
        switch (code) {
          case "CONVERSATION_NOT_FOUND" -> 404;
          case "IDEMPOTENCY_CONFLICT" -> 409;
          case "UPLOADS_BUSY" -> 429;
          default -> 422;
        };
    return new ApiProblem(status, code, "Send refused", r.refusalReason());
  }
}
