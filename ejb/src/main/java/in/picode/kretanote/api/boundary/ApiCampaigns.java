package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.entity.ApiIdempotency;
import in.picode.kretanote.outbound.boundary.Campaigns;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The API's campaign creation, idempotent by key in one transaction with the campaign: the rules
 * are the outbound feature's ({@link Campaigns}), the same the dashboard's campaign page uses.
 */
@Stateless
@TenantScoped
public class ApiCampaigns {

  @Inject Campaigns campaigns;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /** A campaign created now, or the one an earlier request with the same key created. */
  public record Created(Campaign campaign, boolean replayed) {}

  /**
   * Creates the campaign as a draft; with a {@code key} that an equal earlier request used, answers
   * that request's campaign; with a key a different request used, refuses.
   */
  public Created create(String key, byte[] requestSha256, Campaigns.Draft draft) {
    if (key != null) {
      if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
        throw new ApiInputRefusedException(
            "Idempotency-Key", "must be 1 to 100 printable characters without spaces");
      }
      Optional<ApiIdempotency> held =
          em.createNamedQuery(ApiIdempotency.BY_KEY, ApiIdempotency.class)
              .setParameter("key", key)
              .getResultStream()
              .findFirst();
      if (held.isPresent()) {
        if (!held.get().sameRequest(requestSha256)
            || !"campaign".equals(held.get().getResource())) {
          throw new ApiInputRefusedException(
              "Idempotency-Key#conflict",
              "This Idempotency-Key was already used for a different request; use a new key.");
        }
        return new Created(campaigns.get(held.get().getResourceId()), true);
      }
    }
    Campaign c = campaigns.create(draft, null);
    if (key != null) {
      em.persist(new ApiIdempotency(key, requestSha256, "campaign", c.getId(), Instant.now()));
      em.flush();
    }
    return new Created(c, false);
  }
}
