package in.picode.kretanote.crypto.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.Deployments;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.testing.ItDatabase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vault in the container with the database: what is stored is not the token, values are bound
 * to tenant and purpose, tampering fails closed, destroying a tenant's key makes its values
 * unreadable, and re-wrapping under the current key keeps values readable.
 */
@ExtendWith(ArquillianExtension.class)
class TokenVaultIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("vault");
  }

  @Inject TokenVault vault;
  @Inject Tenants tenants;

  long tenant() {
    return tenants.create("Vault " + UUID.randomUUID()).getId();
  }

  @Test
  void roundTripAndTheDatabaseHoldsNoPlainKey() throws Exception {
    long t = tenant();
    String token = "EAAG-secret-token-" + UUID.randomUUID();
    byte[] sealed = vault.encrypt(t, "meta-access-token", token);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token);
    assertThat(vault.decryptString(t, "meta-access-token", sealed)).isEqualTo(token);
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select kek_id, length(wrapped_key) from tenant_data_key where tenant_id = ?")) {
      s.setLong(1, t);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("it-1");
        assertThat(rs.getInt(2)).isEqualTo(60);
      }
    }
  }

  @Test
  void wrongTenantWrongPurposeAndTamperingFailClosed() {
    long a = tenant();
    long b = tenant();
    byte[] sealed = vault.encrypt(a, "meta-access-token", "token-of-a");
    vault.encrypt(b, "meta-access-token", "token-of-b");
    assertThatThrownBy(() -> vault.decrypt(b, "meta-access-token", sealed))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> vault.decrypt(a, "other-purpose", sealed))
        .isInstanceOf(CryptoException.class);
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> vault.decrypt(a, "meta-access-token", tampered))
        .isInstanceOf(CryptoException.class)
        .hasMessageNotContaining("token-of-a");
    byte[] unknownKey = sealed.clone();
    unknownKey[4] = 9;
    assertThatThrownBy(() -> vault.decrypt(a, "meta-access-token", unknownKey))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void destroyingTheTenantKeyMakesItsValuesUnreadable() {
    long t = tenant();
    byte[] sealed = vault.encrypt(t, "meta-access-token", "soon gone");
    assertThat(vault.destroyTenantKeys(t)).isEqualTo(1);
    assertThatThrownBy(() -> vault.decrypt(t, "meta-access-token", sealed))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("destroyed");
  }

  @Test
  void rewrapKeepsValuesReadable() {
    long t = tenant();
    byte[] sealed = vault.encrypt(t, "meta-access-token", "still here");
    var report = vault.rewrapAll();
    assertThat(report.failed()).isZero();
    assertThat(vault.decryptString(t, "meta-access-token", sealed)).isEqualTo("still here");
  }
}
