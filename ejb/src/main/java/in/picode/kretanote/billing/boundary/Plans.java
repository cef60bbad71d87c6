package in.picode.kretanote.billing.boundary;

import in.picode.kretanote.billing.entity.Plan;
import in.picode.kretanote.billing.entity.PlanVersion;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The plans platform operators sell. A price change is a new version; subscriptions keep the
 * version they have until they change plan, and invoices keep the amounts they were issued with.
 */
@Stateless
public class Plans {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Clock clock;

  public record Offer(Plan plan, PlanVersion current) {}

  public Plan create(String code, String name, PlanVersion.Prices prices) {
    if (code != null && find(code).isPresent()) {
      throw new BillingRefusedException(BillingWords.PLAN_CODE_TAKEN.with(code));
    }
    Plan plan;
    try {
      plan = new Plan(code, name, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new BillingRefusedException(Wording.of(e));
    }
    em.persist(plan);
    em.persist(new PlanVersion(plan, 1, prices, clock.instant()));
    return plan;
  }

  /** New prices for a plan; its currency cannot change (subscriptions are billed in it). */
  public PlanVersion reprice(String code, PlanVersion.Prices prices) {
    Offer offer = offer(code);
    if (!offer.current().getCurrency().equals(prices.currency())) {
      throw new BillingRefusedException(
          BillingWords.REPRICE_CURRENCY.with(
              offer.plan().getName(), offer.current().getCurrency(), prices.currency()));
    }
    PlanVersion v =
        new PlanVersion(offer.plan(), offer.current().getVersionNo() + 1, prices, clock.instant());
    em.persist(v);
    return v;
  }

  public void setActive(String code, boolean active) {
    offer(code).plan().setActive(active);
  }

  public Optional<Plan> find(String code) {
    return em.createNamedQuery(Plan.BY_CODE, Plan.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /** The plan and its current prices, or a clear refusal when there is no such plan. */
  public Offer offer(String code) {
    if (code == null || code.isBlank()) {
      throw new BillingRefusedException(BillingWords.CHOOSE_PLAN.with());
    }
    Plan plan =
        find(code.strip())
            .orElseThrow(() -> new BillingRefusedException(BillingWords.NO_SUCH_PLAN.with(code)));
    PlanVersion current =
        em.createNamedQuery(PlanVersion.LATEST_OF, PlanVersion.class)
            .setParameter("plan", plan)
            .setMaxResults(1)
            .getSingleResult();
    return new Offer(plan, current);
  }

  public List<Offer> all() {
    return em.createNamedQuery(Plan.ALL, Plan.class).getResultList().stream()
        .map(p -> offer(p.getCode()))
        .toList();
  }

  public List<Offer> forSale() {
    return all().stream().filter(o -> o.plan().isActive()).toList();
  }
}
