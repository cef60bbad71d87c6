package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.ContactNotFoundException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.view.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** One contact: details, tags, custom field values and conversations; the id is tenant-checked. */
@Named
@ViewScoped
public class ContactBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Contacts contacts;
  @Inject transient Conversations conversations;

  private String id;
  private long contactId;
  private Contact contact;
  private List<String> tags = List.of();
  private Map<String, String> values = Map.of();
  private List<CustomField> fields = List.of();
  private List<Conversation> history = List.of();
  private String newTag;
  private Long fieldId;
  private String fieldValue;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Long parsed = PageMessages.parseId(id);
    contact = parsed == null ? null : contacts.find(parsed).orElse(null);
    if (contact == null) {
      PageMessages.notFound();
      return;
    }
    contactId = parsed;
    refresh();
  }

  private void refresh() {
    contact = contacts.get(contactId);
    tags = contacts.tags(contactId);
    fields = contacts.fields();
    values = contacts.fieldValues(contactId);
    history = conversations.ofContact(contactId);
  }

  public void addTag() {
    act(() -> contacts.tag(contactId, newTag), "Tag added.");
    newTag = null;
  }

  public void removeTag(String tag) {
    act(() -> contacts.untag(contactId, tag), "Tag removed.");
  }

  public void saveField() {
    if (fieldId == null) {
      PageMessages.error("Choose a field.");
      return;
    }
    act(() -> contacts.setField(contactId, fieldId, fieldValue), "Saved.");
    fieldValue = null;
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      refresh();
      PageMessages.info(done);
    } catch (ContactChangeRefusedException e) {
      PageMessages.error(e.getMessage());
    } catch (ContactNotFoundException e) {
      PageMessages.error("This contact does not exist any more.");
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Contact getContact() {
    return contact;
  }

  public List<String> getTags() {
    return tags;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public List<CustomField> getFields() {
    return fields;
  }

  public List<Conversation> getHistory() {
    return history;
  }

  public String getNewTag() {
    return newTag;
  }

  public void setNewTag(String newTag) {
    this.newTag = newTag;
  }

  public Long getFieldId() {
    return fieldId;
  }

  public void setFieldId(Long fieldId) {
    this.fieldId = fieldId;
  }

  public String getFieldValue() {
    return fieldValue;
  }

  public void setFieldValue(String fieldValue) {
    this.fieldValue = fieldValue;
  }
}
