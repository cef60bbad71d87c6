package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.ConversationChangeRefusedException;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Labels;
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

/**
 * Settings, labels: the list with how many conversations carry each, a create form, and a rename
 * form or a delete confirmation opened by {@code ?rename=id} / {@code ?delete=id}. An id of another
 * tenant (or none) answers 404, so the forms only ever hold one of this tenant's labels.
 */
@Named
@ViewScoped
public class LabelsBean implements Serializable {

  private static final String T = "in.picode.kretanote.messaging.view.WorkspaceTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient Labels labels;
  @Inject transient CurrentUser user;

  private final RowChoice choice = new RowChoice();
  private List<Labels.Usage> rows = List.of();
  private Labels.Usage selected;
  private String name;
  private String newName;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    rows = labels.all();
    if (!choice.asked()) {
      return;
    }
    Long parsed = choice.id();
    selected = parsed == null ? null : labels.find(parsed).orElse(null);
    if (selected == null) {
      PageMessages.notFound();
      return;
    }
    newName = selected.label().getName();
  }

  public void create() {
    if (PageMessages.attempt(
        ConversationChangeRefusedException.class, () -> labels.create(name, actor()))) {
      PageMessages.info(Texts.of(T, "labels.created", name.strip()));
      name = null;
    }
    rows = labels.all();
  }

  public void saveName() {
    long id = selected.label().getId();
    if (PageMessages.attempt(
        ConversationChangeRefusedException.class, () -> labels.rename(id, newName, actor()))) {
      PageMessages.info(Texts.of(T, "labels.renamed", newName.strip()));
      selected = null;
    }
    rows = labels.all();
  }

  public void confirmDelete() {
    long id = selected.label().getId();
    long[] carried = {0};
    if (PageMessages.attempt(
        ConversationChangeRefusedException.class, () -> carried[0] = labels.delete(id, actor()))) {
      PageMessages.info(Texts.of(T, "labels.deleted", carried[0]));
      selected = null;
    }
    rows = labels.all();
  }

  private Conversations.Actor actor() {
    return new Conversations.Actor(user.getUserId(), user.getEmail(), user.getClientAddress());
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

  public List<Labels.Usage> getRows() {
    return rows;
  }

  public Labels.Usage getSelected() {
    return selected;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
