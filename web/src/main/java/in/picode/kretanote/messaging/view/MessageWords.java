package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.platform.view.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message's kind, delivery status and download state in the page's language, looked up by the
 * stable code the ejb side keeps ({@code MessageView.type/status/mediaState}), so the conversation
 * history shows them from ConversationTexts ({@code message.type.*}, {@code message.status.*},
 * {@code message.media.*}) instead of the English words of {@code MessageView.typeWords()} etc.
 */
@Named("messageWords")
@ApplicationScoped
public class MessageWords {

  static final String TEXTS = "in.picode.kretanote.messaging.view.ConversationTexts";

  /** "📷 Photo" for {@code image}; an unknown kind shows as "Message (kind)". */
  public String type(String type) {
    return type(bundle(), type);
  }

  /** "Delivered" for {@code DELIVERED}; empty for no or an unknown status. */
  public String status(String status) {
    return status(bundle(), status);
  }

  /** "Downloaded" for {@code DOWNLOADED}; empty for no or an unknown state. */
  public String mediaState(String state) {
    return mediaState(bundle(), state);
  }

  /** The inbox line's preview: the text, or the kind in words; "You: …" for the business's own. */
  public String preview(InboxRow row) {
    return preview(bundle(), row.lastDirection(), row.lastType(), row.lastText());
  }

  static String preview(ResourceBundle texts, String direction, String type, String text) {
    if (type == null) {
      return "";
    }
    String body = text != null && !text.isEmpty() ? text : type(texts, type);
    return "OUTBOUND".equals(direction)
        ? new MessageFormat(texts.getString("message.preview.you"), texts.getLocale())
            .format(new Object[] {body})
        : body;
  }

  static String type(ResourceBundle texts, String type) {
    String code = type == null ? "" : type.equals("button") ? "interactive" : type;
    String known = find(texts, "message.type." + code);
    return known != null
        ? known
        : new MessageFormat(texts.getString("message.type.other"), texts.getLocale())
            .format(new Object[] {code});
  }

  static String status(ResourceBundle texts, String status) {
    String known = status == null ? null : find(texts, "message.status." + status);
    return known == null ? "" : known;
  }

  static String mediaState(ResourceBundle texts, String state) {
    String known = state == null ? null : find(texts, "message.media." + state);
    return known == null ? "" : known;
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(TEXTS, locale);
  }

  private static ResourceBundle bundle() {
    return bundle(Texts.locale());
  }

  private static String find(ResourceBundle texts, String key) {
    try {
      return texts.getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
