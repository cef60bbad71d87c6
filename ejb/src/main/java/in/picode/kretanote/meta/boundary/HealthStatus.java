package in.picode.kretanote.meta.boundary;

import java.util.List;

/**
 * Meta's {@code health_status}: whether messages can be sent (AVAILABLE, LIMITED, BLOCKED) and, for
 * each entity on the way (phone number, WABA, business, app), what stands in the way.
 */
public record HealthStatus(String canSendMessage, List<Issue> issues) {

  public HealthStatus {
    issues = List.copyOf(issues);
  }

  public record Issue(
      String entityType,
      String entityId,
      String canSendMessage,
      Integer errorCode,
      String description,
      String possibleSolution) {}

  public boolean isAvailable() {
    return "AVAILABLE".equals(canSendMessage);
  }
}
