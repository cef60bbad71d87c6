package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.messaging.boundary.MediaFiles;
import in.picode.kretanote.outbound.boundary.Attachment;
import in.picode.kretanote.outbound.boundary.MediaUploads;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/messages/media}: send a file into a conversation (uploaded to Meta once per
 * Idempotency-Key, through the dashboard's {@link MediaUploads}); the download of a received file
 * moved to {@link MediaResource} ({@code /api/v1/media/{id}}) and is still answered here.
 */
@Path("messages/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media")
public class MessageMediaResource {

  @Inject MediaUploads uploads;
  @Inject MediaFiles media;

  @Inject
  @ConfigProperty(name = "kretanote.api.media-max-bytes", defaultValue = "16777216")
  long mediaMaxBytes;

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "sendMediaMessages",
      summary =
          "Sends a file (the body, typed by Content-Type) into a conversation: image, video,"
              + " audio, document or sticker within WhatsApp's size rules (Idempotency-Key"
              + " required)")
  @APIResponse(
      responseCode = "202",
      description = "Queued; the outcome link tells where it stands",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiSchemas.Accepted.class)))
  @APIResponse(responseCode = "default", ref = ApiV1.PROBLEM)
  public Response sendMedia(
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam("Content-Type") String contentType,
      @QueryParam("conversation_id") String conversation,
      @QueryParam("filename") String filename,
      @QueryParam("caption") String caption,
      InputStream entity) {
    Api.caller(request, Scope.MESSAGES_SEND);
    Api.idempotencyKey(key);
    List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
    long conversationId = 0;
    try {
      conversationId = Long.parseLong(conversation == null ? "" : conversation);
    } catch (NumberFormatException e) {
      errors.add(new ApiProblem.FieldError("conversation_id", "must be a conversation id"));
    }
    if (filename == null || filename.isBlank() || filename.length() > 240) {
      errors.add(new ApiProblem.FieldError("filename", "must have 1 to 240 characters"));
    }
    if (caption != null && caption.length() > 1024) {
      errors.add(new ApiProblem.FieldError("caption", "must have at most 1024 characters"));
    }
    if (contentType == null || contentType.isBlank()) {
      errors.add(new ApiProblem.FieldError("Content-Type", "must name the file's type"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    byte[] bytes;
    try {
      bytes = entity.readNBytes((int) Math.min(mediaMaxBytes + 1, Integer.MAX_VALUE));
    } catch (java.io.IOException e) {
      throw new ApiProblem(
          400, "unreadable_body", "Unreadable body", "The body could not be read.");
    }
    if (bytes.length > mediaMaxBytes) {
      throw new ApiProblem(
          413,
          "body_too_large",
          "Body too large",
          "A file may have at most " + mediaMaxBytes + " bytes.");
    }
    if (bytes.length == 0) {
      throw ApiProblem.invalid("body", "is empty; send the file's bytes");
    }
    String type = contentType.split(";", 2)[0].strip();
    try {
      return MessagesResource.accepted(
          uploads.send(
              conversationId,
              key,
              Attachment.of(
                  bytes, filename, type, caption == null || caption.isBlank() ? null : caption)));
    } catch (OutboundRefusedException e) {
      throw new ApiProblem(422, "send_refused", "Send refused", e.getMessage());
    }
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Deprecated
  @Operation(
      operationId = "downloadMedia",
      summary = "Deprecated: the same as GET /media/{id}, kept for clients of the first version")
  public Response download(
      @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    return MediaResource.file(media, id, ifNoneMatch);
  }
}
