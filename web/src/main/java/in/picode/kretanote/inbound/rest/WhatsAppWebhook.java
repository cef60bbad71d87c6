package in.picode.kretanote.inbound.rest;

import in.picode.kretanote.inbound.boundary.Handshake;
import in.picode.kretanote.inbound.boundary.PipelineMetrics;
import in.picode.kretanote.inbound.boundary.WebhookInbox;
import in.picode.kretanote.inbound.boundary.WebhookRefusedException;
import in.picode.kretanote.inbound.boundary.WebhookUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;

/**
 * Meta's WhatsApp webhook, {@code /webhooks/whatsapp}: the subscription handshake (GET) and the
 * events (POST). The only place that reads a raw request body: the signature is computed over the
 * bytes exactly as sent. A POST without a well-formed signature header is refused (401) before a
 * byte of its body is read. A POST is answered 200 only when its body is durably stored; the
 * response is sent asynchronously so that waiting for the shared commit holds no request thread.
 */
@Path("whatsapp")
public class WhatsAppWebhook {

  @Inject WebhookInbox inbox;

  @Inject PipelineMetrics metrics;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response handshake(
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    if (inbox.handshake(mode, token, challenge) instanceof Handshake.Accepted ok) {
      return Response.ok(ok.challenge(), MediaType.TEXT_PLAIN_TYPE)
          .header("X-Content-Type-Options", "nosniff")
          .build();
    }
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_PLAIN_TYPE)
        .entity("Forbidden")
        .build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<Response> receive(
      InputStream entity,
      @HeaderParam(WebhookInbox.SIGNATURE_HEADER) String signature,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length)
      throws IOException, WebhookRefusedException, WebhookUnavailableException {
    metrics.received();
    inbox.checkHeader(signature);
    byte[] body = BoundedBody.read(entity, length, inbox.maxBodyBytes());
    return inbox
        .receive(body, signature)
        .handleAsync(
            (stored, failure) ->
                failure == null
                    ? Response.ok("OK", MediaType.TEXT_PLAIN_TYPE).build()
                    : WebhookErrors.unavailable(),
            inbox.acknowledgements());
  }

  /**
   * The benchmark's HTTP ceiling: reads and verifies exactly like {@link #receive} and answers
   * without touching the database. 404 unless {@code kretanote.webhook.baseline-endpoint=true}.
   */
  @POST
  @Path("signature-only")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public Response signatureOnly(
      InputStream entity,
      @HeaderParam(WebhookInbox.SIGNATURE_HEADER) String signature,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length)
      throws IOException, WebhookRefusedException, WebhookUnavailableException {
    if (!inbox.baselineEnabled()) {
      throw new NotFoundException();
    }
    inbox.checkHeader(signature);
    byte[] body = BoundedBody.read(entity, length, inbox.maxBodyBytes());
    inbox.verify(body, signature);
    return Response.ok("OK", MediaType.TEXT_PLAIN_TYPE).build();
  }
}
