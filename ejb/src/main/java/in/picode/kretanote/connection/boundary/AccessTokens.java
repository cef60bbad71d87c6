package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.crypto.boundary.CryptoException;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The decrypted access token of one of the current tenant's connections, for server-side work that
 * calls Meta on the tenant's behalf (media downloads). Never for a page or an API answer. Empty
 * when the connection does not exist for this tenant, is disconnected, or its token cannot be read
 * (a destroyed key, a broken ciphertext); the caller treats that like a refused token.
 */
@Stateless
@TenantScoped
public class AccessTokens {

  private static final System.Logger LOG = System.getLogger(AccessTokens.class.getName());

  @Inject ConnectionStore store;

  public Optional<AccessToken> of(long connectionId) {
    Optional<WhatsAppConnection> c = store.find(connectionId);
    if (c.isEmpty() || c.get().getStatus() == WhatsAppConnection.Status.DISCONNECTED) {
      return Optional.empty();
    }
    try {
      return store.token(connectionId);
    } catch (CryptoException e) {
      LOG.log(
          Level.WARNING,
          "The access token of connection {0} cannot be decrypted: {1}",
          String.valueOf(connectionId),
          e.getMessage());
      return Optional.empty();
    }
  }
}
