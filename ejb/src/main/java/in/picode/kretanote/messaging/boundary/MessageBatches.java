package in.picode.kretanote.messaging.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.List;

/**
 * The statements of {@link Deliveries} that change a whole block of one tenant's messages at once,
 * in the caller's transaction. Native SQL on constant text; the rows are named by tenant and id
 * (ids written as numbers, Meta's wamids and the times bound as parameters).
 */
final class MessageBatches {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  private MessageBatches() {}

  /**
   * Meta took each message of {@code accepted} under its wamid: the wamid is stored and a PENDING
   * message becomes SENT at the answer's time, as {@code Message.accepted} does row by row; the
   * version moves on so a concurrent entity write of the same row fails as it would have. {@code
   * status_at} is assigned before {@code status}: MariaDB evaluates a single-table update's
   * assignments left to right on the row's new values.
   */
  static int accepted(EntityManager em, long tenantId, List<Deliveries.Accepted> accepted) {
    StringBuilder wamids = new StringBuilder();
    StringBuilder times = new StringBuilder();
    StringBuilder ids = new StringBuilder();
    for (Deliveries.Accepted a : accepted) {
      wamids.append(" when ").append(a.messageId()).append(" then ?");
      times.append(" when ").append(a.messageId()).append(" then ?");
      ids.append(ids.isEmpty() ? "" : ", ").append(a.messageId());
    }
    Query update =
        em.createNativeQuery(
                "update message set wamid = case id"
                    + wamids
                    + " end, status_at = case when status = 'PENDING' then case id"
                    + times
                    + " end else status_at end,"
                    + " status = case when status = 'PENDING' then 'SENT' else status end,"
                    + " version = version + 1"
                    + " where tenant_id = ? and direction = 'OUTBOUND' and wamid is null and id in ("
                    + ids
                    + ")")
            .setHint(ALLOW_NATIVE, "true");
    int p = 1;
    for (Deliveries.Accepted a : accepted) {
      update.setParameter(p++, a.wamid());
    }
    for (Deliveries.Accepted a : accepted) {
      update.setParameter(p++, Timestamp.from(a.at()));
    }
    update.setParameter(p, tenantId);
    return update.executeUpdate();
  }
}
