package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.PurgeBatch;
import in.picode.kretanote.platform.control.DataSubject;
import in.picode.kretanote.platform.control.PurgeStep;
import in.picode.kretanote.platform.control.Sql;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.platform.control.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Outbound's tables in the privacy workflows: outbox, campaign_recipient, campaign, send_pace and
 * message_template. They come first (the outbox references messages, conversations and contacts;
 * campaigns and templates reference numbers). Only the outbox ages, with its message; campaigns and
 * templates live as long as the tenant. Erasing a contact deletes its outbox rows and its places in
 * campaigns.
 */
@ApplicationScoped
public class OutboundData implements TenantData {

  private static final List<PurgeStep> STEPS =
      List.of(
          new OutboxStep(),
          // Campaigns: recipients before their campaign, both before numbers and contacts.
          TableStep.whole("campaign_recipient"),
          TableStep.whole("campaign"),
          TableStep.whole("send_pace"),
          TableStep.whole("message_template"));

  @Override
  public int purgeOrder() {
    return 100;
  }

  @Override
  public List<PurgeStep> purgeSteps() {
    return STEPS;
  }

  @Override
  public PurgeBatch erase(Connection c, DataSubject who, int batch) throws SQLException {
    return Sql.deleteOfContact(c, who, List.of("campaign_recipient", "outbox"));
  }
}
