package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.control.HealthAssessment;
import in.picode.kretanote.connection.control.HealthClaims;
import in.picode.kretanote.connection.control.HealthStore;
import in.picode.kretanote.connection.control.ProbeResult;
import in.picode.kretanote.connection.control.Problem;
import in.picode.kretanote.connection.entity.WhatsAppHealthCheck;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.HealthStatus;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Health checks of connected numbers. {@link #runDue()} claims the connections whose next probe is
 * due (in the database, so two servers never take the same one), and for each asks Meta about the
 * token ({@code debug_token}), the number's fields, its {@code health_status} and whether our app
 * is still subscribed, adds how long since the last webhook, stores the result as history and, on a
 * change of state only, notifies the tenant's owners and admins. Calls to Meta run outside any
 * transaction.
 */
@Stateless
public class HealthChecks {

  private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());

  @Inject HealthClaims claims;
  @Inject HealthStore health;
  @Inject ConnectionStore connections;
  @Inject GraphApi graph;

  @Inject
  @ConfigProperty(name = "kretanote.health.interval", defaultValue = "PT15M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "kretanote.health.batch-size", defaultValue = "50")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kretanote.health.token-expiry-warning", defaultValue = "P7D")
  Duration tokenExpiryWarning;

  @Inject
  @ConfigProperty(name = "kretanote.health.webhook-silence", defaultValue = "PT48H")
  Duration webhookSilence;

  private final Clock clock = Clock.systemUTC();

  /** Probes every connection due now; returns how many were probed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int runDue() {
    return runDue(Instant.now(clock));
  }

  /** As {@link #runDue()}, as if it were {@code now} (tests move time forward with it). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int runDue(Instant now) {
    List<HealthClaims.Claim> due = claims.claimDue(now, now.plus(interval), batchSize);
    for (HealthClaims.Claim claim : due) {
      try {
        Tenancy.runAs(claim.tenantId(), () -> probe(claim.connectionId(), now));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Health probe of connection {0} failed: {1}",
            String.valueOf(claim.connectionId()),
            e.getClass().getSimpleName());
      }
    }
    return due.size();
  }

  /** The latest probes of one of the current tenant's connections, newest first. */
  @TenantScoped
  public List<WhatsAppHealthCheck> history(long connectionId, int max) {
    return health.history(connectionId, max);
  }

  private void probe(long id, Instant now) {
    HealthStore.Target t = health.target(id);
    if (t == null) {
      return;
    }
    Optional<AccessToken> token;
    try {
      token = connections.token(id);
    } catch (RuntimeException e) {
      // No readable token (destroyed key, broken ciphertext): as good as an invalid one.
      token = Optional.empty();
    }
    ProbeResult result =
        token.isEmpty()
            ? new ProbeResult(null, true, null, null, null, List.of("no readable access token"))
            : ask(token.get(), t);
    Set<Problem> problems =
        HealthAssessment.assess(
            result,
            t.problems(),
            t.wabaId(),
            t.lastActivity(),
            now,
            new HealthAssessment.Thresholds(tokenExpiryWarning, webhookSilence));
    if (health.record(id, result, problems, now, now.plus(interval))) {
      LOG.log(
          Level.INFO,
          "WhatsApp connection {0} changed state: {1}",
          String.valueOf(id),
          problems.isEmpty() ? "healthy" : HealthAssessment.signature(problems));
    }
  }

  private ProbeResult ask(AccessToken token, HealthStore.Target t) {
    List<String> errors = new ArrayList<>();
    TokenInfo info = null;
    try {
      info = graph.debugToken(token);
    } catch (GraphException e) {
      errors.add(describe(e));
    }
    if (info != null && !info.valid()) {
      return new ProbeResult(info, false, null, null, null, errors);
    }
    PhoneNumberInfo number = null;
    HealthStatus status = null;
    Boolean subscribed = null;
    try {
      number = graph.phoneNumber(token, t.phoneNumberId());
      status = graph.healthStatus(token, t.phoneNumberId());
      subscribed = graph.isSubscribed(token, t.wabaId());
    } catch (GraphException e) {
      errors.add(describe(e));
      if (e.hasCode(190)) {
        return new ProbeResult(info, true, number, status, subscribed, errors);
      }
    }
    return new ProbeResult(info, false, number, status, subscribed, errors);
  }

  private static String describe(GraphException e) {
    return e.operation()
        + ": "
        + e.code().map(c -> "code " + c).orElse("HTTP " + e.httpStatus())
        + " ("
        + e.errorClass().name().toLowerCase(java.util.Locale.ROOT)
        + ")";
  }
}
