package in.picode.kretanote.billing.rest;

import in.picode.kretanote.billing.boundary.ProviderSignature;
import in.picode.kretanote.billing.boundary.ProviderWebhooks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The payment provider's webhook, {@code /webhooks/billing}: raw bytes (the signature covers them
 * exactly), verified, stored and applied by {@link ProviderWebhooks}. 400 for a bad signature or
 * body (the provider must not be told more), 413 above the size limit, 503 while no webhook secret
 * is configured (the provider retries), 200 with the outcome otherwise, also for a replay.
 */
@Path("billing")
public class BillingWebhook {

  @Inject ProviderWebhooks webhooks;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public Response receive(
      InputStream entity, @HeaderParam(ProviderWebhooks.SIGNATURE_HEADER) String signature)
      throws IOException {
    if (!ProviderSignature.plausible(signature)) {
      // Refused before the body is read: without a signature nothing in it can be trusted.
      return plainBuilder(Response.Status.BAD_REQUEST, "Missing or malformed signature")
          .header("Connection", "close")
          .build();
    }
    byte[] body = entity.readNBytes(ProviderWebhooks.MAX_BYTES + 1);
    if (body.length > ProviderWebhooks.MAX_BYTES) {
      return plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too large");
    }
    try {
      return plain(Response.Status.OK, webhooks.receive(body, signature));
    } catch (ProviderWebhooks.RefusedException e) {
      return plain(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (ProviderWebhooks.NotConfiguredException e) {
      return plain(Response.Status.SERVICE_UNAVAILABLE, "Not configured");
    }
  }

  private static Response plain(Response.Status status, String text) {
    return plainBuilder(status, text).build();
  }

  private static Response.ResponseBuilder plainBuilder(Response.Status status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text);
  }
}
