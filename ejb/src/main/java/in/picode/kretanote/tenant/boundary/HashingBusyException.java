package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Too many password hashes are running on this server; nothing was changed. Pages answer 503 with
 * {@code Retry-After} so the person tries again in a few seconds.
 */
@ApplicationException(rollback = true)
public class HashingBusyException extends RuntimeException implements Wording.Worded {

  private static final long serialVersionUID = 1L;

  public static final long RETRY_AFTER_SECONDS = 5;

  public HashingBusyException() {
    super(TenantWords.BUSY.with().english());
  }

  @Override
  public List<Wording> wordings() {
    return List.of(TenantWords.BUSY.with());
  }
}
