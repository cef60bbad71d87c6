package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.boundary.AutomationRefusedException;
import in.picode.kretanote.automation.boundary.Macros;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The macro menu on the conversation page: the business's macros, each run on the conversation with
 * one click; what each action did (or why the guard refused a send) is shown.
 */
@Named
@ViewScoped
public class MacroMenuBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Macros macros;
  @Inject CurrentUser user;

  private List<AutomationRule> all;

  public List<AutomationRule> getAll() {
    if (all == null) {
      all = macros.all();
    }
    return all;
  }

  /**
   * Runs the macro, then shows the conversation afresh (labels, assignee and state in its head
   * changed), keeping the message of what was done.
   */
  public String run(long macroId, String conversationId) {
    Long conversation = PageMessages.parseId(conversationId);
    if (conversation == null) {
      PageMessages.error(AutomationLabels.text("macros.noConversation"));
      return null;
    }
    try {
      PageMessages.info(
          AutomationLabels.text(
              "macros.done", Wordings.of(macros.run(macroId, conversation, user.getUserId()))));
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/conversation?faces-redirect=true&id=" + conversation;
  }
}
