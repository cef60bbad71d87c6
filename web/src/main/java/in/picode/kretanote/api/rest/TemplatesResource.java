package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/templates}: the message templates of every number of the business. */
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates")
public class TemplatesResource {

  @Inject Templates templates;
  @Inject WhatsAppConnections connections;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "listTemplates",
      summary = "Templates of all numbers: name, language, category, status, components")
  public Response list() {
    Api.caller(request, Scope.TEMPLATES_READ);
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (WhatsAppConnection c : connections.list()) {
      for (MessageTemplate t : templates.of(c.getId())) {
        JsonObjectBuilder b =
            Json.createObjectBuilder()
                .add("id", t.getId())
                .add("connection_id", t.getConnectionId())
                .add("name", t.getName())
                .add("language", t.getLanguage())
                .add("category", t.getCategory().name().toLowerCase(Locale.ROOT))
                .add("status", t.getStatus());
        ContactsResource.add(b, "components", t.getComponents());
        data.add(b);
      }
    }
    return Response.ok(Json.createObjectBuilder().add("data", data).build().toString()).build();
  }
}
