package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.boundary.Conversations.Actor;
import in.picode.kretanote.messaging.entity.ConversationLabel;
import in.picode.kretanote.messaging.entity.Label;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's conversation labels as settings manage them: how many conversations carry
 * each, create, rename and delete (which takes the label off every conversation). Names are unique
 * per tenant as the database compares them (case-insensitive), so "VIP" and "vip" are one label. An
 * id of another tenant's label finds nothing and changes nothing. Every change is audited.
 */
@Stateless
@TenantScoped
public class Labels {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Event<ReferenceDeleted> deleted;

  private final Clock clock = Clock.systemUTC();

  /** A label and the number of conversations that carry it. */
  public record Usage(Label label, long conversations) {
    public Label getLabel() {
      return label;
    }

    public long getConversations() {
      return conversations;
    }
  }

  public List<Usage> all() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(ConversationLabel.USAGE, Object[].class).getResultList()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return em.createNamedQuery(Label.ALL, Label.class)
        .getResultStream()
        .map(l -> new Usage(l, counts.getOrDefault(l.getId(), 0L)))
        .toList();
  }

  public Optional<Usage> find(long id) {
    return Optional.ofNullable(em.find(Label.class, id)).map(l -> new Usage(l, count(id)));
  }

  public Label create(String name, Actor actor) {
    String n = checked(name);
    refuseTaken(n, null);
    Label label = new Label(n, Instant.now(clock));
    em.persist(label);
    em.flush();
    audit.record(
        actor.userId(), actor.email(), "label.created", "label " + label.getId(), actor.address());
    return label;
  }

  public Label rename(long id, String name, Actor actor) {
    Label label = get(id);
    String n = checked(name);
    refuseTaken(n, id);
    label.rename(n);
    audit.record(actor.userId(), actor.email(), "label.renamed", "label " + id, actor.address());
    return label;
  }

  /** Deletes the label and takes it off its conversations; returns how many carried it. */
  public long delete(long id, Actor actor) {
    Label label = get(id);
    long carried = count(id);
    em.createNamedQuery(ConversationLabel.REMOVE_LABEL).setParameter("label", id).executeUpdate();
    em.remove(label);
    deleted.fire(new ReferenceDeleted(Tenancy.require(), "label", id, label.getName()));
    audit.record(
        actor.userId(),
        actor.email(),
        "label.deleted",
        "label " + id + " (on " + carried + " conversations)",
        actor.address());
    return carried;
  }

  private Label get(long id) {
    Label label = em.find(Label.class, id);
    if (label == null) {
      throw new ConversationChangeRefusedException(ConversationWords.LABEL_MISSING.with());
    }
    return label;
  }

  private long count(long id) {
    return em.createNamedQuery(ConversationLabel.COUNT_OF_LABEL, Long.class)
        .setParameter("label", id)
        .getSingleResult();
  }

  private static String checked(String name) {
    try {
      return Label.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ConversationChangeRefusedException(Wording.of(e));
    }
  }

  private void refuseTaken(String name, Long except) {
    boolean taken =
        em.createNamedQuery(Label.BY_NAME, Label.class)
            .setParameter("name", name)
            .getResultStream()
            .anyMatch(l -> !l.getId().equals(except));
    if (taken) {
      throw new ConversationChangeRefusedException(ConversationWords.LABEL_TAKEN.with(name));
    }
  }
}
