package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.tenant.boundary.Tenants;
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
