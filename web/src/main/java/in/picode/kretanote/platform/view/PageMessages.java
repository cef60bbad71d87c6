package in.picode.kretanote.platform.view;

import in.picode.kretanote.platform.security.ClientAddresses;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Page messages and the "not found" answer shared by all backing beans (the dashboard, the privacy
 * pages, sign-in and team pages): one place, so every page says "our fault" the same way.
 */
public final class PageMessages {

  /** "That failed on our side; nothing was changed." in the page's language. */
  public static String ourFault() {
    return Texts.of("in.picode.kretanote.platform.view.AppTexts", "page.ourFault");
  }

  private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());

  private PageMessages() {}

  /**
   * Runs a change through a boundary: true when it went through; a {@code refusal} (the boundary's
   * exception for bad input, whose wordings are written for the user) becomes an error message in
   * the page's language ({@link Wordings}), anything else the "our fault" message (and a log line).
   */
  public static boolean attempt(Class<? extends RuntimeException> refusal, Runnable change) {
    try {
      change.run();
      return true;
    } catch (RuntimeException e) {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      if (refusal.isInstance(cause)) {
        Wordings.all(cause).forEach(PageMessages::error);
      } else {
        // EclipseLink leaves bound values out of its messages (logging.parameters=false).
        LOG.log(Level.WARNING, "A page action failed", cause);
        error(ourFault());
      }
      return false;
    }
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** Puts a refusal next to the field it concerns ({@code formId:field}), or at the top. */
  public static void error(String formId, String field, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(
            field == null ? null : formId + ":" + field,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** Answers 404 and stops rendering: what an id of another tenant (or none) gets. */
  public static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    try {
      ec.responseSendError(404, "Not found");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** The address the request came from (for the audit trail and sign-in throttling). */
  public static String clientAddress() {
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return ClientAddresses.current().of((jakarta.servlet.http.HttpServletRequest) request);
  }

  public static Long parseId(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(id);
  }
}
