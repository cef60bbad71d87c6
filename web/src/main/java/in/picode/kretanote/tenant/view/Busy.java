package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.tenant.boundary.HashingBusyException;
import jakarta.faces.context.FacesContext;

/** Too many password hashes at once: 503 with Retry-After, and a message on the page. */
final class Busy {

  private Busy() {}

  static void show(HashingBusyException e) {
    var ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.setResponseStatus(503);
    ec.setResponseHeader("Retry-After", Long.toString(HashingBusyException.RETRY_AFTER_SECONDS));
    PageMessages.error(Wordings.of(e));
  }
}
