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
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
  public Response list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("state") String state,
      @QueryParam("owner") String owner,
      @QueryParam("label_id") Long labelId,
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
    JsonArrayBuilder data = Json.createArrayBuilder();
    rows.stream().limit(max).forEach(r -> data.add(ConversationJson.json(r)));
    JsonObjectBuilder body = Json.createObjectBuilder().add("data", data);
    if (rows.size() > max) {
      InboxRow last = rows.get(max - 1);
      body.add("next_cursor", Api.cursor(last.lastActivityAt() + "|" + last.id()));
    } else {
      body.addNull("next_cursor");
    }
    return Response.ok(body.build().toString()).build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getConversations",
      summary = "One conversation with its contact, assignee and labels")
  public Response get(@PathParam("id") String id) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    ConversationDetail d =
        conversations
            .find(Api.id(id, "conversation"))
            .orElseThrow(() -> ApiProblem.notFound("conversation"));
    Conversation c = d.conversation();
    JsonObjectBuilder b =
        Json.createObjectBuilder()
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
    JsonArrayBuilder labels = Json.createArrayBuilder();
    d.labels().forEach(labels::add);
    b.add("labels", labels);
    return Response.ok(b.build().toString()).build();
  }

  @GET
  @Path("{id}/messages")
  @Operation(
      operationId = "messagesConversations",
      summary = "A conversation's messages, newest page first, oldest first within a page")
  public Response messages(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    long conversation = Api.id(id, "conversation");
    int max = Api.limit(limit);
    List<MessageView> page;
    try {
      page = conversations.messages(conversation, Api.beforeId(cursor), max + 1);
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    }
    boolean more = page.size() > max;
    List<MessageView> shown = more ? page.subList(1, page.size()) : page;
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (MessageView m : shown) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("id", m.id())
              .add("direction", m.direction())
              .add("type", m.type());
      ContactsResource.add(b, "text", m.text());
      ContactsResource.add(b, "status", m.status());
      ContactsResource.add(b, "created_at", Api.time(m.createdAt()));
      if (m.errorCode() != null) {
        b.add("error_code", m.errorCode());
      }
      data.add(b);
    }
    JsonObjectBuilder body = Json.createObjectBuilder().add("data", data);
    if (more && !shown.isEmpty()) {
      body.add("next_cursor", Api.cursor(Long.toString(shown.get(0).id())));
    } else {
      body.addNull("next_cursor");
    }
    return Response.ok(body.build().toString()).build();
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "assignConversations",
      summary = "Assigns to a team member ({\"user_id\": n}) or unassigns (null)")
  public Response assign(@PathParam("id") String id, InputStream entity) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    long conversation = Api.id(id, "conversation");
    JsonInput in = JsonInput.read(entity, maxBytes, Set.of("user_id"));
    if (!in.root().containsKey("user_id")) {
      in.error("/user_id", "is required (null unassigns)");
    }
    Long user = in.number("user_id", false);
    in.done();
    try {
      conversations.assign(conversation, user, actor(caller));
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    } catch (ConversationChangeRefusedException e) {
      throw ApiProblem.invalid("/user_id", e.getMessage());
    }
    return get(id);
  }

  @POST
  @Path("{id}/resolve")
  @Operation(operationId = "resolveConversations", summary = "Resolves (closes) the conversation")
  public Response resolve(@PathParam("id") String id) {
    ApiCaller caller = Api.caller(request, Scope.CONVERSATIONS_WRITE);
    try {
      conversations.close(Api.id(id, "conversation"), actor(caller));
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    }
    return get(id);
  }

  @GET
  @Path("{id}/notes")
  @Operation(
      operationId = "notesConversations",
      summary = "The conversation's private notes, oldest first")
  public Response notes(@PathParam("id") String id) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    JsonArrayBuilder data = Json.createArrayBuilder();
    try {
      conversations
          .notes(Api.id(id, "conversation"))
          .forEach(
              n ->
                  data.add(
                      Json.createObjectBuilder()
                          .add("id", n.getId())
                          .add("author_id", n.getAuthorId())
                          .add("body", n.getBody())
                          .add("created_at", Api.time(n.getCreatedAt()))));
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    }
    return Response.ok(Json.createObjectBuilder().add("data", data).build().toString()).build();
  }

  @PUT
  @Path("{id}/labels/{label}")
  @Operation(
      operationId = "labelConversations",
      summary = "Puts a label on the conversation (creating the label if needed)")
  public Response label(@PathParam("id") String id, @PathParam("label") String label) {
    Api.caller(request, Scope.CONVERSATIONS_WRITE);
    try {
      conversations.label(Api.id(id, "conversation"), label);
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    } catch (ConversationChangeRefusedException e) {
      throw ApiProblem.invalid("label", e.getMessage());
    }
    return get(id);
  }

  @DELETE
  @Path("{id}/labels/{label}")
  @Operation(operationId = "unlabelConversations", summary = "Takes a label off the conversation")
  public Response unlabel(@PathParam("id") String id, @PathParam("label") String label) {
    Api.caller(request, Scope.CONVERSATIONS_WRITE);
    try {
      conversations.unlabel(Api.id(id, "conversation"), label);
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    }
    return get(id);
  }

  @POST
  @Path("{id}/snooze")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "snoozeConversations",
      summary = "Snoozes until a time ({\"until\": \"2026-12-24T08:00:00Z\"})")
  public Response snooze(@PathParam("id") String id, InputStream entity) {
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
    try {
      conversations.snooze(conversation, until, actor(caller));
    } catch (ConversationNotFoundException e) {
      throw ApiProblem.notFound("conversation");
    } catch (ConversationChangeRefusedException e) {
      throw ApiProblem.invalid("/until", e.getMessage());
    }
    return get(id);
  }

  private Conversations.Actor actor(ApiCaller caller) {
    return new Conversations.Actor(null, caller.auditName(), request.getRemoteAddr());
  }
}
