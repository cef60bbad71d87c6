package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.TemplateInfo;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of {@link Templates}' calls to Meta, each in a short transaction of its own:
 * what a call needs before it asks Meta, and what Meta's answer changes afterwards. {@link
 * Templates} holds no transaction while it waits for Meta, and the tenant discriminator is set on a
 * transaction's persistence context, so every read and write of those calls happens here.
 */
@Stateless
@TenantScoped
public class TemplateRows {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConnectionStore connections;

  /** The business account and token to ask Meta with, for one of the tenant's numbers. */
  public record Account(long connectionId, String wabaId, AccessToken token) {}

  /** The number's account; refused when the tenant has no such number or it has no token. */
  public Account account(long connectionId) {
    WhatsAppConnection c = connection(connectionId);
    return new Account(connectionId, c.getWabaId(), token(c));
  }

  /** {@link #account}, refused also when the number has the template already. */
  public Account accountForNew(long connectionId, String name, String language) {
    WhatsAppConnection c = connection(connectionId);
    if (find(connectionId, name, language).isPresent()) {
      throw new OutboundRefusedException(OutboundWords.TEMPLATE_EXISTS.with(name, language));
    }
    return new Account(connectionId, c.getWabaId(), token(c));
  }

  public Optional<MessageTemplate> find(long templateId) {
    return Optional.ofNullable(em.find(MessageTemplate.class, templateId));
  }

  /** Brings the number's rows in line with what Meta listed. */
  public void synced(Account account, List<TemplateInfo> remote, Instant now) {
    long connectionId = account.connectionId();
    Set<Long> seen = new HashSet<>();
    for (TemplateInfo t : remote) {
      if (t.name() == null
          || t.language() == null
          || t.name().length() > MessageTemplate.NAME_MAX
          || t.language().length() > 16) {
        continue;
      }
      Category category = category(t.category());
      MessageTemplate row =
          find(connectionId, t.name(), t.language())
              .orElseGet(
                  () -> {
                    MessageTemplate created =
                        new MessageTemplate(
                            connectionId,
                            account.wabaId(),
                            t.name(),
                            t.language(),
                            category,
                            t.components().toString(),
                            now);
                    em.persist(created);
                    return created;
                  });
      row.fromMeta(t.id(), category, t.status(), t.reason(), t.components().toString(), now);
      em.flush();
      seen.add(row.getId());
    }
    for (MessageTemplate row :
        em.createNamedQuery(MessageTemplate.OF_CONNECTION, MessageTemplate.class)
            .setParameter("connection", connectionId)
            .getResultList()) {
      if (!seen.contains(row.getId()) && row.getMetaId() != null) {
        row.status("DELETED", null, now);
      }
    }
  }

  /** Keeps a template Meta took for review as PENDING. */
  public MessageTemplate created(
      Account account,
      String name,
      String language,
      Category category,
      String components,
      String metaId,
      Instant now) {
    MessageTemplate t =
        new MessageTemplate(
            account.connectionId(), account.wabaId(), name, language, category, components, now);
    t.fromMeta(metaId, category, "PENDING", null, null, now);
    em.persist(t);
    return t;
  }

  /** Marks every language of the template {@code name} deleted; returns how many rows. */
  public int deleted(long connectionId, String name, Instant now) {
    int removed = 0;
    for (MessageTemplate t :
        em.createNamedQuery(MessageTemplate.OF_CONNECTION, MessageTemplate.class)
            .setParameter("connection", connectionId)
            .getResultList()) {
      if (t.getName().equals(name)) {
        t.status("DELETED", null, now);
        removed++;
      }
    }
    return removed;
  }

  private Optional<MessageTemplate> find(long connectionId, String name, String language) {
    return em.createNamedQuery(MessageTemplate.BY_NAME, MessageTemplate.class)
        .setParameter("connection", connectionId)
        .setParameter("name", name)
        .setParameter("language", language)
        .getResultStream()
        .findFirst();
  }

  private WhatsAppConnection connection(long id) {
    WhatsAppConnection c = em.find(WhatsAppConnection.class, id);
    if (c == null) {
      throw new OutboundRefusedException(OutboundWords.NO_SUCH_CONNECTION.with());
    }
    return c;
  }

  private AccessToken token(WhatsAppConnection c) {
    return connections
        .token(c.getId())
        .orElseThrow(() -> new OutboundRefusedException(OutboundWords.NO_TOKEN.with()));
  }

  private static Category category(String name) {
    try {
      Category c = Category.of(name);
      return c == Category.SERVICE ? Category.UTILITY : c;
    } catch (IllegalArgumentException e) {
      return Category.UTILITY;
    }
  }
}
