package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.outbound.boundary.Attachment;
import in.picode.kretanote.outbound.boundary.MediaUploads;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.outbound.boundary.TemplateValues;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.primefaces.model.file.UploadedFile;

/**
 * The compose box of the conversation {@link ConversationBean} shows: text (with emoji and canned
 * responses typed as {@code /shortcut}), an attached file with a caption, or an approved template.
 * All three share the form's idempotency key, rendered into the form, so a double submit carries
 * one key and sends once. A refusal comes back as a {@link SendResult} (or the boundary's {@link
 * OutboundRefusedException}) and is shown in its words; nothing was queued then.
 */
@Named
@ViewScoped
public class ComposeBean implements Serializable {

  static final String BUNDLE = "in.picode.kretanote.messaging.view.ConversationTexts";

  private static final long serialVersionUID = 1L;

  /** The most a WhatsApp text holds. */
  static final int TEXT_MAX = 4096;

  @Inject ConversationBean conversation;
  @Inject transient Sending sending;
  @Inject transient MediaUploads uploads;
  @Inject transient Templates templateCatalog;
  @Inject transient CannedResponses canned;

  private Long sendingId;

  private String reply;
  private String composeKey = newKey();
  private String template;
  private String templateValues;
  private String templateMedia;

  /** The number's approved templates, read once per view (null until first asked for). */
  private List<MessageTemplate> templates;

  /** The attachment of the current post only; read from its temporary file, never kept. */
  private transient UploadedFile attachment;

  private String caption;

  /** Another conversation was opened in the same page (the inbox's centre pane): a fresh box. */
  void reset() {
    reply = null;
    composeKey = newKey();
    template = null;
    templateValues = null;
    templates = null;
    caption = null;
    attachment = null;
    quoting = null;
  }

  /** The message the next text replies to (WhatsApp shows it quoted above); null for none. */
  private Long quoting;

  public void quote(long messageId) {
    quoting = messageId;
  }

  public void stopQuoting() {
    quoting = null;
  }

  public Long getQuoting() {
    return quoting;
  }

  /** The start of the quoted message as the history shows it; empty when it is not shown. */
  public String getQuotedText() {
    if (quoting == null) {
      return "";
    }
    return conversation.getMessages().stream()
        .filter(m -> m.id() == quoting)
        .findFirst()
        .map(m -> m.text() == null ? MessageView.describeType(m.type()) : m.text())
        .map(t -> t.length() > 120 ? t.substring(0, 120) + "…" : t)
        .orElse("");
  }

  /** Sends the compose box's text (inside the 24-hour window), quoting a message if chosen. */
  public void send() {
    if (reply == null || reply.isBlank()) {
      PageMessages.error(Texts.of(BUNDLE, "conv.msg.writeFirst"));
      return;
    }
    if (reply.length() > TEXT_MAX) {
      PageMessages.error(Texts.of(BUNDLE, "conv.msg.tooLong"));
      return;
    }
    Long quoted = quoting;
    long id = conversation.conversationId();
    if (queued(
        () ->
            quoted == null
                ? sending.sendText(id, composeKey, reply)
                : sending.sendReply(id, composeKey, reply, quoted))) {
      reply = null;
      quoting = null;
    }
  }

  /**
   * Sends the attached file with the same key as a text: Meta's type and size rules, the guard and
   * the upload are {@link MediaUploads}'s; the file is streamed from the request's temporary file.
   */
  public void sendAttachment() {
    if (attachment == null || attachment.getSize() == 0) {
      PageMessages.error(Texts.of(BUNDLE, "conv.msg.chooseFile"));
      return;
    }
    UploadedFile file = attachment;
    String text = caption == null || caption.isBlank() ? null : caption.strip();
    Attachment sent =
        new Attachment(
            baseName(file.getFileName()),
            file.getContentType(),
            file.getSize(),
            text,
            file::getInputStream);
    if (queued(() -> uploads.send(conversation.conversationId(), composeKey, sent))) {
      caption = null;
    }
    attachment = null;
  }

  /** The file name without any folder a browser may send along, at most 240 characters. */
  static String baseName(String fileName) {
    String n = fileName == null ? "" : fileName;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).strip();
    if (n.isEmpty()) {
      return "file";
    }
    return n.length() <= 240 ? n : n.substring(n.length() - 240);
  }

  /** Sends the chosen approved template with one value per line for its body placeholders. */
  public void sendTemplate() {
    int bar = template == null ? -1 : template.lastIndexOf('|');
    if (bar <= 0) {
      PageMessages.error(Texts.of(BUNDLE, "conv.msg.chooseTemplate"));
      return;
    }
    String name = template.substring(0, bar);
    String language = template.substring(bar + 1);
    List<String> values =
        templateValues == null
            ? List.of()
            : templateValues.lines().map(String::strip).filter(v -> !v.isEmpty()).toList();
    long id = conversation.conversationId();
    // Values beyond the body's go to the buttons that take one; the header's media by its kind.
    MessageTemplate chosen =
        getTemplates().stream()
            .filter(t -> t.getName().equals(name) && t.getLanguage().equals(language))
            .findFirst()
            .orElse(null);
    TemplateValues split =
        chosen == null
            ? new TemplateValues(values, Map.of())
            : TemplateValues.split(chosen, values);
    String mediaKind = chosen == null ? null : TemplateValues.headerMedia(chosen);
    if (queued(
        () ->
            sending.sendTemplate(
                id,
                composeKey,
                name,
                language,
                split.body(),
                split.buttons(),
                mediaKind,
                templateMedia))) {
      template = null;
      templateValues = null;
      templateMedia = null;
    }
  }

  /**
   * Turns the boundary's answer into the page's message: a refusal in its own words, else
   * "Sending…" (or "Already sent." for a repeated key), a fresh key for the next message and the
   * history read again.
   */
  public boolean queued(Supplier<SendResult> send) {
    SendResult result;
    try {
      result = send.get();
    } catch (OutboundRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return false;
    }
    if (!result.isQueued()) {
      refused(result);
      return false;
    }
    composeKey = newKey();
    conversation.reload();
    if (result.duplicate()) {
      PageMessages.info(Texts.of(BUNDLE, "conv.msg.alreadySent"));
    } else {
      sendingId = result.messageId();
    }
    return true;
  }

  /**
   * A refusal on the page: each problem Meta would have with the message's shape in the user's
   * language (all at once), else the boundary's reason.
   */
  static void refused(SendResult result) {
    if (result.problems().isEmpty()) {
      PageMessages.error(Wordings.of(result.refusalWording()));
      return;
    }
    for (SendResult.Problem p : result.problems()) {
      // Every code has its key in every locale (RichComposeBeanTest).
      String key = "compose.problem." + p.code();
      PageMessages.error(Texts.of(BUNDLE, key, p.args().toArray()));
    }
  }

  /**
   * "Sending…" under the history while the message just sent still waits for Meta. It is part of
   * the history the poll and the live inbox redraw, so it goes as soon as the message shows Sent,
   * Delivered or Read (a page message stayed until the next post).
   */
  public boolean isSending() {
    return stillSending(sendingId, conversation.getMessages());
  }

  static boolean stillSending(Long id, List<MessageView> shown) {
    if (id == null) {
      return false;
    }
    return shown.stream()
        .filter(m -> m.id() == id)
        .findFirst()
        .map(m -> "PENDING".equals(m.status()))
        .orElse(false);
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  /**
   * The reply box's completion: for a word {@code /gr…} at the caret, the bodies of the canned
   * responses whose shortcut starts so; choosing one replaces the word with the body. Other words
   * complete to nothing.
   */
  public List<String> completeCanned(String query) {
    if (query == null || query.length() < 2 || query.charAt(0) != '/') {
      return List.of();
    }
    return canned.search(query).stream().map(CannedResponse::getBody).toList();
  }

  /** Common emoji for the picker beside the reply box. */
  public List<String> getEmoji() {
    return EMOJI;
  }

  static final List<String> EMOJI =
      List.of(
          "😀", "😂", "😊", "😍", "😉", "😎", "🤔", "😅", "😢", "😮", "🙏", "👍", "👎", "👌", "👏",
          "🙌", "💪", "👋", "❤️", "💚", "🎉", "✨", "🔥", "⭐", "✅", "❌", "⏰", "📅", "📦", "🚚", "💳",
          "🧾", "📍", "📞", "☕", "🍽️", "🎁", "🌞");

  /** The approved templates of the conversation's number (read once, when first shown). */
  public List<MessageTemplate> getTemplates() {
    if (templates == null) {
      templates =
          conversation.getDetail() == null
              ? List.of()
              : templateCatalog
                  .of(conversation.getDetail().conversation().getConnectionId())
                  .stream()
                  .filter(t -> "APPROVED".equals(t.getStatus()))
                  .toList();
    }
    return templates;
  }

  public String getReply() {
    return reply;
  }

  public void setReply(String reply) {
    this.reply = reply;
  }

  public String getComposeKey() {
    return composeKey;
  }

  /** Accepts only a key of the form this bean renders; anything else keeps the current one. */
  public void setComposeKey(String key) {
    if (key != null && key.matches("[0-9a-f-]{36}")) {
      this.composeKey = key;
    }
  }

  public UploadedFile getAttachment() {
    return attachment;
  }

  public void setAttachment(UploadedFile attachment) {
    this.attachment = attachment;
  }

  public String getCaption() {
    return caption;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getTemplateMedia() {
    return templateMedia;
  }

  public void setTemplateMedia(String templateMedia) {
    this.templateMedia = templateMedia;
  }

  public String getTemplateValues() {
    return templateValues;
  }

  public void setTemplateValues(String templateValues) {
    this.templateValues = templateValues;
  }
}
