package in.picode.kretanote.contact.view;

import in.picode.kretanote.contact.boundary.ContactChangeRefusedException;
import in.picode.kretanote.contact.boundary.Contacts;
import in.picode.kretanote.contact.entity.CustomField;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.RowChoice;
import in.picode.kretanote.platform.view.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Settings, custom fields: the tenant's contact fields with how many contacts have a value, a form
 * that defines one, and a rename form or a delete confirmation opened by {@code ?rename=id} /
 * {@code ?delete=id}; an id of another tenant (or none) answers 404.
 */
@Named
@ViewScoped
public class CustomFieldsBean implements Serializable {

  private static final String T = "in.picode.kretanote.contact.view.ContactTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Contacts contacts;
  @Inject transient CurrentUser user;

  /** A field and how many contacts have a value for it. */
  public record Row(CustomField field, long contacts) {
    public CustomField getField() {
      return field;
    }

    public long getContacts() {
      return contacts;
    }
  }

  private final RowChoice choice = new RowChoice();
  private List<Row> rows = List.of();
  private Row selected;
  private String name;
  private CustomField.Type type = CustomField.Type.TEXT;
  private String newName;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    refresh();
    if (!choice.asked()) {
      return;
    }
    Long parsed = choice.id();
    selected = rows.stream().filter(r -> r.field().getId().equals(parsed)).findFirst().orElse(null);
    if (selected == null) {
      PageMessages.notFound();
      return;
    }
    newName = selected.field().getName();
  }

  private void refresh() {
    Map<Long, Long> usage = contacts.fieldUsage();
    rows =
        contacts.fields().stream().map(f -> new Row(f, usage.getOrDefault(f.getId(), 0L))).toList();
  }

  public void create() {
    if (PageMessages.attempt(
        ContactChangeRefusedException.class, () -> contacts.defineField(name, type, actor()))) {
      PageMessages.info(Texts.of(T, "fields.defined", name.strip()));
      name = null;
    }
    refresh();
  }

  public void saveName() {
    long id = selected.field().getId();
    if (PageMessages.attempt(
        ContactChangeRefusedException.class, () -> contacts.renameField(id, newName, actor()))) {
      PageMessages.info(Texts.of(T, "fields.renamed", newName.strip()));
      selected = null;
    }
    refresh();
  }

  public void confirmDelete() {
    long id = selected.field().getId();
    long[] values = {0};
    if (PageMessages.attempt(
        ContactChangeRefusedException.class, () -> values[0] = contacts.deleteField(id, actor()))) {
      PageMessages.info(Texts.of(T, "fields.deleted", values[0]));
      selected = null;
    }
    refresh();
  }

  private Contacts.Actor actor() {
    return new Contacts.Actor(user.getUserId(), user.getEmail(), user.getClientAddress());
  }

  public CustomField.Type[] getTypes() {
    return CustomField.Type.values();
  }

  public boolean isRenaming() {
    return selected != null && choice.renaming();
  }

  public boolean isDeleting() {
    return selected != null && !choice.renaming();
  }

  public RowChoice getChoice() {
    return choice;
  }

  public List<Row> getRows() {
    return rows;
  }

  public Row getSelected() {
    return selected;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public CustomField.Type getType() {
    return type;
  }

  public void setType(CustomField.Type type) {
    this.type = type;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
