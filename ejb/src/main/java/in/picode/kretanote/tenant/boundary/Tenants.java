package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.PlainText;
import in.picode.kretanote.platform.control.PlainText.Subject;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform's list of tenants. Not tenant-scoped: sign-up creates tenants and platform operators
 * list them; nothing here reads a tenant's content.
 */
@Stateless
public class Tenants {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Validator validator;

  private final Clock clock = Clock.systemUTC();

  public Tenant create(String name) {
    Tenant t = new Tenant(name, Instant.now(clock));
    em.persist(t);
    em.flush();
    return t;
  }

  public Optional<Tenant> find(long id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  /** The tenant the current request or job works for, if any (the page header shows its name). */
  public Optional<Tenant> current() {
    return Tenancy.current().flatMap(this::find);
  }

  /** The current tenant's invoice details, once given (empty until a plan is first chosen). */
  public Optional<BillingDetails> billingDetails() {
    return current().filter(t -> t.getLegalName() != null).map(BillingDetails::of);
  }

  /**
   * Saves the current tenant's invoice details; every problem is refused at once, by field, and
   * nothing is saved then.
   */
  public BillingDetails saveBillingDetails(BillingDetails details) {
    Map<String, Wording> problems = new TreeMap<>();
    validator.validate(details).stream()
        .sorted(Comparator.comparing(v -> v.getMessage()))
        .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), TenantWords.of(v)));
    if (PlainText.hasMarkup(details.legalName())) {
      problems.putIfAbsent("legalName", PlainText.refusal(Subject.BUSINESS_NAME));
    }
    if (!problems.isEmpty()) {
      throw new BillingDetailsRefusedException(problems);
    }
    Tenant t = em.find(Tenant.class, Tenancy.require(), LockModeType.PESSIMISTIC_WRITE);
    t.billingProfile(
        details.legalName().strip(),
        details.addressLine().strip(),
        details.postalCode() == null || details.postalCode().isBlank()
            ? null
            : details.postalCode().strip(),
        details.city().strip(),
        details.country(),
        details.taxId());
    return BillingDetails.of(t);
  }

  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
  }
}
