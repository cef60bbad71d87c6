package in.picode.kretanote.inbound.control;

import in.picode.kretanote.connection.boundary.Route;
import in.picode.kretanote.inbound.control.EventLog.Issue;
import in.picode.kretanote.inbound.control.EventLog.Outcome;
import in.picode.kretanote.inbound.control.EventLog.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a claimed batch of stored webhook events into applied changes and per-event outcomes.
 *
 * <ul>
 *   <li>A body that is not a WhatsApp webhook at all is REJECTED with the parser's reason (it was
 *       acknowledged, so Meta does not retry it for a week, and operators can see it).
 *   <li>Each messages change is routed by its phone number id; one without an owner makes the event
 *       UNROUTABLE (its other changes are still applied) and is listed with the number.
 *   <li>Account-level changes ({@code account_update}, quality and name updates, template statuses)
 *       are routed by their WABA id to the live connections of each tenant in that account; an
 *       account nobody connected makes the event UNROUTABLE like an unknown number.
 *   <li>Parts the parser rejected and fields KretaNote does not act on are recorded as issues.
 *   <li>The routed changes of the whole batch are applied per tenant, one transaction each, under
 *       that tenant. If a tenant's transaction fails, its events are retried one by one so that a
 *       single poisonous event cannot hold back the others; the failing one is handed back for a
 *       later attempt with the error.
 * </ul>
 *
 * Applying is idempotent (see {@code InboundChanges}), so re-running a batch after a crash, or
 * re-running the good events after one failed, never duplicates anything.
 */
public final class EventApplier {

  /** Looks up who owns a phone number id; see {@code connection.boundary.Routing}. */
  @FunctionalInterface
  public interface Router {
    Optional<Route> route(String phoneNumberId);
  }

  /** Looks up the live connections of a WhatsApp Business Account, of any tenants. */
  @FunctionalInterface
  public interface AccountRouter {
    List<Route> route(String wabaId);
  }

  /** Applies changes for one tenant in one transaction, or throws and changes nothing. */
  @FunctionalInterface
  public interface TenantWork {
    void apply(long tenantId, List<RoutedChange> changes, List<RoutedAccountChange> accountChanges)
        throws Exception;
  }

  /**
   * Records which tenants the applied events of a batch were routed to, once per batch (event id to
   * tenant ids); see {@code inbound.boundary.EventRoutes}.
   */
  @FunctionalInterface
  public interface RouteRecorder {
    void record(Map<Long, Set<Long>> tenantsByEvent);
  }

  /** The fields routed by WABA id and applied; any other field is stored as NOT_APPLIED. */
  public static final Set<String> ACCOUNT_FIELDS =
      Set.of(
          "account_update",
          OtherChange.QUALITY_FIELD,
          "phone_number_name_update",
          OtherChange.TEMPLATE_STATUS_FIELD,
          TemplateUpdate.QUALITY_FIELD,
          TemplateUpdate.CATEGORY_FIELD,
          TemplateUpdate.COMPONENTS_FIELD);

  /** One tenant's share of a batch. */
  private record TenantShare(List<RoutedChange> changes, List<RoutedAccountChange> accounts) {
    TenantShare() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    Set<Long> eventIds() {
      Set<Long> ids = new LinkedHashSet<>();
      changes.forEach(c -> ids.add(c.eventId()));
      accounts.forEach(c -> ids.add(c.eventId()));
      return ids;
    }
  }

  /**
   * Outcomes of the events that were dealt with, the errors of those to try again, and the tenants
   * each event was routed to (an event of an account shared by several tenants goes to each; an
   * unroutable or rejected one to none). This is the one place where an event's tenants are known.
   */
  public record Result(
      List<Outcome> outcomes, Map<Long, String> failures, Map<Long, Set<Long>> tenants) {

    public Result(List<Outcome> outcomes, Map<Long, String> failures) {
      this(outcomes, failures, Map.of());
    }

    /** The tenants event {@code eventId} was routed to. */
    public Set<Long> tenantsOf(long eventId) {
      return tenants.getOrDefault(eventId, Set.of());
    }
  }

  private final WebhookPayloadParser parser = new WebhookPayloadParser();
  private final Router router;
  private final AccountRouter accounts;
  private final TenantWork work;
  private final RouteRecorder routes;

  public EventApplier(Router router, AccountRouter accounts, TenantWork work) {
    this(router, accounts, work, tenantsByEvent -> {});
  }

  public EventApplier(
      Router router, AccountRouter accounts, TenantWork work, RouteRecorder routes) {
    this.router = Objects.requireNonNull(router);
    this.accounts = Objects.requireNonNull(accounts);
    this.work = Objects.requireNonNull(work);
    this.routes = Objects.requireNonNull(routes);
  }

  public Result apply(List<EventLog.Claimed> events) {
    Map<String, Optional<Route>> routes = new HashMap<>();
    Map<String, List<Route>> accountRoutes = new HashMap<>();
    Map<Long, TenantShare> byTenant = new LinkedHashMap<>();
    Map<Long, Set<Long>> tenants = new HashMap<>();
    Map<Long, List<Issue>> issues = new LinkedHashMap<>();
    Map<Long, Boolean> unroutable = new HashMap<>();
    List<Outcome> rejected = new ArrayList<>();
    for (EventLog.Claimed event : events) {
      ParsedWebhook parsed;
      try {
        parsed = parser.parse(event.body());
      } catch (MalformedWebhookException e) {
        rejected.add(
            new Outcome(
                event.id(),
                State.REJECTED,
                "Not a WhatsApp webhook: " + e.getMessage(),
                List.of()));
        continue;
      }
      List<Issue> found = new ArrayList<>();
      for (Rejection r : parsed.rejections()) {
        found.add(
            new Issue(
                Issue.Kind.REJECTED,
                r.path(),
                r.reason(),
                Optional.empty(),
                Optional.empty(),
                r.rawJson()));
      }
      List<WebhookChange> changes = parsed.changes();
      for (int i = 0; i < changes.size(); i++) {
        String path = "changes[" + i + "]";
        if (changes.get(i) instanceof MessagesChange change) {
          Optional<Route> route = routes.computeIfAbsent(change.phoneNumberId(), router::route);
          if (route.isEmpty()) {
            unroutable.put(event.id(), true);
            found.add(
                new Issue(
                    Issue.Kind.UNROUTABLE,
                    path,
                    "No tenant has connected phone number id " + change.phoneNumberId(),
                    Optional.of(change.phoneNumberId()),
                    Optional.of(change.wabaId()),
                    Optional.empty()));
          } else {
            tenants
                .computeIfAbsent(event.id(), e -> new LinkedHashSet<>())
                .add(route.get().tenantId());
            byTenant
                .computeIfAbsent(route.get().tenantId(), t -> new TenantShare())
                .changes()
                .add(
                    new RoutedChange(
                        event.id(), route.get().connectionId(), change, event.receivedAt()));
          }
        } else if (changes.get(i) instanceof OtherChange other
            && TemplateUpdate.handles(other.field())
            && TemplateUpdate.read(other.field(), other.valueJson()).refusal().isPresent()) {
          found.add(
              new Issue(
                  Issue.Kind.REJECTED,
                  path,
                  other.field()
                      + " "
                      + TemplateUpdate.read(other.field(), other.valueJson()).refusal().get(),
                  Optional.empty(),
                  Optional.of(other.wabaId()),
                  Optional.empty()));
        } else if (changes.get(i) instanceof OtherChange other
            && ACCOUNT_FIELDS.contains(other.field())) {
          List<Route> owners = accountRoutes.computeIfAbsent(other.wabaId(), accounts::route);
          if (owners.isEmpty()) {
            unroutable.put(event.id(), true);
            found.add(
                new Issue(
                    Issue.Kind.UNROUTABLE,
                    path,
                    "No tenant has connected a number of WhatsApp Business Account "
                        + other.wabaId()
                        + " ("
                        + other.field()
                        + ")",
                    Optional.empty(),
                    Optional.of(other.wabaId()),
                    Optional.empty()));
          } else {
            Map<Long, List<Long>> connectionsByTenant = new LinkedHashMap<>();
            owners.forEach(
                r ->
                    connectionsByTenant
                        .computeIfAbsent(r.tenantId(), t -> new ArrayList<>())
                        .add(r.connectionId()));
            tenants
                .computeIfAbsent(event.id(), e -> new LinkedHashSet<>())
                .addAll(connectionsByTenant.keySet());
            connectionsByTenant.forEach(
                (tenant, ids) ->
                    byTenant
                        .computeIfAbsent(tenant, t -> new TenantShare())
                        .accounts()
                        .add(new RoutedAccountChange(event.id(), ids, other, event.receivedAt())));
          }
        } else if (changes.get(i) instanceof OtherChange other) {
          found.add(
              new Issue(
                  Issue.Kind.NOT_APPLIED,
                  path,
                  notApplied(other.field()),
                  Optional.empty(),
                  Optional.of(other.wabaId()),
                  Optional.empty()));
        }
      }
      issues.put(event.id(), found);
    }

    Map<Long, String> failures = new LinkedHashMap<>();
    byTenant.forEach((tenant, share) -> applyForTenant(tenant, share, failures));
    recordRoutes(byTenant, failures);

    List<Outcome> outcomes = new ArrayList<>(rejected);
    issues.forEach(
        (id, found) -> {
          if (failures.containsKey(id)) {
            return;
          }
          boolean notRouted = unroutable.getOrDefault(id, false);
          outcomes.add(
              new Outcome(id, notRouted ? State.UNROUTABLE : State.APPLIED, summary(found), found));
        });
    return new Result(outcomes, failures, tenants);
  }

  private void applyForTenant(long tenant, TenantShare share, Map<Long, String> failures) {
    Set<Long> events = share.eventIds();
    try {
      work.apply(tenant, share.changes(), share.accounts());
      return;
    } catch (Exception e) {
      if (events.size() == 1) {
        failures.put(events.iterator().next(), describe(e));
        return;
      }
    }
    for (long eventId : events) {
      try {
        work.apply(
            tenant,
            share.changes().stream().filter(c -> c.eventId() == eventId).toList(),
            share.accounts().stream().filter(c -> c.eventId() == eventId).toList());
      } catch (Exception e) {
        failures.put(eventId, describe(e));
      }
    }
  }

  /** One call per batch with the tenants each applied event was routed to. */
  private void recordRoutes(Map<Long, TenantShare> byTenant, Map<Long, String> failures) {
    Map<Long, Set<Long>> tenantsByEvent = new LinkedHashMap<>();
    byTenant.forEach(
        (tenant, share) ->
            share
                .eventIds()
                .forEach(
                    id ->
                        tenantsByEvent
                            .computeIfAbsent(id, e -> new LinkedHashSet<>())
                            .add(tenant)));
    tenantsByEvent.keySet().removeAll(failures.keySet());
    if (!tenantsByEvent.isEmpty()) {
      routes.record(tenantsByEvent);
    }
  }

  static String notApplied(String field) {
    return switch (field) {
      case "business_capability_update" ->
          "Stored, not applied: KretaNote reads the number's limits from its health checks";
      default -> "Stored, not applied: KretaNote does not act on the field " + field;
    };
  }

  private static String summary(List<Issue> issues) {
    if (issues.isEmpty()) {
      return null;
    }
    Map<Issue.Kind, Integer> counts = new LinkedHashMap<>();
    issues.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (kind, n) ->
            text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(kind));
    return text.toString();
  }

  /** The error's class and message, innermost cause first; never part of the body. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }
}
