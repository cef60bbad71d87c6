package in.picode.kretanote.messaging.view;

import in.picode.kretanote.connection.boundary.WhatsAppConnections;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.Inbox;
import in.picode.kretanote.messaging.boundary.Inbox.Cursor;
import in.picode.kretanote.messaging.boundary.Inbox.Owner;
import in.picode.kretanote.messaging.boundary.Inbox.State;
import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.messaging.entity.Label;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.routing.view.TeamFilter;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The inbox: filters, keyset pages (a stack of cursors for "newer"), and the poll that notices new
 * activity without reloading. The poll asks one indexed count; only when something changed is the
 * page read again, and the browser title shows how many conversations moved since the agent last
 * looked (and, when the agent turned the sound on in this browser, a tone plays; see {@code
 * js/inbox-alerts.js}).
 */
@Named
@ViewScoped
public class InboxBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE = 25;

  @Inject transient Inbox inbox;
  @Inject transient Conversations conversations;
  @Inject CurrentUser currentUser;
  @Inject TeamFilter teamFilter;
  @Inject transient WhatsAppConnections connections;

  private Owner owner = Owner.ALL;
  private State state = State.OPEN;
  private Long labelId;
  private Long connectionId;
  private List<NumberOption> numbers = List.of();
  private String search;
  private List<InboxRow> rows = List.of();
  private final Deque<Cursor> previous = new ArrayDeque<>();
  private Cursor current;
  private boolean more;
  private Instant seenUntil;
  private long newSinceLook;
  private List<Label> labels = List.of();

  @PostConstruct
  void init() {
    labels = conversations.allLabels();
    numbers = connections.list().stream().map(NumberOption::of).toList();
    seenUntil = inbox.latestActivity();
    load();
  }

  public void filter() {
    previous.clear();
    current = null;
    load();
  }

  public void next() {
    if (!more || rows.isEmpty()) {
      return;
    }
    previous.push(current == null ? new Cursor(null, 0) : current);
    InboxRow last = rows.get(rows.size() - 1);
    current = new Cursor(last.lastActivityAt(), last.id());
    load();
  }

  public void newer() {
    if (previous.isEmpty()) {
      return;
    }
    Cursor c = previous.pop();
    current = c.lastActivityAt() == null ? null : c;
    load();
  }

  /** The poll: cheap check, then a reload of the first page when anything moved. */
  public void poll() {
    long changed = inbox.changedSince(seenUntil);
    if (changed > 0) {
      newSinceLook += changed;
      seenUntil = inbox.latestActivity();
      if (current == null) {
        load();
      }
    }
    PrimeFaces.current()
        .executeScript("KretaNoteInbox.update(" + newSinceLook + "," + Math.max(0, changed) + ")");
  }

  public void acknowledge() {
    newSinceLook = 0;
    PrimeFaces.current().executeScript("KretaNoteInbox.update(0,0)");
  }

  private void load() {
    List<InboxRow> page =
        inbox.page(
            currentUser.getUserId(),
            owner,
            state,
            labelId,
            connectionId,
            teamFilter.teamIds(),
            search,
            current,
            PAGE + 1);
    more = page.size() > PAGE;
    rows = more ? page.subList(0, PAGE) : page;
  }

  public List<InboxRow> getRows() {
    return rows;
  }

  /** Conversations on this page with unread messages (shown next to the title). */
  public long getUnreadConversations() {
    return rows.stream().filter(r -> r.unread() > 0).count();
  }

  public boolean isMore() {
    return more;
  }

  public boolean isFirstPage() {
    return previous.isEmpty();
  }

  public long getNewSinceLook() {
    return newSinceLook;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner == null ? Owner.ALL : owner;
  }

  public State getState() {
    return state;
  }

  public void setState(State state) {
    this.state = state == null ? State.OPEN : state;
  }

  public Long getLabelId() {
    return labelId;
  }

  public void setLabelId(Long labelId) {
    this.labelId = labelId;
  }

  /** One of the business's numbers in the filter: "+49 30 1234 (Shop name)". */
  public record NumberOption(long id, String label) implements Serializable {
    static NumberOption of(WhatsAppConnection c) {
      String number =
          c.getDisplayPhoneNumber() == null ? "#" + c.getId() : c.getDisplayPhoneNumber();
      return new NumberOption(
          c.getId(),
          c.getVerifiedName() == null ? number : number + " (" + c.getVerifiedName() + ")");
    }
  }

  public Long getConnectionId() {
    return connectionId;
  }

  public void setConnectionId(Long connectionId) {
    this.connectionId = connectionId;
  }

  /** The business's numbers; the filter shows when there are several. */
  public List<NumberOption> getNumbers() {
    return numbers;
  }

  public boolean isSeveralNumbers() {
    return numbers.size() > 1;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search == null || search.length() <= 100 ? search : search.substring(0, 100);
  }

  public List<Label> getLabels() {
    return labels;
  }

  public Owner[] getOwners() {
    return Owner.values();
  }

  public State[] getStates() {
    return State.values();
  }
}
