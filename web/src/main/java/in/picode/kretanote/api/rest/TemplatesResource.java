package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiInputRefusedException;
import in.picode.kretanote.api.boundary.ApiTemplates;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.TemplateDraft;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.ArrayList;
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
 * {@code /api/v1/templates}: the message templates of every number of the business; submit one to
 * Meta for review (the template form's rules, idempotent by key) and delete one at Meta and here.
 */
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates")
public class TemplatesResource {

  @Inject Templates templates;
  @Inject WhatsAppConnections connections;
  @Inject ApiTemplates writes;

  static final Set<String> FIELDS =
      Set.of(
          "connection_id",
          "name",
          "language",
          "category",
          "header",
          "body",
          "examples",
          "footer",
          "buttons");
  static final Set<String> BUTTON_FIELDS = Set.of("text", "url");

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "listTemplates",
      summary = "Templates of all numbers: name, language, category, status, components")
  @APIResponse(
      responseCode = "200",
      description = "The templates",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.TemplateList.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response list() {
    Api.caller(request, Scope.TEMPLATES_READ);
    JsonArrayBuilder data = Jsons.createArrayBuilder();
    for (WhatsAppConnection c : connections.list()) {
      for (MessageTemplate t : templates.of(c.getId())) {
        data.add(json(t));
      }
    }
    return Response.ok(Jsons.createObjectBuilder().add("data", data).build().toString()).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "createTemplates",
      summary =
          "Submits a template to Meta for review (PENDING until Meta decides); the template"
              + " form's rules; an Idempotency-Key makes a repeat answer the same template")
  @APIResponse(
      responseCode = "201",
      description = "The submitted template (or the one this key already submitted)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiCampaignSchemas.Template.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response create(
      @HeaderParam("Idempotency-Key") String key,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiCampaignSchemas.TemplateInput.class)))
          InputStream entity) {
    Api.caller(request, Scope.TEMPLATES_WRITE);
    JsonInput in = JsonInput.read(entity, maxBytes, FIELDS);
    Long connection = in.number("connection_id", true);
    String name = in.string("name", true, 512);
    String language = in.string("language", true, 16);
    String category = in.string("category", true, 20);
    Category cat = null;
    if (category != null) {
      try {
        cat = Category.of(category);
        if (cat == Category.SERVICE) {
          in.error("/category", "must be marketing, utility or authentication");
        }
      } catch (IllegalArgumentException e) {
        in.error("/category", "must be marketing, utility or authentication");
      }
    }
    String header = in.string("header", false, TemplateDraft.HEADER_MAX);
    String body = in.string("body", true, TemplateDraft.BODY_MAX);
    List<String> examples = in.strings(in.root(), "", "examples", 100, 1024);
    String footer = in.string("footer", false, TemplateDraft.FOOTER_MAX);
    List<TemplateDraft.Button> buttons = new ArrayList<>();
    for (JsonInput.Item b :
        in.objects(in.root(), "", "buttons", 0, TemplateDraft.BUTTONS_MAX, BUTTON_FIELDS)) {
      buttons.add(
          new TemplateDraft.Button(
              in.string(b.object(), b.pointer(), "text", true, TemplateDraft.BUTTON_TEXT_MAX),
              in.string(b.object(), b.pointer(), "url", false, TemplateDraft.URL_MAX)));
    }
    in.done();
    ApiTemplates.Created created;
    try {
      created =
          writes.create(
              key,
              in.sha256(),
              connection,
              name,
              language,
              cat,
              new TemplateDraft(header, body, examples, footer, buttons));
    } catch (ApiInputRefusedException e) {
      throw ContactsResource.refused(e);
    } catch (OutboundRefusedException e) {
      throw refused(e);
    }
    MessageTemplate t = created.template();
    return Response.created(URI.create("templates/" + t.getId()))
        .entity(json(t).toString())
        .header("Idempotent-Replayed", created.replayed() ? "true" : null)
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteTemplates",
      summary =
          "Deletes the template (every language of its name, as Meta does) at Meta and here;"
              + " deleting it again answers 204 and calls Meta no more")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response delete(@PathParam("id") String id) {
    Api.caller(request, Scope.TEMPLATES_WRITE);
    long template = Api.id(id, "template");
    MessageTemplate t = templates.find(template).orElseThrow(() -> ApiProblem.notFound("template"));
    if (!"DELETED".equals(t.getStatus())) {
      try {
        templates.deleteById(template);
      } catch (OutboundRefusedException e) {
        throw refused(e);
      }
    }
    return Response.noContent().build();
  }

  static ApiProblem refused(OutboundRefusedException e) {
    return new ApiProblem(422, "template_refused", "Template refused", e.getMessage());
  }

  static JsonObject json(MessageTemplate t) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", t.getId())
            .add("connection_id", t.getConnectionId())
            .add("name", t.getName())
            .add("language", t.getLanguage())
            .add("category", t.getCategory().name().toLowerCase(Locale.ROOT))
            .add("status", t.getStatus());
    ContactsResource.add(b, "components", t.getComponents());
    return b.build();
  }
}
