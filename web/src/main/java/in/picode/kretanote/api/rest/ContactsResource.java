package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.ApiCaller;
import in.picode.kretanote.api.boundary.ApiContacts;
import in.picode.kretanote.api.boundary.ApiInputRefusedException;
import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.retention.boundary.DataSubjectRequests;
import in.picode.kretanote.retention.boundary.Erasure;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import in.picode.kretanote.retention.boundary.Requester;
import in.picode.kretanote.tenant.entity.Role;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/contacts}: list, get, create, update, erase; tags; consent. */
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactsResource {

  static final Set<String> CREATE_FIELDS = Set.of("phone", "name", "tags", "fields");
  static final Set<String> UPDATE_FIELDS = Set.of("name", "tags", "fields");
  static final Set<String> CONSENT_FIELDS = Set.of("category", "granted", "evidence");

  @Inject Contacts contacts;
  @Inject ApiContacts writes;
  @Inject Consents consents;
  @Inject DataSubjectRequests privacy;

  @Inject
  @ConfigProperty(name = "kretanote.api.max-bytes", defaultValue = "262144")
  long maxBytes;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "listContacts",
      summary = "Contacts, newest first, a page at a time (cursor)")
  @APIResponse(
      responseCode = "200",
      description = "A page of contacts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.ContactPage.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("q") String query,
      @QueryParam("tag") String tag,
      @QueryParam("opted_out") Boolean optedOut) {
    Api.caller(request, Scope.CONTACTS_READ);
    int max = Api.limit(limit);
    List<Contact> page =
        contacts.search(new Contacts.Filter(query, tag, optedOut), Api.beforeId(cursor), max + 1);
    return Paging.page(page, max, c -> json(c, null), c -> Long.toString(c.getId()));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getContacts",
      summary = "One contact with its tags; the ETag is for If-Match on updates")
  @APIResponse(
      responseCode = "200",
      description = "The contact",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Contact.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response get(@PathParam("id") String id) {
    Api.caller(request, Scope.CONTACTS_READ);
    return Api.tagged(Response.ok(), full(find(id))).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "createContacts",
      summary = "Creates a contact by its international phone number, with name and tags")
  @APIResponse(
      responseCode = "201",
      description = "Created (or, for a repeated Idempotency-Key, the contact it created)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Contact.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response create(
      @HeaderParam("Idempotency-Key") String key,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiSchemas.ContactInput.class)))
          InputStream entity) {
    Api.caller(request, Scope.CONTACTS_WRITE);
    JsonInput in = JsonInput.read(entity, maxBytes, CREATE_FIELDS);
    String phone = in.string("phone", true, 40);
    String name = in.string("name", false, Contact.NAME_MAX);
    List<String> tags = in.strings(in.root(), "", "tags", 50, 100);
    Map<String, String> fields = in.fieldValues("fields", 50, CustomField.VALUE_MAX);
    in.done();
    ApiContacts.Created created;
    try {
      created = writes.create(key, in.sha256(), phone, name, tags, fields);
    } catch (ApiInputRefusedException e) {
      throw refused(e);
    }
    Contact c = created.contact();
    return Api.tagged(Response.created(URI.create("contacts/" + c.getId())), full(c))
        .header("Idempotent-Replayed", created.replayed() ? "true" : null)
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "updateContacts",
      summary =
          "Changes name, tags and/or custom fields (by name; null clears one); needs If-Match"
              + " with the contact's ETag")
  @APIResponse(
      responseCode = "200",
      description = "The contact as it is now, with its new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Contact.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response update(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema =
                          @Schema(implementation = ApiConversationSchemas.ContactChanges.class)))
          InputStream entity) {
    Api.caller(request, Scope.CONTACTS_WRITE);
    Contact current = find(id);
    JsonInput in = JsonInput.read(entity, maxBytes, UPDATE_FIELDS);
    String name = in.string("name", false, Contact.NAME_MAX);
    List<String> tags = in.has("tags") ? in.strings(in.root(), "", "tags", 50, 100) : null;
    Map<String, String> fields = in.fieldValues("fields", 50, CustomField.VALUE_MAX);
    in.done();
    Api.ifMatch(ifMatch, full(current));
    try {
      writes.update(current.getId(), name, tags, fields);
    } catch (ApiInputRefusedException e) {
      throw refused(e);
    }
    return Api.tagged(Response.ok(), full(find(id))).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "eraseContacts",
      summary = "Erases the contact and everything KretaNote holds about it (GDPR erasure)")
  public Response erase(@PathParam("id") String id) {
    ApiCaller caller = Api.caller(request, Scope.CONTACTS_WRITE);
    Contact c = find(id);
    Erasure erased;
    try {
      erased =
          privacy.erase(
              c.getId(),
              new Requester(null, caller.auditName(), Role.ADMIN, request.getRemoteAddr()));
    } catch (PrivacyRefusedException e) {
      throw new ApiProblem(409, "erasure_refused", "Erasure refused", e.getMessage());
    }
    return Response.ok(
            Jsons.createObjectBuilder()
                .add("erased", true)
                .add("messages", erased.messages())
                .add("media_files", erased.mediaFiles())
                .build()
                .toString())
        .build();
  }

  @PUT
  @Path("{id}/tags/{tag}")
  @Operation(operationId = "tagContacts", summary = "Adds a tag")
  public Response tag(@PathParam("id") String id, @PathParam("tag") String tag) {
    Api.caller(request, Scope.CONTACTS_WRITE);
    Contact c = find(id);
    List<String> tags = new java.util.ArrayList<>(contacts.tags(c.getId()));
    if (!tags.contains(tag)) {
      tags.add(tag);
    }
    try {
      writes.update(c.getId(), null, tags);
    } catch (ApiInputRefusedException e) {
      throw ApiProblem.invalid("/tag", e.getMessage());
    }
    return Response.ok(json(find(id), contacts.tags(c.getId())).toString()).build();
  }

  @DELETE
  @Path("{id}/tags/{tag}")
  @Operation(operationId = "untagContacts", summary = "Removes a tag")
  public Response untag(@PathParam("id") String id, @PathParam("tag") String tag) {
    Api.caller(request, Scope.CONTACTS_WRITE);
    Contact c = find(id);
    contacts.untag(c.getId(), tag);
    return Response.ok(full(c).toString()).build();
  }

  @GET
  @Path("{id}/consents")
  @Operation(
      operationId = "consentContacts",
      summary = "Consent per category and the ledger of changes with their evidence")
  @APIResponse(
      responseCode = "200",
      description = "Consent now and its ledger",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.Consents.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response consent(@PathParam("id") String id) {
    Api.caller(request, Scope.CONTACTS_READ);
    Contact c = find(id);
    return Response.ok(ConsentJson.consents(consents, c.getId()).toString()).build();
  }

  @POST
  @Path("{id}/consents")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "recordConsentContacts",
      summary = "Records a consent change with its evidence")
  @APIResponse(
      responseCode = "200",
      description = "The change recorded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiWebhookSchemas.ConsentChange.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response recordConsent(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiWebhookSchemas.ConsentInput.class)))
          InputStream entity) {
    ApiCaller caller = Api.caller(request, Scope.CONTACTS_WRITE);
    Contact c = find(id);
    JsonInput in = JsonInput.read(entity, maxBytes, CONSENT_FIELDS);
    String category = in.string("category", true, 20);
    Boolean granted = in.bool("granted", true);
    String evidence = in.string("evidence", true, 500);
    Category cat = null;
    if (category != null) {
      try {
        cat = Category.valueOf(category.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        in.error("/category", "must be one of marketing, utility, service, authentication");
      }
    }
    if (evidence != null && evidence.isBlank()) {
      in.error("/evidence", "must say where the consent comes from");
    }
    in.done();
    boolean changed =
        consents.change(
            c.getId(), cat, granted, ConsentEvent.Source.API, caller.auditName(), evidence);
    return Response.ok(
            Jsons.createObjectBuilder()
                .add("contact_id", c.getId())
                .add("category", cat.name().toLowerCase(Locale.ROOT))
                .add("granted", granted)
                .add("changed", changed)
                .build()
                .toString())
        .build();
  }

  /** The contact with its tags and custom field values, as {@code get} answers it. */
  private JsonObject full(Contact c) {
    JsonObject base = json(c, contacts.tags(c.getId()));
    JsonObjectBuilder fields = Jsons.createObjectBuilder();
    contacts.fieldValues(c.getId()).forEach(fields::add);
    return Jsons.createObjectBuilder(base).add("fields", fields).build();
  }

  private Contact find(String id) {
    try {
      return contacts.find(Api.id(id, "contact")).orElseThrow(() -> ApiProblem.notFound("contact"));
    } catch (ContactNotFoundException | EJBException e) {
      throw ApiProblem.notFound("contact");
    }
  }

  static ApiProblem refused(ApiInputRefusedException e) {
    if (e.pointer().equals("Idempotency-Key#conflict")) {
      return new ApiProblem(409, "IDEMPOTENCY_CONFLICT", "Idempotency-Key reused", e.getMessage());
    }
    if (e.pointer().equals("Idempotency-Key")) {
      return new ApiProblem(
          400,
          "idempotency_key_invalid",
          "Bad Idempotency-Key",
          "Idempotency-Key " + e.getMessage());
    }
    if (e.pointer().endsWith("#exists")) {
      return new ApiProblem(409, "contact_exists", "Contact exists", e.getMessage());
    }
    return ApiProblem.invalid(e.pointer(), e.getMessage());
  }

  static JsonObject json(Contact c, List<String> tags) {
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", c.getId());
    add(b, "phone", c.getWaId() == null ? null : "+" + c.getWaId());
    add(b, "name", c.getDisplayName());
    add(b, "profile_name", c.getProfileName());
    add(b, "email", c.getEmail());
    b.add("opted_out", c.isOptedOut());
    if (tags != null) {
      JsonArrayBuilder t = Jsons.createArrayBuilder();
      tags.forEach(t::add);
      b.add("tags", t);
    }
    add(b, "created_at", Api.time(c.getCreatedAt()));
    add(b, "updated_at", Api.time(c.getUpdatedAt()));
    return b.build();
  }

  static void add(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }
}
