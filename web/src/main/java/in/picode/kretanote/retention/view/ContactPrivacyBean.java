package in.picode.kretanote.retention.view;

import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import in.picode.kretanote.retention.boundary.ContactPrivacy;
import in.picode.kretanote.retention.boundary.DataSubjectRequests;
import in.picode.kretanote.retention.boundary.Erasure;
import in.picode.kretanote.retention.boundary.PrivacyRefusedException;
import in.picode.kretanote.retention.boundary.RequestLogEntry;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Settings → Contact privacy (OWNER, ADMIN): the data-subject requests for one contact: export,
 * correction, erasure (confirmed by typing ERASE), automation opt-out and legal hold, and the log
 * of requests. An id that is not a contact of this tenant answers 404.
 */
@Named
@ViewScoped
public class ContactPrivacyBean implements Serializable {

  private static final String T = "in.picode.kretanote.retention.view.PrivacyTexts";

  private static final long serialVersionUID = 1L;
  static final String ERASE_WORD = "ERASE";

  @Inject transient DataSubjectRequests requests;
  @Inject CurrentUser currentUser;

  private String id;
  private long contactId;
  private ContactPrivacy contact;
  private List<RequestLogEntry> history;
  private String displayName;
  private String email;
  private String phone;
  private String eraseConfirmation;
  private boolean erased;

  public void load() throws IOException {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      notFound();
      return;
    }
    contactId = Long.parseLong(id);
    try {
      refresh();
    } catch (PrivacyRefusedException e) {
      notFound();
      return;
    }
    displayName = contact.displayName();
    email = contact.email();
    phone = contact.phone();
  }

  private void refresh() {
    contact = requests.contact(contactId);
    history = requests.history(contactId);
  }

  private static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(404, "No such contact");
    faces.responseComplete();
  }

  /** Streams the zip as a download. */
  public void export() {
    byte[] zip;
    try {
      zip = requests.export(contactId, Requesters.of(currentUser));
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return;
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    ec.responseReset();
    ec.setResponseContentType("application/zip");
    ec.setResponseContentLength(zip.length);
    ec.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"contact-" + contactId + "-export.zip\"");
    try {
      ec.getResponseOutputStream().write(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public void correct() {
    act(
        () -> {
          requests.correct(contactId, displayName, email, phone, Requesters.of(currentUser));
          return Texts.of(T, "contactPrivacy.corrected");
        });
  }

  public void erase() {
    if (!ERASE_WORD.equals(eraseConfirmation == null ? null : eraseConfirmation.strip())) {
      PageMessages.error(Texts.of(T, "contactPrivacy.erase.confirmFirst"));
      return;
    }
    try {
      Erasure done = requests.erase(contactId, Requesters.of(currentUser));
      erased = true;
      PageMessages.info(Texts.of(T, "contactPrivacy.erased", done.messages(), done.mediaFiles()));
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
    }
  }

  public void automation(boolean optOut) {
    act(
        () -> {
          requests.setAutomationOptOut(contactId, optOut, Requesters.of(currentUser));
          return optOut
              ? Texts.of(T, "contactPrivacy.automation.off")
              : Texts.of(T, "contactPrivacy.automation.on");
        });
  }

  public void hold(boolean on) {
    act(
        () -> {
          requests.setLegalHold(contactId, on, Requesters.of(currentUser));
          return on ? Texts.of(T, "contactPrivacy.hold.on") : Texts.of(T, "privacy.hold.lifted");
        });
  }

  private void act(Supplier<String> work) {
    try {
      PageMessages.info(work.get());
    } catch (PrivacyRefusedException e) {
      PageMessages.error(Wordings.of(e));
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
    }
    refresh();
  }

  public boolean isErased() {
    return erased;
  }

  public ContactPrivacy getContact() {
    return contact;
  }

  public List<RequestLogEntry> getHistory() {
    return history;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEraseConfirmation() {
    return eraseConfirmation;
  }

  public void setEraseConfirmation(String eraseConfirmation) {
    this.eraseConfirmation = eraseConfirmation;
  }
}
