package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.ConversationChangeRefusedException;
import in.picode.kretanote.messaging.boundary.ConversationDetail;
import in.picode.kretanote.messaging.boundary.ConversationNotFoundException;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Conversations.Actor;
import in.picode.kretanote.messaging.boundary.MessageView;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.outbound.boundary.OutboundRefusedException;
import in.picode.kretanote.outbound.boundary.ReadReceipts;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.platform.view.Times;
import in.picode.kretanote.platform.view.UserZone;
import in.picode.kretanote.platform.view.Wordings;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One conversation: history a page at a time with day separators, the window countdown, assign,
 * labels, close / re-open / snooze. The id comes from the URL and is looked up inside the signed-in
 * user's tenant only: any other id is "not found" and changes nothing. The compose box is {@link
 * ComposeBean}'s and the private notes are {@link NotesBean}'s; both work on the conversation this
 * bean loaded. Showing the page changes nothing: the page marks the conversation read (and tells
 * Meta) in a postback it fires once shown ({@link #markRead}), never in the GET.
 */
@Named
@ViewScoped
public class ConversationBean implements Serializable {

  static final String BUNDLE = "in.picode.kretanote.messaging.view.ConversationTexts";

  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject transient Conversations conversations;
  @Inject transient TeamMembers team;
  @Inject transient ReadReceipts receipts;
  @Inject CurrentUser currentUser;
  @Inject UserZone userZone;

  private String id;
  private long conversationId;
  private ConversationDetail detail;
  private List<MessageView> messages = new ArrayList<>();
  private boolean older;
  private long latestMessageId;
  private Map<Long, String> names = new HashMap<>();
  private List<UserAccount> agents = List.of();
  private Long assignee;
  private String newLabel;
  private LocalDateTime snoozeUntil;

  /** Counts the reloads of the head, so the notes know when to read theirs again. */
  private int headVersion;

  /** The inbox's ?c=: a conversation only when one is asked for (an unknown one is not found). */
  public void loadIfAsked() {
    if (id != null && !id.isBlank()) {
      load();
    }
  }

  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    read(id);
  }

  /**
   * Opens another conversation in the same view (the inbox's centre pane, by AJAX): true when it
   * exists in this tenant; otherwise the panes show none and nothing changed.
   */
  boolean open(String requested) {
    id = requested;
    detail = null;
    conversationId = 0;
    messages = new ArrayList<>();
    newLabel = null;
    snoozeUntil = null;
    Long parsed = PageMessages.parseId(requested);
    if (parsed == null || conversations.find(parsed).isEmpty()) {
      return false;
    }
    read(requested);
    return detail != null;
  }

  private void read(String requested) {
    Long parsed = PageMessages.parseId(requested);
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
    } catch (OutboundRefusedException | GraphException e) {
      // Reading must never fail because Meta cannot be told.
    }
  }

  private void refreshHead() {
    detail = conversations.find(conversationId).orElseThrow();
    assignee = detail.conversation().getAssigneeId();
    headVersion++;
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

  /** After the compose box queued a message: the history and the head are read again. */
  void reload() {
    latestMessageId = -1;
    poll();
  }

  private List<MessageView> tail(int n) {
    return messages.subList(Math.max(0, messages.size() - n), messages.size());
  }

  public void assign() {
    change(c -> conversations.assign(c, assignee, actor()), Texts.of(BUNDLE, "conv.msg.assigned"));
  }

  public void assignToMe() {
    assignee = currentUser.getUserId();
    assign();
  }

  public void addLabel() {
    change(c -> conversations.label(c, newLabel), Texts.of(BUNDLE, "conv.msg.labelAdded"));
    newLabel = null;
  }

  public void removeLabel(String name) {
    change(c -> conversations.unlabel(c, name), Texts.of(BUNDLE, "conv.msg.labelRemoved"));
  }

  public void close() {
    change(c -> conversations.close(c, actor()), Texts.of(BUNDLE, "conv.msg.closed"));
  }

  public void reopen() {
    change(c -> conversations.reopen(c, actor()), Texts.of(BUNDLE, "conv.msg.reopened"));
  }

  /** The date picker's time is read in the user's zone. */
  public void snooze() {
    Instant until = snoozeUntil == null ? null : snoozeUntil.atZone(userZone.zone()).toInstant();
    change(c -> conversations.snooze(c, until, actor()), Texts.of(BUNDLE, "conv.msg.snoozed"));
  }

  /** Snooze presets: "1h", "tomorrow" (09:00 in the user's zone), "week" (7 days). */
  public void snoozeFor(String preset) {
    LocalDateTime now = LocalDateTime.now(userZone.zone());
    snoozeUntil =
        switch (preset) {
          case "1h" -> now.plusHours(1);
          case "tomorrow" -> now.toLocalDate().plusDays(1).atTime(9, 0);
          default -> now.plusDays(7);
        };
    snooze();
  }

  /**
   * Runs one change of this conversation through {@link Conversations} and reads the head again:
   * true when it went through; the boundary's refusal (its application exception, whose message is
   * written for the agent) becomes the page's error message.
   */
  boolean change(Consumer<Long> change, String done) {
    try {
      change.accept(conversationId);
    } catch (ConversationChangeRefusedException e) {
      PageMessages.error(Wordings.of(e));
      return false;
    } catch (ConversationNotFoundException e) {
      PageMessages.error(Texts.of(BUNDLE, "conv.msg.gone"));
      return false;
    }
    refreshHead();
    PageMessages.info(done);
    return true;
  }

  Actor actor() {
    return new Actor(
        currentUser.getUserId(), currentUser.getEmail(), currentUser.getClientAddress());
  }

  /** The conversation this page shows; 0 before {@link #load} found one. */
  long conversationId() {
    return conversationId;
  }

  int headVersion() {
    return headVersion;
  }

  /** True when {@code index} starts a new day (in the user's zone) in the list: a separator. */
  public boolean startsDay(int index) {
    if (index == 0) {
      return true;
    }
    return !day(messages.get(index)).equals(day(messages.get(index - 1)));
  }

  public LocalDate day(MessageView m) {
    return m.createdAt().atZone(userZone.zone()).toLocalDate();
  }

  /** The day separator: "Today", "Yesterday" or the date, in the page's language. */
  public String dayWords(MessageView m) {
    return Times.day(day(m), LocalDate.now(userZone.zone()), Texts.locale());
  }

  public String author(long userId) {
    return names.getOrDefault(userId, Texts.of(BUNDLE, "conv.formerMember"));
  }

  /** The customer-service window's remaining time in words, or why it is closed. */
  public String window() {
    Instant end = detail.conversation().getWindowExpiresAt();
    Instant now = Instant.now();
    if (end == null) {
      return Texts.of(BUNDLE, "window.notYet");
    }
    if (!now.isBefore(end)) {
      return Texts.of(BUNDLE, "window.closed");
    }
    java.time.Duration left = java.time.Duration.between(now, end);
    return Texts.of(
        BUNDLE,
        "window.open",
        String.valueOf(left.toHours()),
        String.valueOf(left.toMinutesPart()));
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

  public LocalDateTime getSnoozeUntil() {
    return snoozeUntil;
  }

  public void setSnoozeUntil(LocalDateTime snoozeUntil) {
    this.snoozeUntil = snoozeUntil;
  }
}
