package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.entity.WebhookDelivery;
import in.picode.kretanote.api.entity.WebhookSubscription;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.TransactionMemo;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event into the webhook outbox of the current business, one row per subscription that
 * wants it, in the caller's transaction: the event is delivered exactly when the change that caused
 * it commits. The body is {@code {"id", "type", "created_at", "data"}}; the id stays the same over
 * every retry, so receivers de-duplicate by it.
 */
@Stateless
@TenantScoped
public class WebhookOutbox {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TransactionMemo memo;

  private final Clock clock = Clock.systemUTC();

  public int emit(WebhookEventType type, JsonObject data) {
    List<WebhookSubscription> wanting =
        active().stream().filter(s -> s.wants(type.wire())).toList();
    if (wanting.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now(clock);
    String id = UUID.randomUUID().toString();
    String body =
        Jsons.createObjectBuilder()
            .add("id", id)
            .add("type", type.wire())
            .add("created_at", now.truncatedTo(ChronoUnit.MILLIS).toString())
            .add("data", data)
            .build()
            .toString();
    for (WebhookSubscription s : wanting) {
      em.persist(new WebhookDelivery(s.getId(), id, type.wire(), body, now));
    }
    return wanting.size();
  }

  /**
   * The business's active subscriptions, read once per transaction: a transaction that stores a
   * block of Meta's answers or a batch of webhooks emits an event per message. The read does not
   * flush the transaction's pending changes first (subscriptions are never changed in the
   * transactions that emit; flushing before every emit wrote each change on its own and was most of
   * an emit's cost).
   */
  private List<WebhookSubscription> active() {
    return memo.of(
        "api.active-subscriptions",
        () ->
            em.createNamedQuery(WebhookSubscription.ACTIVE, WebhookSubscription.class)
                .setParameter("state", WebhookSubscription.State.ACTIVE)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList());
  }
}
