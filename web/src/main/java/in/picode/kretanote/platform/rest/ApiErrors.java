package in.picode.kretanote.platform.rest;

import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * API errors as small JSON objects ({@code {"status":404,"error":"Not Found"}}) rather than the
 * server's HTML error page, which an API client cannot read.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    String body =
        Jsons.createObjectBuilder()
            .add("status", original.getStatus())
            .add("error", original.getStatusInfo().getReasonPhrase())
            .build()
            .toString();
    return Response.status(original.getStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
