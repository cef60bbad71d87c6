package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.entity.ApiIdempotency;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys of API writes whose work cannot share one transaction with the key (a call to
 * Meta holds none): look the key up before, remember it after, each in its own short transaction.
 */
@Stateless
@TenantScoped
public class ApiIdempotencies {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  /**
   * The id of the {@code resource} an equal earlier request with {@code key} made; refuses a bad
   * key or a key used for a different request.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Long> held(String key, byte[] requestSha256, String resource) {
    if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
      throw new ApiInputRefusedException(
          "Idempotency-Key", "must be 1 to 100 printable characters without spaces");
    }
    Optional<ApiIdempotency> held =
        em.createNamedQuery(ApiIdempotency.BY_KEY, ApiIdempotency.class)
            .setParameter("key", key)
            .getResultStream()
            .findFirst();
    if (held.isPresent()
        && (!held.get().sameRequest(requestSha256) || !resource.equals(held.get().getResource()))) {
      throw new ApiInputRefusedException(
          "Idempotency-Key#conflict",
          "This Idempotency-Key was already used for a different request; use a new key.");
    }
    return held.map(ApiIdempotency::getResourceId);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void remember(String key, byte[] requestSha256, String resource, long id) {
    em.persist(new ApiIdempotency(key, requestSha256, resource, id, Instant.now()));
  }
}
