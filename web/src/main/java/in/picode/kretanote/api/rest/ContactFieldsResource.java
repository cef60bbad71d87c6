package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiContacts;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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

/**
 * {@code /api/v1/contacts/fields}: the business's custom contact fields, whose values a contact
 * carries as {@code fields} by name.
 */
@Path("contacts/fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact fields")
public class ContactFieldsResource {

  @Inject ApiContacts writes;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "listContactFields",
      summary = "The business's custom contact fields: name and type (text, number, date, boolean)")
  public Response fieldDefinitions() {
    Api.caller(request, Scope.CONTACTS_READ);
    JsonArrayBuilder data = Jsons.createArrayBuilder();
    for (CustomField f : writes.fieldDefinitions()) {
      data.add(
          Jsons.createObjectBuilder()
              .add("id", f.getId())
              .add("name", f.getName())
              .add("type", f.getType().name().toLowerCase(Locale.ROOT)));
    }
    return Response.ok(Jsons.createObjectBuilder().add("data", data).build().toString()).build();
  }
}
