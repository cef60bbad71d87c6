package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.CannedResponses;
import in.picode.kretanote.messaging.boundary.ConversationChangeRefusedException;
import in.picode.kretanote.messaging.boundary.ConversationDetail;
import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Conversations.Actor;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.messaging.entity.ConversationNote;
import in.picode.kretanote.outbound.boundary.Attachment;
import in.picode.kretanote.outbound.boundary.MediaUploads;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.ReadReceipts;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.outbound.boundary.Templates;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.tenant.boundary.TeamMembers;
import in.picode.kretanote.tenant.entity.UserAccount;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.primefaces.model.file.UploadedFile;

/**
 * One conversation: history a page at a time with day separators, the window countdown, assign,
 * labels, close / re-open / snooze and private notes. The id comes from the URL and is looked up
 * inside the signed-in user's tenant only: any other id is "not found" and changes nothing. The
 * compose box sends text (with emoji and canned responses typed as {@code /shortcut}), an attached
 * file with a caption, or a template; all three share the form's idempotency key. Showing the page
 * changes nothing: the page marks the conversation read (and tells Meta) in a postback it fires
 * once shown ({@link #markRead}), never in the GET.
 */
@Named
@ViewScoped
public class ConversationBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject transient Conversations conversations;
  @Inject transient TeamMembers team;
  @Inject transient Sending sending;
  @Inject transient MediaUploads uploads;
  @Inject transient ReadReceipts receipts;
  @Inject transient Templates templateCatalog;
  @Inject transient CannedResponses canned;
  @Inject CurrentUser currentUser;

  private String id;
  private long conversationId;
  private ConversationDetail detail;
  private List<MessageView> messages = new ArrayList<>();
  private boolean older;
  private long latestMessageId;
  private List<ConversationNote> notes = List.of();
  private Map<Long, String> names = new HashMap<>();
  private List<UserAccount> agents = List.of();
  private Long assignee;
  private String newLabel;
  private String note;
  private LocalDateTime snoozeUntil;

  /** The compose box; its key is rendered into the form, so a double submit carries one key. */
  private String reply;

  private String composeKey = newKey();
  private String template;
  private String templateValues;
  private List<MessageTemplate> templates = List.of();

  /** The attachment of the current post only; read from its temporary file, never kept. */
  private transient UploadedFile attachment;

  private String caption;

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Long parsed = PageMessages.parseId(id);
    detail = parsed == null ? null : conversations.find(parsed).orElse(null);
    if (detail == null) {
      PageMessages.notFound();
      return;
    }
    conversationId = parsed;
    agents = team.members().stream().filter(u -> "ACTIVE".equals(u.getStatus().name())).toList();
    agents.forEach(u -> names.put(u.getId(), u.getDisplayName()));
    messages = new ArrayList<>(conversations.messages(conversationId, null, PAGE));
    older = messages.size() == PAGE;
    latestMessageId = conversations.latestMessageId(conversationId);
    refreshHead();
    templates =
        templateCatalog.of(detail.conversation().getConnectionId()).stream()
            .filter(t -> "APPROVED".equals(t.getStatus()))
            .toList();
  }

  /**
   * Marks the conversation read and sends the blue ticks to Meta: a postback the page fires once
   * shown, so a GET (a prefetch, a link preview, a forged image) changes nothing. A number that
   * cannot send simply does not mark.
   */
  public void markRead() {
    if (detail == null) {
      return;
    }
    conversations.markRead(conversationId);
    try {
      receipts.markRead(conversationId);
    } catch (RuntimeException e) {
      // Reading must never fail because Meta cannot be told.
    }
  }

  /** Sends the compose box's text (inside the 24-hour window). */
  public void send() {
    if (reply == null || reply.isBlank()) {
      PageMessages.error("Write a message first.");
      return;
    }
    if (reply.length() > 4096) {
      PageMessages.error("A WhatsApp message holds at most 4,096 characters.");
      return;
    }
    if (queued(() -> sending.sendText(conversationId, composeKey, reply))) {
      reply = null;
    }
  }

  /**
   * Sends the attached file with the same key as a text: Meta's type and size rules, the guard and
   * the upload are {@link MediaUploads}'s; the file is streamed from the request's temporary file.
   */
  public void sendAttachment() {
    if (attachment == null || attachment.getSize() == 0) {
      PageMessages.error("Choose a file to send.");
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
    if (queued(() -> uploads.send(conversationId, composeKey, sent))) {
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

  /** Sends the chosen approved template with one value per line for its body placeholders. */
  public void sendTemplate() {
    int bar = template == null ? -1 : template.lastIndexOf('|');
    if (bar <= 0) {
      PageMessages.error("Choose a template first.");
      return;
    }
    String name = template.substring(0, bar);
    String language = template.substring(bar + 1);
    List<String> values =
        templateValues == null
            ? List.of()
            : templateValues.lines().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (queued(
        () ->
            sending.sendTemplate(
                conversationId, composeKey, name, language, List.of(), values, Map.of()))) {
      template = null;
      templateValues = null;
    }
  }

  private boolean queued(java.util.function.Supplier<SendResult> send) {
    SendResult result;
    try {
      result = send.get();
    } catch (OutboundRefusedException e) {
      PageMessages.error(e.getMessage());
      return false;
    } catch (jakarta.ejb.EJBException e) {
      PageMessages.error(
          e.getCause() instanceof IllegalArgumentException bad
              ? bad.getMessage()
              : PageMessages.OUR_FAULT);
      return false;
    } catch (IllegalArgumentException e) {
      PageMessages.error(e.getMessage());
      return false;
    }
    if (!result.isQueued()) {
      PageMessages.error(result.refusalReason());
      return false;
    }
    composeKey = newKey();
    latestMessageId = -1;
    poll();
    PageMessages.info(result.duplicate() ? "Already sent." : "Sending…");
    return true;
  }

  private static String newKey() {
    return java.util.UUID.randomUUID().toString();
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

  public String getTemplateValues() {
    return templateValues;
  }

  public void setTemplateValues(String templateValues) {
    this.templateValues = templateValues;
  }

  public List<MessageTemplate> getTemplates() {
    return templates;
  }

  private void refreshHead() {
    detail = conversations.find(conversationId).orElseThrow();
    assignee = detail.conversation().getAssigneeId();
    notes = conversations.notes(conversationId);
  }

  public void loadOlder() {
    if (messages.isEmpty()) {
      return;
    }
    List<MessageView> page = conversations.messages(conversationId, messages.get(0).id(), PAGE);
    older = page.size() == PAGE;
    messages.addAll(0, page);
  }

  /** The poll: reloads the latest page only when a message arrived or a tick moved. */
  public void poll() {
    long latest = conversations.latestMessageId(conversationId);
    List<MessageView> fresh = conversations.messages(conversationId, null, PAGE);
    if (latest != latestMessageId || !fresh.equals(tail(fresh.size()))) {
      latestMessageId = latest;
      messages = new ArrayList<>(fresh);
      older = fresh.size() == PAGE;
      conversations.markRead(conversationId);
      refreshHead();
    }
  }

  private List<MessageView> tail(int n) {
    return messages.subList(Math.max(0, messages.size() - n), messages.size());
  }

  public void assign() {
    act(c -> conversations.assign(c, assignee, actor()), "Assigned.");
  }

  public void assignToMe() {
    assignee = currentUser.getUserId();
    assign();
  }

  public void addLabel() {
    act(c -> conversations.label(c, newLabel), "Label added.");
    newLabel = null;
  }

  public void removeLabel(String name) {
    act(c -> conversations.unlabel(c, name), "Label removed.");
  }

  public void close() {
    act(c -> conversations.close(c, actor()), "Closed.");
  }

  public void reopen() {
    act(c -> conversations.reopen(c, actor()), "Re-opened.");
  }

  public void snooze() {
    Instant until = snoozeUntil == null ? null : snoozeUntil.toInstant(ZoneOffset.UTC);
    act(c -> conversations.snooze(c, until, actor()), "Snoozed.");
  }

  /** Snooze presets: "1h", "tomorrow" (09:00 UTC), "week" (7 days). */
  public void snoozeFor(String preset) {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    snoozeUntil =
        switch (preset) {
          case "1h" -> now.plusHours(1);
          case "tomorrow" -> now.toLocalDate().plusDays(1).atTime(9, 0);
          default -> now.plusDays(7);
        };
    snooze();
  }

  public void addNote() {
    act(c -> conversations.addNote(c, note, actor()), "Note saved (only your team sees it).");
    if (!FacesContext.getCurrentInstance().isValidationFailed()
        && FacesContext.getCurrentInstance().getMessageList().stream()
            .noneMatch(m -> m.getSeverity().getOrdinal() >= 2)) {
      note = null;
    }
  }

  private void act(Consumer<Long> change, String done) {
    try {
      change.accept(conversationId);
      refreshHead();
      PageMessages.info(done);
    } catch (ConversationChangeRefusedException e) {
      PageMessages.error(e.getMessage());
    } catch (ConversationNotFoundException e) {
      PageMessages.error("This conversation does not exist any more.");
    } catch (RuntimeException e) {
      PageMessages.error(PageMessages.OUR_FAULT);
    }
  }

  private Actor actor() {
    return new Actor(
        currentUser.getUserId(), currentUser.getEmail(), currentUser.getClientAddress());
  }

  /** True when {@code index} starts a new UTC day in the list (a day separator goes before it). */
  public boolean startsDay(int index) {
    if (index == 0) {
      return true;
    }
    return !day(messages.get(index)).equals(day(messages.get(index - 1)));
  }

  public LocalDate day(MessageView m) {
    return m.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  public String author(long userId) {
    return names.getOrDefault(userId, "A former team member");
  }

  public String window() {
    return detail.windowWords(Instant.now());
  }

  public boolean isWindowOpen() {
    return detail.conversation().isWindowOpen(Instant.now());
  }

  public boolean isClosed() {
    return detail.conversation().getStatus().name().equals("CLOSED");
  }

  public boolean isSnoozed() {
    return detail.conversation().isSnoozed(Instant.now());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public ConversationDetail getDetail() {
    return detail;
  }

  public List<MessageView> getMessages() {
    return messages;
  }

  public boolean isOlder() {
    return older;
  }

  public List<ConversationNote> getNotes() {
    return notes;
  }

  public List<UserAccount> getAgents() {
    return agents;
  }

  public Long getAssignee() {
    return assignee;
  }

  public void setAssignee(Long assignee) {
    this.assignee = assignee;
  }

  public String getNewLabel() {
    return newLabel;
  }

  public void setNewLabel(String newLabel) {
    this.newLabel = newLabel;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public LocalDateTime getSnoozeUntil() {
    return snoozeUntil;
  }

  public void setSnoozeUntil(LocalDateTime snoozeUntil) {
    this.snoozeUntil = snoozeUntil;
  }
}
