package in.picode.kretanote.tenant.view;

import in.picode.kretanote.platform.security.ClientAddresses;
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

  static String clientAddress() {
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return ClientAddresses.current().of((jakarta.servlet.http.HttpServletRequest) request);
  }
}
