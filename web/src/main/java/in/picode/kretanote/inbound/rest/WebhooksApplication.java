package in.picode.kretanote.inbound.rest;

import in.picode.kretanote.billing.rest.BillingWebhook;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS root for callbacks from outside, under {@code /webhooks}: Meta posts to exactly {@code
 * /webhooks/whatsapp}. Kept apart from the API so that neither sees the other's resources or error
 * mappers.
 */
@ApplicationPath("webhooks")
public class WebhooksApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(WhatsAppWebhook.class, BillingWebhook.class, WebhookErrors.class);
  }
}
