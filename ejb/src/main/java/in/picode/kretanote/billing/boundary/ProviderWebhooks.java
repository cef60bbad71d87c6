package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.control.BillingSettings;
import in.picode.kretanote.billing.control.PaymentProvider;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The payment provider's webhooks: verified (Stripe-Signature with timestamp tolerance), stored
 * raw, applied once per event id, in any order. The states they move (payment method on file,
 * payment intents, invoice paid) only move forward, so the order of delivery does not matter and a
 * replay changes nothing. An event for a customer no tenant has is stored with that outcome and
 * changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProviderWebhooks {

  public static final int MAX_BYTES = 256 * 1024;

  /** The request header that carries the provider's signature. */
  public static final String SIGNATURE_HEADER = ProviderSignature.HEADER;

  @Inject Clock clock;
  @Inject BillingSettings settings;
  @Inject ProviderEventLog log;
  @Inject BillingCycle cycle;

  /** Webhooks cannot be verified: no secret is configured (answer 503, the provider retries). */
  public static class NotConfiguredException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfiguredException() {
      super("Payment webhooks are not configured");
    }
  }

  /** A delivery that is not verified or not an event (answer 400 with the message, no more). */
  public static class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }

  /** Verifies, stores and applies one delivery; returns what happened, in plain words. */
  public String receive(byte[] body, String signatureHeader)
      throws RefusedException, NotConfiguredException {
    String secret = settings.webhookSecret().orElseThrow(NotConfiguredException::new);
    Instant now = clock.instant();
    if (body.length > MAX_BYTES) {
      throw new RefusedException("The body is too large");
    }
    try {
      ProviderSignature.verify(signatureHeader, body, secret, now, settings.webhookTolerance());
    } catch (ProviderSignature.Refused e) {
      throw new RefusedException(e.getMessage());
    }
    JsonObject event;
    try (JsonReader r = Jsons.createReader(new ByteArrayInputStream(body))) {
      event = r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new RefusedException("The body is not a JSON object");
    }
    String id = string(event, "id");
    String type = string(event, "type");
    if (id == null || type == null || id.length() > 100 || type.length() > 100) {
      throw new RefusedException("The event has no id or type");
    }
    Optional<Long> stored = log.store(id, type, new String(body, StandardCharsets.UTF_8), now);
    if (stored.isEmpty()) {
      return "already received";
    }
    Long tenant = null;
    String outcome;
    try {
      JsonObject object = event.getJsonObject("data").getJsonObject("object");
      String customer = string(object, "customer");
      if (!type.equals("checkout.session.completed") && !type.startsWith("payment_intent.")) {
        outcome = "ignored: not an event billing uses";
      } else if (customer == null) {
        outcome = "refused: the event names no customer";
      } else {
        tenant = log.tenantOfCustomer(customer).orElse(null);
        outcome =
            tenant == null
                ? "refused: no account has customer " + customer
                : apply(tenant, type, object);
      }
    } catch (BillingRefusedException e) {
      outcome = "refused: " + e.getMessage();
    } catch (EJBException e) {
      outcome =
          "refused: "
              + (e.getCause() instanceof BillingRefusedException b
                  ? b.getMessage()
                  : "could not be applied");
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      outcome = "refused: the event is not shaped as expected";
    }
    log.applied(stored.get(), tenant, outcome, clock.instant());
    return outcome;
  }

  private String apply(long tenant, String type, JsonObject object) {
    return as(
        tenant,
        () -> {
          if (type.equals("checkout.session.completed")) {
            String pm = string(object, "payment_method");
            if (pm == null) {
              return "refused: no payment method in the session";
            }
            String label = null;
            if (object.get("card") instanceof JsonObject card) {
              label = card.getString("brand", "card") + " •••• " + card.getString("last4", "????");
            }
            return cycle.applyPaymentMethod(pm, label == null ? "card" : label);
          }
          if (type.equals("payment_intent.succeeded")
              || type.equals("payment_intent.payment_failed")) {
            JsonObject metadata = object.getJsonObject("metadata");
            String invoice = metadata == null ? null : string(metadata, "invoice_id");
            if (invoice == null || !invoice.matches("\\d{1,18}")) {
              return "refused: the payment names no invoice";
            }
            return cycle.applyIntent(Long.parseLong(invoice), PaymentProvider.intent(object));
          }
          return "ignored: " + type;
        });
  }

  private static String as(long tenant, java.util.concurrent.Callable<String> work) {
    try {
      return Tenancy.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String string(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
