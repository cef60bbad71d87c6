package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiCaller;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.messaging.boundary.ConversationChangeRefusedException;
import in.picode.kretanote.messaging.boundary.ConversationDetail;
import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.ConversationNote;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/conversations}: the inbox with its filters, one conversation, its messages. */
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
public class ConversationsResource {

  @Inject Inbox inbox;
  @Inject Conversations conversations;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "listConversations",
      summary = "Conversations by last activity, with the inbox's filters (cursor paging)")
  @APIResponse(
      responseCode = "200",
      description = "A page of conversations",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.ConversationPage.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("state") String state,
      @QueryParam("owner") String owner,
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = ApiSchemas.INT64))
          @QueryParam("label_id")
          Long labelId,
      @QueryParam("q") String query) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    int max = Api.limit(limit);
    Inbox.State s = ConversationJson.parse(Inbox.State.class, state, Inbox.State.ANY, "state");
    Inbox.Owner o = ConversationJson.parse(Inbox.Owner.class, owner, Inbox.Owner.ALL, "owner");
    if (o == Inbox.Owner.MINE) {
      throw ApiProblem.invalid("owner", "must be all or unassigned (an API key is nobody's)");
    }
    List<InboxRow> rows =
        inbox.page(0, o, s, labelId, query, ConversationJson.after(cursor), max + 1);
    return Paging.page(
        rows, max, r -> ConversationJson.json(r).build(), r -> r.lastActivityAt() + "|" + r.id());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getConversations",
      summary = "One conversation with its contact, assignee and labels")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response get(@PathParam("id") String id) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    ConversationDetail d =
        conversations
            .find(Api.id(id, "conversation"))
            .orElseThrow(() -> ApiProblem.notFound("conversation"));
    Conversation c = d.conversation();
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", c.getId())
            .add("status", c.getStatus().name())
            .add("contact_id", c.getContactId())
            .add("connection_id", c.getConnectionId())
            .add("unread", c.getUnreadCount());
    if (c.getAssigneeId() == null) {
      b.addNull("assignee_id");
    } else {
      b.add("assignee_id", c.getAssigneeId());
    }
    ContactsResource.add(b, "assignee", d.assignee());
    ContactsResource.add(b, "last_activity_at", Api.time(c.getLastActivityAt()));
    ContactsResource.add(b, "window_expires_at", Api.time(c.getWindowExpiresAt()));
    ContactsResource.add(b, "snoozed_until", Api.time(c.getSnoozedUntil()));
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    d.labels().forEach(labels::add);
    b.add("labels", labels);
    return Response.ok(b.build().toString()).build();
  }

  @GET
  @Path("{id}/messages")
  @Operation(
      operationId = "messagesConversations",
      summary = "A conversation's messages, newest page first, oldest first within a page")
  @APIResponse(
      responseCode = "200",
      description = "A page of messages",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.MessagePage.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response messages(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    long conversation = Api.id(id, "conversation");
    int max = Api.limit(limit);
    List<MessageView> page =
        inConversation(
            null, () -> conversations.messages(conversation, Api.beforeId(cursor), max + 1));
    return Paging.pageOldestFirst(page, max, ConversationJson::message, m -> Long.toString(m.id()));
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "assignConversations",
      summary = "Assigns to a team member ({\"user_id\": n}) or unassigns (null)")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response assign(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiWebhookSchemas.AssignInput.class)))
          InputStream entity) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    long conversation = Api.id(id, "conversation");
    JsonInput in = JsonInput.read(entity, maxBytes, Set.of("user_id"));
    if (!in.root().containsKey("user_id")) {
      in.error("/user_id", "is required (null unassigns)");
    }
    Long user = in.number("user_id", false);
    in.done();
    change("/user_id", () -> conversations.assign(conversation, user, actor(caller)));
    return get(id);
  }

  @POST
  @Path("{id}/resolve")
  @Operation(operationId = "resolveConversations", summary = "Resolves (closes) the conversation")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response resolve(@PathParam("id") String id) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    change(null, () -> conversations.close(Api.id(id, "conversation"), actor(caller)));
    return get(id);
  }

  @GET
  @Path("{id}/notes")
  @Operation(
      operationId = "notesConversations",
      summary = "The conversation's private notes, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The notes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.NoteList.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response notes(@PathParam("id") String id) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    return Paging.all(
        inConversation(null, () -> conversations.notes(Api.id(id, "conversation"))),
        ConversationJson::note);
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "addNoteConversations",
      summary =
          "Adds a private note ({\"body\": \"…\"}, never sent to the customer); its author is"
              + " the API key")
  @APIResponse(
      responseCode = "201",
      description = "The note",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Note.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response addNote(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiSchemas.NoteInput.class)))
          InputStream entity) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    long conversation = Api.id(id, "conversation");
    JsonInput in = JsonInput.read(entity, maxBytes, Set.of("body"));
    String body = in.string("body", true, ConversationNote.BODY_MAX);
    if (body != null && body.isBlank()) {
      in.error("/body", "must not be blank");
    }
    in.done();
    ConversationNote note =
        inConversation(
            "/body",
            () -> conversations.addApiNote(conversation, body, caller.keyId(), caller.keyName()));
    return Response.created(URI.create("conversations/" + conversation + "/notes"))
        .entity(ConversationJson.note(note).toString())
        .build();
  }

  @PUT
  @Path("{id}/labels/{label}")
  @Operation(
      operationId = "labelConversations",
      summary = "Puts a label on the conversation (creating the label if needed)")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response label(@PathParam("id") String id, @PathParam("label") String label) {
    Api.caller(request, Scope.CONVERSATIONS_WRITE);
    change("label", () -> conversations.label(Api.id(id, "conversation"), label));
    return get(id);
  }

  @DELETE
  @Path("{id}/labels/{label}")
  @Operation(operationId = "unlabelConversations", summary = "Takes a label off the conversation")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response unlabel(@PathParam("id") String id, @PathParam("label") String label) {
    Api.caller(request, Scope.CONVERSATIONS_WRITE);
    change(null, () -> conversations.unlabel(Api.id(id, "conversation"), label));
    return get(id);
  }

  @POST
  @Path("{id}/snooze")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "snoozeConversations",
      summary = "Snoozes until a time ({\"until\": \"2026-12-24T08:00:00Z\"})")
  @APIResponse(
      responseCode = "200",
      description = "The conversation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiConversationSchemas.Conversation.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response snooze(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiWebhookSchemas.SnoozeInput.class)))
          InputStream entity) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    long conversation = Api.id(id, "conversation");
    JsonInput in = JsonInput.read(entity, maxBytes, Set.of("until"));
    String raw = in.string("until", true, 40);
    Instant until = null;
    if (raw != null) {
      try {
        until = Instant.parse(raw);
      } catch (DateTimeParseException e) {
        in.error("/until", "must be an ISO-8601 UTC time such as 2026-12-24T08:00:00Z");
      }
    }
    in.done();
    Instant at = until;
    change("/until", () -> conversations.snooze(conversation, at, actor(caller)));
    return get(id);
  }

  /**
   * Runs a read or change of one conversation: another business's (or an unknown) conversation is
   * 404, a refused change 422 at {@code pointer}.
   */
  private static <T> T inConversation(String pointer, Supplier<T> work) {
    try {
      return work.get();
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    } catch (ConversationChangeRefusedException e) {
      throw ApiProblem.invalid(pointer == null ? "" : pointer, e.getMessage());
    }
  }

  private static void change(String pointer, Runnable work) {
    inConversation(
        pointer,
        () -> {
          work.run();
          return null;
        });
  }

  private Conversations.Actor actor(ApiCaller caller) {
    return new Conversations.Actor(null, caller.auditName(), request.getRemoteAddr());
  }
}
