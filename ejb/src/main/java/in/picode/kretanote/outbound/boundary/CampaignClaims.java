package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.control.LeaseClaims;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaign timer's claims across all tenants, each in a short transaction of its own: due
 * campaigns (RUNNING, or SCHEDULED whose time came) that no other server holds are picked with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and leased, so two servers never work one campaign at
 * the same time. Native SQL that touches only ids, states, times and lease columns.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CampaignClaims {

  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  static final LeaseClaims.Spec CLAIM =
      new LeaseClaims.Spec(
          "campaign",
          "id, tenant_id",
          "(state = 'RUNNING' or (state = 'SCHEDULED' and scheduled_at <= ?))"
              + " and (lease_until is null or lease_until < ?)",
          "id",
          "lease_owner = ?, lease_until = ?");

  public record Claim(long id, long tenantId) {}

  public List<Claim> claimDue(Instant now, Instant leaseUntil, String owner, int max) {
    List<Object[]> rows =
        LeaseClaims.claim(
            em,
            CLAIM,
            List.of(Timestamp.from(now), Timestamp.from(now)),
            max,
            List.of(owner, Timestamp.from(leaseUntil)));
    List<Claim> claims = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      claims.add(new Claim(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }
    return claims;
  }

  public void release(Claim c, String owner) {
    em.createNativeQuery(
            "update campaign set lease_owner = null, lease_until = null"
                + " where tenant_id = ? and id = ? and lease_owner = ?")
        .setParameter(1, c.tenantId())
        .setParameter(2, c.id())
        .setParameter(3, owner)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }
}
