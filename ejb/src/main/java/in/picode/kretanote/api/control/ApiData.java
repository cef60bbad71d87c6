package in.picode.kretanote.api.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The API feature's tables in the privacy workflows: webhook deliveries age with the retention
 * period (their payloads name contacts), subscriptions and keys live as long as the tenant. First
 * of all features: nothing references them, and they reference only the tenant and its users.
 */
@ApplicationScoped
public class ApiData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          TableStep.aged("webhook_delivery", "created_at"),
          TableStep.aged("api_idempotency", "created_at"),
          TableStep.whole("webhook_subscription"),
          TableStep.whole("api_key"));

  @Override
  public int purgeOrder() {
    return 50;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  /**
   * The contact's webhook events (their payloads name the contact by id, and a received message
   * carries its text), every one of them: erasure runs once, so the loop is here.
   */
  @Override
  public PurgeBatch erase(Connection c, DataSubject subject, int batch) throws SQLException {
    int total = 0;
    int deleted;
    do {
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM webhook_delivery WHERE tenant_id = ?"
                  + " AND (payload LIKE ? OR payload LIKE ?) LIMIT ?")) {
        s.setLong(1, subject.tenantId());
        s.setString(2, "%\"contact_id\":" + subject.contactId() + ",%");
        s.setString(3, "%\"contact_id\":" + subject.contactId() + "}%");
        s.setInt(4, Math.max(1, batch));
        deleted = s.executeUpdate();
      }
      total += deleted;
    } while (deleted > 0);
    return PurgeBatch.of("webhook_delivery", total);
  }
}
