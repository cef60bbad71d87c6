package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.control.AddressGuard;
import in.picode.kretanote.api.control.ApiSecrets;
import in.picode.kretanote.api.entity.WebhookDelivery;
import in.picode.kretanote.api.entity.WebhookSubscription;
import in.picode.kretanote.crypto.boundary.TokenVault;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current business's webhook subscriptions: create (URL checked by the SSRF guard, events, a
 * fresh secret shown once), list, delete, the delivery log, "send again", and enabling a disabled
 * subscription again.
 */
@Stateless
@TenantScoped
public class WebhookSubscriptions {

  public static final String SECRET_PURPOSE = "webhook-secret";
  public static final int MAX = 20;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TokenVault vault;
  @Inject WebhookSettings settings;

  private final Clock clock = Clock.systemUTC();

  /** A new subscription and its signing secret, which is shown once. */
  public record Created(WebhookSubscription subscription, String secret) {}

  public Created create(String url, Set<String> eventTypes) {
    AddressGuard guard = settings.guard();
    URI uri;
    try {
      uri = guard.parse(url);
      if (url.length() > WebhookSubscription.URL_MAX) {
        throw new AddressGuard.RefusedException(ApiWords.URL_TOO_LONG.with());
      }
      guard.pin(uri);
    } catch (AddressGuard.RefusedException e) {
      throw new WebhookRefusedException(e.wording());
    }
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new WebhookRefusedException(ApiWords.WEBHOOK_NO_EVENT.with());
    }
    Set<String> types = new LinkedHashSet<>();
    for (String t : eventTypes) {
      types.add(
          WebhookEventType.of(t)
              .orElseThrow(
                  () -> new WebhookRefusedException(ApiWords.WEBHOOK_UNKNOWN_EVENT.with(t)))
              .wire());
    }
    if (list().size() >= MAX) {
      throw new WebhookRefusedException(ApiWords.WEBHOOK_MAX.with(MAX));
    }
    String secret = ApiSecrets.webhookSecret();
    byte[] sealed = vault.encrypt(Tenancy.require(), SECRET_PURPOSE, secret);
    WebhookSubscription s =
        new WebhookSubscription(uri.toString(), types, sealed, Instant.now(clock));
    em.persist(s);
    em.flush();
    return new Created(s, secret);
  }

  public List<WebhookSubscription> list() {
    return em.createNamedQuery(WebhookSubscription.ALL, WebhookSubscription.class).getResultList();
  }

  public Optional<WebhookSubscription> find(long id) {
    return Optional.ofNullable(em.find(WebhookSubscription.class, id));
  }

  /** Deletes the subscription and its delivery log; false when there is no such subscription. */
  public boolean delete(long id) {
    WebhookSubscription s = em.find(WebhookSubscription.class, id);
    if (s == null) {
      return false;
    }
    em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :s")
        .setParameter("s", id)
        .executeUpdate();
    em.remove(s);
    return true;
  }

  public boolean enable(long id) {
    WebhookSubscription s = em.find(WebhookSubscription.class, id);
    if (s == null) {
      return false;
    }
    s.enable(Instant.now(clock));
    return true;
  }

  /** The delivery log of a subscription, newest first (empty for another business's). */
  public List<WebhookDelivery> deliveries(long subscriptionId, Long beforeId, int max) {
    if (beforeId == null) {
      return em.createNamedQuery(WebhookDelivery.OF_SUBSCRIPTION, WebhookDelivery.class)
          .setParameter("subscription", subscriptionId)
          .setMaxResults(Math.min(Math.max(max, 1), 200))
          .getResultList();
    }
    return em.createQuery(
            "select d from WebhookDelivery d where d.subscriptionId = :subscription"
                + " and d.id < :before order by d.id desc",
            WebhookDelivery.class)
        .setParameter("subscription", subscriptionId)
        .setParameter("before", beforeId)
        .setMaxResults(Math.min(Math.max(max, 1), 200))
        .getResultList();
  }

  /** "Send again": the delivery is due now; false when there is no such delivery. */
  public boolean redeliver(long deliveryId) {
    WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
    if (d == null) {
      return false;
    }
    d.again(Instant.now(clock));
    return true;
  }
}
