package in.picode.kretanote.platform.control;

import jakarta.ejb.ApplicationException;

/** Tenant-owned data was touched with no tenant bound to the thread: a programming error. */
@ApplicationException(rollback = true)
public class NoTenantException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoTenantException() {
    super("No tenant is bound to this thread; tenant-owned data cannot be read or written");
  }
}
