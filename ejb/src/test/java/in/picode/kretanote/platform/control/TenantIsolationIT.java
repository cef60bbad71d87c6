package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.entity.AuditEvent;
import in.picode.kretanote.tenant.boundary.AccountChangeRefusedException;
import in.picode.kretanote.tenant.boundary.Invitations;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Invitation;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.UserAccount;
import in.picode.kretanote.testing.ItDatabase;
import in.picode.kretanote.testing.TenantProbe;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant A's context against tenant B's ids: every read and write path either finds nothing or
 * changes nothing, and B's row in the database stays exactly as it was.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("isolation");
  }

  @Inject Tenants tenants;
  @Inject Contacts contacts;
  @Inject TenantProbe probe;
  @Inject TeamMembers team;
  @Inject Invitations invitations;
  @Inject AuditLog audit;

  long tenantA;
  long tenantB;
  long bobId;
  String bobName;

  @BeforeEach
  void twoTenantsWithData() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    tenantA = tenants.create("Alpha " + run).getId();
    tenantB = tenants.create("Beta " + run).getId();
    Tenancy.runAs(tenantA, () -> contacts.create(null, "4915100000" + 1, "Alice " + run));
    bobName = "Bob " + run;
    bobId = call(tenantB, () -> contacts.create("DE.bob" + run, "4915100000" + 2, bobName).getId());
  }

  @Test
  void readsByIdFindNothing() {
    assertThat(call(tenantA, () -> contacts.find(bobId))).isEmpty();
    assertThat(call(tenantA, () -> contacts.page(200)))
        .extracting(Contact::getId)
        .doesNotContain(bobId);
    assertThat(call(tenantB, () -> contacts.find(bobId))).isPresent();
  }

  @Test
  void updateAndDeleteByIdChangeNothing() throws SQLException {
    assertThatThrownBy(() -> Tenancy.runAs(tenantA, () -> contacts.rename(bobId, "pwned")))
        .isInstanceOf(ContactNotFoundException.class);
    assertThatThrownBy(() -> Tenancy.runAs(tenantA, () -> contacts.delete(bobId)))
        .isInstanceOf(ContactNotFoundException.class);
    assertThat(call(tenantA, () -> probe.bulkRename(bobId, "pwned"))).isZero();
    assertThat(call(tenantA, () -> probe.bulkDelete(bobId))).isZero();
    assertBobUntouched();
  }

  @Test
  void mergeOfAnotherTenantsObjectNeverTouchesItsRow() throws SQLException {
    Contact bob = call(tenantB, () -> contacts.get(bobId));
    bob.rename("pwned", java.time.Instant.now());
    try {
      Contact merged = call(tenantA, () -> probe.merge(bob));
      // EclipseLink may treat it as new for A; then it must be A's own row, not B's.
      assertThat(merged.getId()).isNotEqualTo(bobId);
    } catch (RuntimeException refused) {
      // Refusing the merge outright is as good.
    }
    assertBobUntouched();
  }

  @Test
  void nativeSqlIsRefusedUnlessExplicitlyAllowed() {
    assertThatThrownBy(() -> call(tenantA, () -> probe.countNative()))
        .hasStackTraceContaining("6175");
  }

  @Test
  void noTenantBoundMeansNoAccess() {
    assertThatThrownBy(() -> contacts.find(bobId))
        .satisfiesAnyOf(
            e -> assertThat(e).isInstanceOf(NoTenantException.class),
            e ->
                assertThat(e)
                    .isInstanceOf(EJBException.class)
                    .hasRootCauseInstanceOf(NoTenantException.class));
  }

  @Test
  void databaseRefusesRowsLinkingTwoTenants() throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement user =
            c.prepareStatement(
                "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status) values (?, ?, 'B user', 'x', 'AGENT', 'ACTIVE')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
      user.setLong(1, tenantB);
      user.setString(2, "b-" + UUID.randomUUID() + "@example.com");
      user.executeUpdate();
      long bUser;
      try (ResultSet keys = user.getGeneratedKeys()) {
        keys.next();
        bUser = keys.getLong(1);
      }
      try (PreparedStatement audit =
          c.prepareStatement(
              "insert into audit_event (tenant_id, occurred_at, actor_id, action)"
                  + " values (?, now(6), ?, 'TEST')")) {
        audit.setLong(1, tenantA);
        audit.setLong(2, bUser);
        assertThatThrownBy(audit::executeUpdate).isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void teamChangesWithAnotherTenantsUserIdChangeNothing() throws SQLException {
    long ownerA = user(tenantA, "OWNER");
    long agentB = user(tenantB, "AGENT");
    String refusal = TeamMembers.NOT_IN_TEAM;

    assertThat(call(tenantA, () -> team.find(agentB))).isEmpty();
    assertThat(call(tenantA, () -> team.members()))
        .extracting(UserAccount::getId)
        .contains(ownerA)
        .doesNotContain(agentB);
    assertThatThrownBy(
            () -> Tenancy.runAs(tenantA, () -> team.changeRole(ownerA, agentB, Role.ADMIN, null)))
        .isInstanceOf(AccountChangeRefusedException.class)
        .hasMessage(refusal);
    assertThatThrownBy(() -> Tenancy.runAs(tenantA, () -> team.disable(ownerA, agentB, null)))
        .hasMessage(refusal);
    assertThatThrownBy(() -> Tenancy.runAs(tenantA, () -> team.enable(ownerA, agentB, null)))
        .hasMessage(refusal);
    assertThat(userRow(agentB)).isEqualTo("AGENT ACTIVE " + tenantB);
  }

  @Test
  void anotherTenantsUserCannotActInThisTenant() throws SQLException {
    long agentA = user(tenantA, "AGENT");
    long ownerB = user(tenantB, "OWNER");
    assertThatThrownBy(
            () -> Tenancy.runAs(tenantA, () -> team.changeRole(ownerB, agentA, Role.ADMIN, null)))
        .isInstanceOf(AccountChangeRefusedException.class)
        .hasMessageContaining("Only an owner or an admin");
    assertThatThrownBy(
            () ->
                Tenancy.runAs(
                    tenantA, () -> invitations.invite(ownerB, "x@example.com", Role.AGENT, null)))
        .hasMessageContaining("Only an owner or an admin");
    assertThat(userRow(agentA)).isEqualTo("AGENT ACTIVE " + tenantA);
  }

  @Test
  void invitationsOfAnotherTenantCannotBeSeenOrRevoked() throws SQLException {
    long ownerA = user(tenantA, "OWNER");
    long ownerB = user(tenantB, "OWNER");
    String email = "invitee-" + UUID.randomUUID() + "@example.com";
    long invitationB =
        call(tenantB, () -> invitations.invite(ownerB, email, Role.AGENT, "192.0.2.9").getId());

    assertThat(call(tenantA, () -> invitations.pending()))
        .extracting(Invitation::getId)
        .doesNotContain(invitationB);
    assertThatThrownBy(
            () -> Tenancy.runAs(tenantA, () -> invitations.revoke(ownerA, invitationB, null)))
        .isInstanceOf(AccountChangeRefusedException.class);
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("select tenant_id, revoked_at from invitation where id = ?")) {
      s.setLong(1, invitationB);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(tenantB);
        assertThat(rs.getTimestamp(2)).as("still open").isNull();
      }
    }
    assertThat(call(tenantB, () -> invitations.pending()))
        .extracting(Invitation::getId)
        .contains(invitationB);
  }

  @Test
  void theAuditLogOfAnotherTenantIsNeitherListedNorAStartingPoint() {
    long ownerB = user(tenantB, "OWNER");
    Tenancy.runAs(tenantB, () -> audit.record(ownerB, "b@example.com", "TEST", "secret", null));
    long eventB = call(tenantB, () -> audit.latest(1)).stream().findFirst().orElseThrow().getId();
    Tenancy.runAs(tenantA, () -> audit.record(null, null, "TEST", "visible", null));

    assertThat(call(tenantA, () -> audit.olderThan(eventB, 200))).isEmpty();
    assertThat(call(tenantA, () -> audit.latest(500)))
        .extracting(AuditEvent::getDetail)
        .contains("visible")
        .doesNotContain("secret");
  }

  private static long user(long tenant, String role) {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into user_account (tenant_id, email, display_name, password_hash, role,"
                    + " status) values (?, ?, 'Someone', 'x', ?, 'ACTIVE')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, tenant);
      s.setString(2, role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com");
      s.setString(3, role);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String userRow(long id) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select concat(role, ' ', status, ' ', tenant_id) from user_account where id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void assertBobUntouched() throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("select tenant_id, display_name from contact where id = ?")) {
      s.setLong(1, bobId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("B's contact still exists").isTrue();
        assertThat(rs.getLong(1)).isEqualTo(tenantB);
        assertThat(rs.getString(2)).isEqualTo(bobName);
      }
    }
  }

  private static <T> T call(long tenant, java.util.concurrent.Callable<T> work) {
    try {
      return Tenancy.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
