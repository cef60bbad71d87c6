package in.picode.kretanote.api.rest;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Everything else as a problem too: JAX-RS's own answers (unknown path 404, method 405, media type
 * 415) keep their status; anything unexpected is a 500 that names no class or stack.
 */
@Provider
public class ApiFallbackMapper implements ExceptionMapper<Exception> {

  private static final System.Logger LOG = System.getLogger(ApiFallbackMapper.class.getName());

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof ApiProblem p) {
      return p.toResponse();
    }
    if (e instanceof EJBException ejb && ejb.getCause() instanceof ApiProblem p) {
      return p.toResponse();
    }
    if (e instanceof WebApplicationException w) {
      int status = w.getResponse().getStatus();
      String reason = w.getResponse().getStatusInfo().getReasonPhrase();
      String code =
          switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
          };
      return new ApiProblem(status, code, reason, reason + ".", java.util.List.of(), Map.of())
          .toResponse();
    }
    LOG.log(Level.WARNING, "API call failed", e);
    return new ApiProblem(
            500, "internal_error", "Internal error", "Something went wrong on our side.")
        .toResponse();
  }
}
