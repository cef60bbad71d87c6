package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The contacts list of the signed-in user's tenant. */
@Named
@ViewScoped
public class ContactsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Contacts contacts;

  private List<Contact> page;

  @PostConstruct
  void load() {
    page = contacts.page(200);
  }

  public List<Contact> getPage() {
    return page;
  }
}
