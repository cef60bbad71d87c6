package in.picode.kretanote.api.rest;

import in.picode.kretanote.api.boundary.Scope;
import in.picode.kretanote.messaging.boundary.MediaContent;
import in.picode.kretanote.messaging.boundary.MediaFiles;
import in.picode.kretanote.messaging.boundary.MediaView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/media/{id}}: a file a customer sent to the business, once the download worker has
 * fetched it from Meta, streamed decrypted from the media vault with its type, length and an ETag
 * (a received file never changes, so {@code If-None-Match} answers 304). Another business's media,
 * and media not downloaded yet, is 404.
 */
@Path("media")
@Tag(name = "Received media")
public class MediaResource {

  @Inject MediaFiles media;

  @Context HttpServletRequest request;

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "getMedia",
      summary =
          "The file of one of the business's received media, as the customer sent it, with its"
              + " Content-Type and an ETag (If-None-Match answers 304)")
  public Response download(
      @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    Api.caller(request, Scope.CONVERSATIONS_READ);
    return file(media, id, ifNoneMatch);
  }

  static Response file(MediaFiles media, String id, String ifNoneMatch) {
    long mediaId = Api.id(id, "media");
    MediaView view =
        media
            .find(mediaId)
            .filter(MediaView::canOpen)
            .orElseThrow(() -> ApiProblem.notFound("media"));
    String etag =
        "\"media-"
            + view.id()
            + "-"
            + (view.downloadedAt() == null ? 0 : view.downloadedAt().toEpochMilli())
            + "\"";
    if (ifNoneMatch != null
        && Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(etag::equals)) {
      return Response.notModified().header("ETag", etag).build();
    }
    MediaContent file = media.open(mediaId).orElseThrow(() -> ApiProblem.notFound("media"));
    StreamingOutput out =
        o -> {
          try (MediaContent f = file) {
            f.content().transferTo(o);
          }
        };
    Response.ResponseBuilder r = Response.ok(out, file.mimeType()).header("ETag", etag);
    if (file.size() >= 0) {
      r.header("Content-Length", file.size());
    }
    return r.header(
            "Content-Disposition",
            "attachment; filename=\"" + file.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, max-age=0")
        .build();
  }
}
