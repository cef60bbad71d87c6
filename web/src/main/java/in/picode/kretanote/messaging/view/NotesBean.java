package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.ConversationNote;
import in.picode.kretanote.platform.view.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The private notes of the conversation {@link ConversationBean} shows: only the team sees them,
 * they are never sent to the customer. The list is read again whenever the conversation's head is
 * (a change, a poll that found news), so a colleague's note shows with the next change.
 */
@Named
@ViewScoped
public class NotesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConversationBean conversation;
  @Inject transient Conversations conversations;

  private List<ConversationNote> notes = List.of();
  private int readAt = -1;
  private String note;

  public List<ConversationNote> getNotes() {
    if (conversation.getDetail() == null) {
      return List.of();
    }
    if (readAt != conversation.headVersion()) {
      notes = conversations.notes(conversation.conversationId());
      readAt = conversation.headVersion();
    }
    return notes;
  }

  public void addNote() {
    if (conversation.change(
        c -> conversations.addNote(c, note, conversation.actor()),
        Texts.of(ConversationBean.BUNDLE, "conv.msg.noteSaved"))) {
      note = null;
    }
  }

  /**
   * The note's author by name (someone who left the team is "a former team member"), or "via API
   * key ‹name›" for a note written through the public API.
   */
  public String author(ConversationNote n) {
    if (n.getApiKeyName() != null) {
      return java.text.MessageFormat.format(
          java.util.ResourceBundle.getBundle(
                  "in.picode.kretanote.messaging.view.ConversationTexts",
                  jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale())
              .getString("note.viaApiKey"),
          n.getApiKeyName());
    }
    return conversation.author(n.getAuthorId());
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
