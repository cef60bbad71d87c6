package in.picode.kretanote.billing.control;

import in.picode.kretanote.billing.boundary.BillingWords;
import in.picode.kretanote.billing.boundary.PaymentProviderException;
import in.picode.kretanote.platform.boundary.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payment provider adapter, modelled on Stripe's API (form-encoded requests, bearer secret key,
 * {@code Idempotency-Key} on every charge so a retried request never charges twice). Customers,
 * Checkout sessions in setup mode to collect a card, off-session payment intents, and refunds. Its
 * base URL is configuration: Stripe in production, the local simulator in tests and sandbox mode.
 * The secret key is never logged.
 */
@ApplicationScoped
public class PaymentProvider {

  private static final System.Logger LOG = System.getLogger(PaymentProvider.class.getName());

  @Inject
  @ConfigProperty(name = "kretanote.billing.provider.url", defaultValue = "https://api.stripe.com")
  String baseUrl;

  /** The secret key, read through Config when the bean starts; absent until configured. */
  private Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "kretanote.billing.provider.timeout", defaultValue = "PT10S")
  String timeout;

  private Client client;

  public record Checkout(String id, String url) {}

  /** A payment intent as the provider sees it; {@code succeeded()} is the only paid state. */
  public record Intent(
      String id, String status, long amountMinor, String currency, String failureMessage) {
    public boolean succeeded() {
      return "succeeded".equals(status);
    }

    public boolean failed() {
      return "requires_payment_method".equals(status) || "canceled".equals(status);
    }
  }

  @PostConstruct
  void open() {
    apiKey =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("kretanote.billing.provider.api-key", String.class);
    Duration t = Duration.parse(timeout);
    client =
        ClientBuilder.newBuilder()
            .connectTimeout(t.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(t.toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public String createCustomer(long tenantId, String name, String email) {
    Form form =
        new Form().param("name", name).param("metadata[tenant_id]", Long.toString(tenantId));
    if (email != null) {
      form.param("email", email);
    }
    return post("/v1/customers", form, "customer-" + tenantId).getString("id");
  }

  public Checkout createCheckout(String customer, String successUrl, String cancelUrl) {
    JsonObject session =
        post(
            "/v1/checkout/sessions",
            new Form()
                .param("mode", "setup")
                .param("customer", customer)
                .param("payment_method_types[]", "card")
                .param("success_url", successUrl)
                .param("cancel_url", cancelUrl),
            null);
    return new Checkout(session.getString("id"), session.getString("url"));
  }

  public Intent charge(
      String customer,
      String paymentMethod,
      long amountMinor,
      String currency,
      long invoiceId,
      String idempotencyKey) {
    JsonObject pi =
        post(
            "/v1/payment_intents",
            new Form()
                .param("amount", Long.toString(amountMinor))
                .param("currency", currency.toLowerCase(java.util.Locale.ROOT))
                .param("customer", customer)
                .param("payment_method", paymentMethod)
                .param("off_session", "true")
                .param("confirm", "true")
                .param("metadata[invoice_id]", Long.toString(invoiceId)),
            idempotencyKey);
    return intent(pi);
  }

  public void refund(String intentId, long amountMinor, String idempotencyKey) {
    post(
        "/v1/refunds",
        new Form().param("payment_intent", intentId).param("amount", Long.toString(amountMinor)),
        idempotencyKey);
  }

  public static Intent intent(JsonObject pi) {
    String failure = null;
    JsonValue error = pi.get("last_payment_error");
    if (error instanceof JsonObject e) {
      failure = e.getString("message", "The card was declined");
    }
    return new Intent(
        pi.getString("id"),
        pi.getString("status", ""),
        pi.getJsonNumber("amount").longValueExact(),
        pi.getString("currency", "").toUpperCase(java.util.Locale.ROOT),
        failure);
  }

  private JsonObject post(String path, Form form, String idempotencyKey) {
    if (apiKey.isEmpty() || apiKey.get().isBlank()) {
      throw new PaymentProviderException(BillingWords.PROVIDER_NOT_CONFIGURED.with());
    }
    var request =
        client
            .target(baseUrl)
            .path(path)
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.get());
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    try (Response r = request.post(Entity.form(form))) {
      String body = r.readEntity(String.class);
      JsonObject json = parse(body);
      if (r.getStatus() == 402
          && json.get("error") instanceof JsonObject e
          && e.get("payment_intent") instanceof JsonObject pi) {
        return pi;
      }
      if (r.getStatus() / 100 != 2) {
        String message =
            json.get("error") instanceof JsonObject e
                ? e.getString("message", "error " + r.getStatus())
                : "error " + r.getStatus();
        LOG.log(Level.WARNING, "Payment provider refused {0}: {1}", path, message);
        throw new PaymentProviderException(BillingWords.PROVIDER_REFUSED.with(message));
      }
      return json;
    } catch (ProcessingException e) {
      LOG.log(Level.WARNING, "Payment provider unreachable at {0}: {1}", path, e.toString());
      throw new PaymentProviderException(BillingWords.PROVIDER_UNREACHABLE.with());
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Jsons.createReader(new StringReader(body == null ? "{}" : body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }
}
