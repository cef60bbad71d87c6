package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.CannedResponseRefusedException;
import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.Conversations.Actor;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Settings → Canned responses (OWNER and ADMIN, web.xml): the list, one form to add or edit, and
 * delete. The response being edited comes from {@code ?id=} and is looked up in the signed-in
 * tenant only (any other id is a 404); the id stays in the view, so a post cannot redirect the
 * change to another row.
 */
@Named
@ViewScoped
public class CannedResponsesBean implements Serializable {

  private static final String T = "in.picode.kretanote.messaging.view.WorkspaceTexts";

  private static final long serialVersionUID = 1L;

  @Inject transient CannedResponses canned;
  @Inject CurrentUser currentUser;

  private String id;
  private Long editing;
  private String shortcut;
  private String body;
  private List<CannedResponse> all = List.of();

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    if (id != null) {
      Long parsed = PageMessages.parseId(id);
      CannedResponse c = parsed == null ? null : canned.find(parsed).orElse(null);
      if (c == null) {
        PageMessages.notFound();
        return;
      }
      editing = c.getId();
      shortcut = c.getShortcut();
      body = c.getBody();
    }
    all = canned.all();
  }

  public void save() {
    Actor actor = actor();
    if (editing == null) {
      change(() -> canned.create(shortcut, body, actor), "canned.saved");
    } else {
      long id = editing;
      change(() -> canned.update(id, shortcut, body, actor), "canned.changed");
    }
  }

  public void delete(long responseId) {
    change(() -> canned.delete(responseId, actor()), "canned.deleted");
  }

  /**
   * Runs one change; success leaves the form for a new response (unless another one is being
   * edited), a refusal goes next to its field.
   */
  private void change(Supplier<CannedResponse> action, String doneKey) {
    try {
      CannedResponse c = action.get();
      PageMessages.info(Texts.of(T, doneKey, c.getShortcut()));
      if (editing == null || editing.equals(c.getId())) {
        cancel();
      }
    } catch (CannedResponseRefusedException e) {
      FacesContext.getCurrentInstance()
          .addMessage(
              e.field() == null ? null : "canned:" + e.field(),
              new FacesMessage(FacesMessage.SEVERITY_ERROR, Wordings.of(e), null));
    } catch (EJBException e) {
      PageMessages.error(PageMessages.ourFault());
    }
    all = canned.all();
  }

  /** Leaves editing: the form adds a new response again. */
  public void cancel() {
    editing = null;
    shortcut = null;
    body = null;
  }

  private Actor actor() {
    return new Actor(
        currentUser.getUserId(), currentUser.getEmail(), currentUser.getClientAddress());
  }

  public boolean isEditing() {
    return editing != null;
  }

  public List<CannedResponse> getAll() {
    return all;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getShortcut() {
    return shortcut;
  }

  public void setShortcut(String shortcut) {
    this.shortcut = shortcut;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }
}
