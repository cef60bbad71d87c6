package in.picode.kretanote.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The public API, version 1, under {@code /api/v1}: JSON, API keys ({@code Authorization: Bearer
 * kn_…}, checked by {@code platform.security.ApiKeyFilter}), RFC 9457 problems. It lists its
 * classes, like {@code KretaNoteApi} does, so no other resource of the WAR appears here.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "KretaNote API",
            version = "1",
            description =
                "Contacts, conversations, messages, templates, campaigns and webhooks of one business."
                    + " Errors are application/problem+json with a stable code; times are"
                    + " ISO-8601 UTC; lists page by an opaque cursor."),
    security = @SecurityRequirement(name = "apiKey"),
    components =
        @Components(
            responses =
                @APIResponse(
                    name = "Problem",
                    description = "A problem: bad input, missing scope, not found, refused",
                    content =
                        @Content(
                            mediaType = ApiProblem.TYPE,
                            schema = @Schema(implementation = ApiSchemas.Problem.class)))))
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API key from Settings → API keys")
public class ApiV1 extends Application {

  /** The problem+json answer, documented once: {@code @APIResponse(ref = PROBLEM)}. */
  static final String PROBLEM = "#/components/responses/Problem";

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        CampaignsResource.class,
        ContactsResource.class,
        ConversationsResource.class,
        MessagesResource.class,
        MessageMediaResource.class,
        MediaResource.class,
        ContactFieldsResource.class,
        TemplatesResource.class,
        WebhooksResource.class,
        ApiProblemMapper.class,
        ApiFallbackMapper.class);
  }
}
