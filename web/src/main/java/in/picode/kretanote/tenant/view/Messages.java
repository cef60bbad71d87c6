package in.picode.kretanote.tenant.view;

import in.picode.kretanote.tenant.control.HashingBusyException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Puts a refusal next to the field it concerns, or at the top of the form. */
final class Messages {

  static final String OUR_FAULT = "That failed on our side; nothing was changed. Please try again.";

  private Messages() {}

  static void error(String formId, String field, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(
            field == null ? null : formId + ":" + field,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** Too many password hashes at once: 503 with Retry-After, and a message on the page. */
  static void busy(HashingBusyException e) {
    var ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.setResponseStatus(503);
    ec.setResponseHeader("Retry-After", Long.toString(HashingBusyException.RETRY_AFTER_SECONDS));
    error("", null, e.getMessage());
  }

  static String clientAddress() {
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return ((jakarta.servlet.http.HttpServletRequest) request).getRemoteAddr();
  }
}
