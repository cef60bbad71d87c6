package in.picode.kretanote.messaging.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The inbox's three panes: opens another conversation in the centre and right panes of the same
 * view (js/workplace.js calls {@link #open} with {@code c}, then pushes {@code ?c=} onto the
 * history), so the list keeps its filters, page and scroll position. Opening is a postback, so it
 * also marks the conversation read, as the page's own postback does after a GET.
 */
@Named
@ViewScoped
public class WorkplaceBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConversationBean conversation;
  @Inject ComposeBean compose;

  /** True once a conversation was opened by AJAX (the panes then need no read-marking postback). */
  private boolean opened;

  public void open() {
    String c =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("c");
    compose.reset();
    opened = true;
    if (conversation.open(c)) {
      conversation.markRead();
    }
  }

  public boolean isOpened() {
    return opened;
  }
}
