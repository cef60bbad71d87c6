package in.picode.kretanote.inbound.rest;

import in.picode.kretanote.inbound.boundary.PipelineMetrics;
import in.picode.kretanote.inbound.boundary.WebhookRefusedException;
import in.picode.kretanote.inbound.boundary.WebhookUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/**
 * How a refused webhook is answered. The status is what matters to Meta: 401 for a bad signature
 * (do not retry a forgery), 413 for an oversized body, 503 when we cannot store it now (retry). The
 * body is a short plain text that reveals nothing about why a signature failed.
 */
@Provider
public class WebhookErrors implements ExceptionMapper<Exception> {

  private static final System.Logger LOG = System.getLogger(WebhookErrors.class.getName());
  static final String RETRY_AFTER_SECONDS = "5";

  @Inject PipelineMetrics metrics;

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebhookRefusedException) {
      // The body may be unread (refused on the header alone): close rather than drain it.
      return Response.status(Response.Status.UNAUTHORIZED)
          .type(MediaType.TEXT_PLAIN_TYPE)
          .header("Connection", "close")
          .entity("Invalid signature")
          .build();
    }
    if (e instanceof WebhookUnavailableException) {
      return unavailable();
    }
    if (e instanceof BodyTooLargeException tooLarge) {
      metrics.tooLarge();
      return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
          .type(MediaType.TEXT_PLAIN_TYPE)
          .header("Connection", "close")
          .entity("Body larger than " + tooLarge.max() + " bytes")
          .build();
    }
    if (e instanceof WebApplicationException web) {
      Response r = web.getResponse();
      return Response.status(r.getStatus())
          .type(MediaType.TEXT_PLAIN_TYPE)
          .entity(r.getStatusInfo().getReasonPhrase())
          .build();
    }
    LOG.log(Level.ERROR, "Webhook request failed unexpectedly; answered 503 so Meta retries", e);
    return unavailable();
  }

  static Response unavailable() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .type(MediaType.TEXT_PLAIN_TYPE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .entity("Not stored, deliver again later")
        .build();
  }

  private static Response plain(Response.Status status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text).build();
  }
}
