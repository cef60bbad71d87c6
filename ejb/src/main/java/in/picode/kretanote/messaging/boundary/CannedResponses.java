package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.boundary.Conversations.Actor;
import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.platform.boundary.AuditLog;
import in.picode.kretanote.platform.boundary.ReferenceDeleted;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's canned responses: every agent searches them from the compose box; OWNER and
 * ADMIN manage them in settings (the page is theirs alone, web.xml). Changes are audited. An id of
 * another tenant is "not found", so it can neither be read nor changed; a duplicate shortcut is
 * refused by name before the unique key would fail.
 */
@Stateless
@TenantScoped
public class CannedResponses {

  static final int SEARCH_MAX = 10;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Event<ReferenceDeleted> deleted;

  private final Clock clock = Clock.systemUTC();

  public List<CannedResponse> all() {
    return em.createNamedQuery(CannedResponse.ALL, CannedResponse.class).getResultList();
  }

  public Optional<CannedResponse> find(long id) {
    return Optional.ofNullable(em.find(CannedResponse.class, id));
  }

  /**
   * Responses whose shortcut starts with {@code prefix} (a leading slash is ignored), at most ten;
   * anything that cannot start a shortcut finds nothing.
   */
  public List<CannedResponse> search(String prefix) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.length() > CannedResponse.SHORTCUT_MAX || !p.matches("[a-z0-9_-]*")) {
      return List.of();
    }
    // The pattern allows no LIKE wildcard but "_", which is escaped.
    return em.createNamedQuery(CannedResponse.BY_PREFIX, CannedResponse.class)
        .setParameter("prefix", p.replace("_", "\\_") + "%")
        .setMaxResults(SEARCH_MAX)
        .getResultList();
  }

  public CannedResponse create(String shortcut, String body, Actor actor) {
    String s = shortcut(shortcut);
    String b = body(body);
    refuseTaken(s, null);
    CannedResponse c = new CannedResponse(s, b, actor.userId(), Instant.now(clock));
    em.persist(c);
    em.flush();
    record(actor, "canned_response.created", c);
    return c;
  }

  public CannedResponse update(long id, String shortcut, String body, Actor actor) {
    CannedResponse c = get(id);
    String s = shortcut(shortcut);
    String b = body(body);
    refuseTaken(s, id);
    String before = c.getShortcut();
    c.change(s, b, actor.userId(), Instant.now(clock));
    em.flush();
    audit.record(
        actor.userId(),
        actor.email(),
        "canned_response.updated",
        "/" + before + (before.equals(s) ? "" : " -> /" + s) + " (id " + id + ")",
        actor.address());
    return c;
  }

  /** Deletes the response and returns it as it was. */
  public CannedResponse delete(long id, Actor actor) {
    CannedResponse c = get(id);
    em.remove(c);
    deleted.fire(new ReferenceDeleted(Tenancy.require(), "canned response", id, c.getShortcut()));
    record(actor, "canned_response.deleted", c);
    return c;
  }

  private CannedResponse get(long id) {
    return find(id)
        .orElseThrow(
            () ->
                new CannedResponseRefusedException(null, ConversationWords.CANNED_MISSING.with()));
  }

  private void refuseTaken(String shortcut, Long except) {
    boolean taken =
        em.createNamedQuery(CannedResponse.BY_SHORTCUT, CannedResponse.class)
            .setParameter("shortcut", shortcut)
            .getResultStream()
            .anyMatch(c -> !c.getId().equals(except));
    if (taken) {
      throw new CannedResponseRefusedException(
          "shortcut", ConversationWords.CANNED_SHORTCUT_TAKEN.with(shortcut));
    }
  }

  private static String shortcut(String shortcut) {
    try {
      return CannedResponse.checkShortcut(shortcut);
    } catch (IllegalArgumentException e) {
      throw new CannedResponseRefusedException("shortcut", Wording.of(e));
    }
  }

  private static String body(String body) {
    try {
      return CannedResponse.checkBody(body);
    } catch (IllegalArgumentException e) {
      throw new CannedResponseRefusedException("body", Wording.of(e));
    }
  }

  private void record(Actor actor, String action, CannedResponse c) {
    audit.record(
        actor.userId(),
        actor.email(),
        action,
        "/" + c.getShortcut() + " (id " + c.getId() + ")",
        actor.address());
  }
}
