package in.picode.kretanote.connection.boundary;

import jakarta.ejb.ApplicationException;

/** No connection with this id in the current tenant (it may belong to another one). */
@ApplicationException(rollback = true)
public class ConnectionNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConnectionNotFoundException(long id) {
    super("No WhatsApp connection " + id);
  }
}
