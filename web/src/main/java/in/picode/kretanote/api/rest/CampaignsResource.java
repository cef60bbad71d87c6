package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiCampaigns;
import in.picode.kretanote.api.boundary.ApiInputRefusedException;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.outbound.boundary.CampaignRecipientView;
import in.picode.kretanote.outbound.boundary.Campaigns;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/campaigns}: create a draft (idempotent by key), start, pause, and read progress,
 * through the same rules as the dashboard's campaign page: an approved template, values that fit
 * it, a segment (a tag and/or marketing consent) that matches somebody.
 */
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
public class CampaignsResource {

  static final Set<String> FIELDS =
      Set.of("name", "connection_id", "template", "values", "segment");
  static final Set<String> TEMPLATE_FIELDS = Set.of("name", "language");
  static final Set<String> SEGMENT_FIELDS = Set.of("tag", "marketing_consent");
  static final Set<String> PAUSE_FIELDS = Set.of("reason");

  @Inject Campaigns campaigns;
  @Inject ApiCampaigns writes;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "createCampaigns",
      summary =
          "Creates a draft campaign: name, number, approved template with values, segment"
              + " (Idempotency-Key makes a repeat answer the same campaign)")
  @APIResponse(
      responseCode = "201",
      description = "The draft campaign (or the one this key already created)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response create(
      @HeaderParam("Idempotency-Key") String key,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiCampaignSchemas.CampaignInput.class)))
          InputStream entity) {
    Api.caller(request, Scope.CAMPAIGNS_WRITE);
    JsonInput in = JsonInput.read(entity, maxBytes, FIELDS);
    String name = in.string("name", true, Campaign.NAME_MAX);
    Long connection = in.number("connection_id", true);
    JsonObject t = in.object("template", true);
    String template = null;
    String language = null;
    if (t != null) {
      in.unknown(t, "/template", TEMPLATE_FIELDS);
      template = in.string(t, "/template", "name", true, 512);
      language = in.string(t, "/template", "language", true, 16);
    }
    List<String> values =
        in.strings(in.root(), "", "values", Campaigns.MAX_VALUES, Campaigns.VALUE_MAX);
    JsonObject s = in.object("segment", true);
    String tag = null;
    boolean marketing = false;
    if (s != null) {
      in.unknown(s, "/segment", SEGMENT_FIELDS);
      tag = in.string(s, "/segment", "tag", false, 100);
      marketing = Boolean.TRUE.equals(in.bool(s, "/segment", "marketing_consent", false));
    }
    in.done();
    ApiCampaigns.Created created;
    try {
      created =
          writes.create(
              key,
              in.sha256(),
              new Campaigns.Draft(name, connection, template, language, values, tag, marketing));
    } catch (ApiInputRefusedException e) {
      throw ContactsResource.refused(e);
    } catch (OutboundRefusedException e) {
      throw refused(e);
    }
    Campaign c = created.campaign();
    return Response.created(URI.create("campaigns/" + c.getId()))
        .entity(json(c, null).toString())
        .header("Idempotent-Replayed", created.replayed() ? "true" : null)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getCampaigns",
      summary = "One campaign: state, template, segment, and its progress per recipient state")
  @APIResponse(
      responseCode = "200",
      description = "The campaign with its progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response get(@PathParam("id") String id) {
    Api.caller(request, Scope.CAMPAIGNS_READ);
    long campaign = Api.id(id, "campaign");
    try {
      Campaign c = campaigns.get(campaign);
      return Response.ok(json(c, campaigns.progress(campaign)).toString()).build();
    } catch (OutboundRefusedException | EJBException e) {
      throw ApiProblem.notFound("campaign");
    }
  }

  @POST
  @Path("{id}/start")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "startCampaigns",
      summary = "Starts a draft campaign now; starting one already started is refused (409)")
  @APIResponse(
      responseCode = "200",
      description = "The started campaign",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response start(@PathParam("id") String id) {
    Api.caller(request, Scope.CAMPAIGNS_WRITE);
    long campaign = existing(id);
    try {
      return Response.ok(json(campaigns.start(campaign, null), null).toString()).build();
    } catch (OutboundRefusedException e) {
      throw stateConflict(e);
    }
  }

  @POST
  @Path("{id}/pause")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "pauseCampaigns",
      summary = "Pauses a running or scheduled campaign, with an optional reason")
  @APIResponse(
      responseCode = "200",
      description = "The paused campaign",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response pause(
      @PathParam("id") String id,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiCampaignSchemas.CampaignPause.class)))
          InputStream entity) {
    Api.caller(request, Scope.CAMPAIGNS_WRITE);
    long campaign = existing(id);
    String reason = null;
    JsonInput in = JsonInput.readOptional(entity, maxBytes, PAUSE_FIELDS);
    if (in != null) {
      reason = in.string("reason", false, 200);
      in.done();
    }
    try {
      return Response.ok(json(campaigns.pause(campaign, reason), null).toString()).build();
    } catch (OutboundRefusedException e) {
      throw stateConflict(e);
    }
  }

  @POST
  @Path("{id}/resume")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "resumeCampaigns",
      summary = "Resumes a paused campaign; any other state is refused (409 campaign_state)")
  @APIResponse(
      responseCode = "200",
      description = "The running campaign",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response resume(@PathParam("id") String id) {
    Api.caller(request, Scope.CAMPAIGNS_WRITE);
    long campaign = existing(id);
    try {
      return Response.ok(json(campaigns.resume(campaign), null).toString()).build();
    } catch (OutboundRefusedException e) {
      throw stateConflict(e);
    }
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "cancelCampaigns",
      summary =
          "Cancels a campaign that has not finished: recipients not yet sent to are skipped;"
              + " a finished or cancelled one is refused (409 campaign_state)")
  @APIResponse(
      responseCode = "200",
      description = "The cancelled campaign",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Campaign.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response cancel(@PathParam("id") String id) {
    Api.caller(request, Scope.CAMPAIGNS_WRITE);
    long campaign = existing(id);
    try {
      return Response.ok(json(campaigns.cancel(campaign), null).toString()).build();
    } catch (OutboundRefusedException e) {
      throw stateConflict(e);
    }
  }

  private long existing(String id) {
    long campaign = Api.id(id, "campaign");
    try {
      if (campaigns.find(campaign).isEmpty()) {
        throw ApiProblem.notFound("campaign");
      }
    } catch (EJBException e) {
      throw ApiProblem.notFound("campaign");
    }
    return campaign;
  }

  static ApiProblem refused(OutboundRefusedException e) {
    return new ApiProblem(422, "campaign_refused", "Campaign refused", e.getMessage());
  }

  static ApiProblem stateConflict(OutboundRefusedException e) {
    return new ApiProblem(409, "campaign_state", "Not in that state", e.getMessage());
  }

  static JsonObject json(Campaign c, Campaigns.Progress p) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", c.getId())
            .add("name", c.getName())
            .add("connection_id", c.getConnectionId())
            .add(
                "template",
                Jsons.createObjectBuilder()
                    .add("name", c.getTemplateName())
                    .add("language", c.getTemplateLanguage()));
    JsonArrayBuilder values = Jsons.createArrayBuilder();
    try (var reader = Jsons.createReader(new java.io.StringReader(c.getBodyValues()))) {
      reader.readArray().getValuesAs(jakarta.json.JsonString.class).forEach(v -> values.add(v));
    }
    b.add("values", values);
    JsonObjectBuilder segment = Jsons.createObjectBuilder();
    ContactsResource.add(segment, "tag", c.getSegmentTag());
    segment.add("marketing_consent", c.isSegmentMarketing());
    b.add("segment", segment);
    b.add("state", c.getState().name().toLowerCase(Locale.ROOT));
    ContactsResource.add(b, "pause_reason", c.getPauseReason());
    ContactsResource.add(b, "scheduled_at", Api.time(c.getScheduledAt()));
    ContactsResource.add(b, "started_at", Api.time(c.getStartedAt()));
    ContactsResource.add(b, "finished_at", Api.time(c.getFinishedAt()));
    ContactsResource.add(b, "created_at", Api.time(c.getCreatedAt()));
    if (p != null) {
      JsonObjectBuilder progress = Jsons.createObjectBuilder().add("total", p.getTotal());
      for (CampaignRecipientView.State s : CampaignRecipientView.State.values()) {
        progress.add(s.name().toLowerCase(Locale.ROOT), p.of(s));
      }
      b.add("progress", progress);
    }
    return b.build();
  }
}
