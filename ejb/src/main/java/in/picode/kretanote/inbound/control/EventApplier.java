package in.picode.kretanote.inbound.control;

import in.picode.kretanote.connection.boundary.Route;
import in.picode.kretanote.inbound.control.EventLog.Issue;
import in.picode.kretanote.inbound.control.EventLog.Outcome;
import in.picode.kretanote.inbound.control.EventLog.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a claimed batch of stored webhook events into applied changes and per-event outcomes.
 *
 * <ul>
 *   <li>A body that is not a WhatsApp webhook at all is REJECTED with the parser's reason (it was
 *       acknowledged, so Meta does not retry it for a week, and operators can see it).
 *   <li>Each messages change is routed by its phone number id; one without an owner makes the event
 *       UNROUTABLE (its other changes are still applied) and is listed with the number.
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

  /** Applies changes for one tenant in one transaction, or throws and changes nothing. */
  @FunctionalInterface
  public interface TenantWork {
    void apply(long tenantId, List<RoutedChange> changes) throws Exception;
  }

  /** Outcomes of the events that were dealt with, and the errors of those to try again. */
  public record Result(List<Outcome> outcomes, Map<Long, String> failures) {}

  private final WebhookPayloadParser parser = new WebhookPayloadParser();
  private final Router router;
  private final TenantWork work;

  public EventApplier(Router router, TenantWork work) {
    this.router = Objects.requireNonNull(router);
    this.work = Objects.requireNonNull(work);
  }

  public Result apply(List<EventLog.Claimed> events) {
    Map<String, Optional<Route>> routes = new HashMap<>();
    Map<Long, List<RoutedChange>> byTenant = new LinkedHashMap<>();
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
            byTenant
                .computeIfAbsent(route.get().tenantId(), t -> new ArrayList<>())
                .add(
                    new RoutedChange(
                        event.id(), route.get().connectionId(), change, event.receivedAt()));
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
    byTenant.forEach((tenant, changes) -> applyForTenant(tenant, changes, failures));

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
    return new Result(outcomes, failures);
  }

  private void applyForTenant(long tenant, List<RoutedChange> changes, Map<Long, String> failures) {
    try {
      work.apply(tenant, changes);
      return;
    } catch (Exception e) {
      if (changes.stream().map(RoutedChange::eventId).distinct().count() == 1) {
        failures.put(changes.get(0).eventId(), describe(e));
        return;
      }
    }
    Map<Long, List<RoutedChange>> byEvent = new LinkedHashMap<>();
    changes.forEach(c -> byEvent.computeIfAbsent(c.eventId(), id -> new ArrayList<>()).add(c));
    byEvent.forEach(
        (eventId, own) -> {
          try {
            work.apply(tenant, own);
          } catch (Exception e) {
            failures.put(eventId, describe(e));
          }
        });
  }

  static String notApplied(String field) {
    return switch (field) {
      case OtherChange.TEMPLATE_STATUS_FIELD ->
          "Stored, not applied: message templates are not managed by KretaNote yet";
      case "account_update",
          OtherChange.QUALITY_FIELD,
          "phone_number_name_update",
          "business_capability_update" ->
          "Stored, not applied: the connection's health is not tracked by KretaNote yet";
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
