package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.api.boundary.WebhookRefusedException;
import in.picode.kretanote.api.boundary.WebhookSubscriptions;
import in.picode.kretanote.api.entity.WebhookDelivery;
import in.picode.kretanote.api.entity.WebhookSubscription;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/webhooks}: subscriptions (the secret is in the answer of the creation only), the
 * delivery log, "send again", enabling a disabled subscription.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhooksResource {

  @Inject WebhookSubscriptions subscriptions;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  @GET
  @Operation(operationId = "listWebhooks", summary = "The business's webhook subscriptions")
  @APIResponse(
      responseCode = "200",
      description = "The subscriptions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.WebhookList.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response list() {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    return Paging.all(subscriptions.list(), s -> json(s).build());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "createWebhooks",
      summary = "Subscribes a URL to event types; the answer holds the signing secret once")
  @APIResponse(
      responseCode = "201",
      description = "The subscription with its signing secret",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.WebhookSubscription.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiWebhookSchemas.WebhookInput.class)))
          InputStream entity) {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    JsonInput in = JsonInput.read(entity, maxBytes, Set.of("url", "events"));
    String url = in.string("url", true, WebhookSubscription.URL_MAX);
    List<String> events = in.strings(in.root(), "", "events", 20, 40);
    if (!in.has("events")) {
      in.error("/events", "is required");
    }
    in.done();
    WebhookSubscriptions.Created created;
    try {
      created = subscriptions.create(url, new LinkedHashSet<>(events));
    } catch (WebhookRefusedException e) {
      String field = e.getMessage().contains("event") ? "/events" : "/url";
      throw ApiProblem.invalid(field, e.getMessage());
    }
    return Response.created(URI.create("webhooks/" + created.subscription().getId()))
        .entity(json(created.subscription()).add("secret", created.secret()).build().toString())
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteWebhooks",
      summary = "Deletes a subscription and its delivery log")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response delete(@PathParam("id") String id) {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    if (!subscriptions.delete(Api.id(id, "subscription"))) {
      throw ApiProblem.notFound("subscription");
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/enable")
  @Operation(operationId = "enableWebhooks", summary = "Enables a disabled subscription again")
  @APIResponse(
      responseCode = "200",
      description = "The enabled subscription",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.WebhookSubscription.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response enable(@PathParam("id") String id) {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    long sid = Api.id(id, "subscription");
    if (!subscriptions.enable(sid)) {
      throw ApiProblem.notFound("subscription");
    }
    return Response.ok(json(subscriptions.find(sid).orElseThrow()).build().toString()).build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      operationId = "deliveriesWebhooks",
      summary = "The delivery log: status, attempts, response code, latency, excerpt")
  @APIResponse(
      responseCode = "200",
      description = "A page of deliveries",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.WebhookDeliveryPage.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response deliveries(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    long sid = Api.id(id, "subscription");
    if (subscriptions.find(sid).isEmpty()) {
      throw ApiProblem.notFound("subscription");
    }
    int max = Api.limit(limit);
    List<WebhookDelivery> page = subscriptions.deliveries(sid, Api.beforeId(cursor), max + 1);
    return Paging.page(page, max, d -> json(d).build(), d -> Long.toString(d.getId()));
  }

  @POST
  @Path("{id}/deliveries/{delivery}/redeliver")
  @Operation(operationId = "redeliverWebhooks", summary = "Sends a delivery again now")
  @APIResponse(responseCode = "202", description = "Queued to be sent again")
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
    Api.caller(request, Scope.WEBHOOKS_MANAGE);
    long sid = Api.id(id, "subscription");
    long did = Api.id(delivery, "delivery");
    boolean ours =
        subscriptions.find(sid).isPresent()
            && subscriptions.deliveries(sid, did + 1, 1).stream().anyMatch(d -> d.getId() == did);
    if (!ours || !subscriptions.redeliver(did)) {
      throw ApiProblem.notFound("delivery");
    }
    return Response.accepted().build();
  }

  static JsonObjectBuilder json(WebhookSubscription s) {
    JsonArrayBuilder events = Jsons.createArrayBuilder();
    s.getEventTypes().forEach(events::add);
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", s.getId())
            .add("url", s.getUrl())
            .add("events", events)
            .add("state", s.getState().name());
    ContactsResource.add(b, "failing_since", Api.time(s.getFailingSince()));
    ContactsResource.add(b, "disabled_reason", s.getDisabledReason());
    ContactsResource.add(b, "created_at", Api.time(s.getCreatedAt()));
    return b;
  }

  static JsonObjectBuilder json(WebhookDelivery d) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", d.getId())
            .add("event_id", d.getEventId())
            .add("event_type", d.getEventType())
            .add("state", d.getState().name())
            .add("attempts", d.getAttempts());
    ContactsResource.add(b, "created_at", Api.time(d.getCreatedAt()));
    ContactsResource.add(b, "last_attempt_at", Api.time(d.getLastAttemptAt()));
    ContactsResource.add(b, "next_attempt_at", Api.time(d.getNextAttemptAt()));
    if (d.getLastStatus() != null) {
      b.add("response_status", d.getLastStatus());
    } else {
      b.addNull("response_status");
    }
    if (d.getLastLatencyMs() != null) {
      b.add("latency_ms", d.getLastLatencyMs());
    }
    ContactsResource.add(b, "error", d.getLastError());
    ContactsResource.add(b, "response_excerpt", d.getLastResponse());
    return b;
  }
}
