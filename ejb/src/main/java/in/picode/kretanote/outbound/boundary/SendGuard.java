package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.contact.entity.ContactConsent;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.control.GuardInput;
import in.picode.kretanote.outbound.control.GuardRules;
import in.picode.kretanote.outbound.control.RecipientRestrictions;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.control.TenantStanding;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that decides whether a message may go to Meta: consulted when a message is
 * requested (a refusal then creates nothing and is returned at once) and again by the sender right
 * before the call (a refusal then fails the queued message with the reason), because an opt-out, a
 * disconnect or a suspension can come in between. It gathers the facts; {@link GuardRules} decides.
 */
@Stateless
@TenantScoped
public class SendGuard {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject TenantStanding standing;

  @Inject RecipientRestrictions restrictions;

  @Inject
  @ConfigProperty(
      name = "kretanote.outbound.consent.marketing-requires-opt-in",
      defaultValue = "false")
  boolean marketingRequiresOptIn;

  /** The guard for one message (a person's send): the facts of its block of one, then the rules. */
  public Optional<Refusal> check(
      Conversation conversation,
      Category category,
      MessageTemplate template,
      String templateName,
      Instant now) {
    return check(
        facts(conversation == null ? List.of() : List.of(conversation), now),
        conversation,
        category,
        template,
        templateName,
        now);
  }

  /**
   * The facts of a block of messages read at once: what is the same for every row (the tenant's
   * standing, the numbers) once, and the contacts and their consents with one {@code IN} query
   * each. The messaging limit's counts are read when the first row needs them, once per number
   * ({@code used}) and once for all of the block's contacts ({@code counted}).
   */
  public Facts facts(Collection<Conversation> conversations, Instant now) {
    Facts f = new Facts(now);
    Set<Long> contactIds = new HashSet<>();
    for (Conversation c : conversations) {
      f.connections.computeIfAbsent(
          c.getConnectionId(), id -> Optional.ofNullable(em.find(WhatsAppConnection.class, id)));
      contactIds.add(c.getContactId());
    }
    if (!contactIds.isEmpty()) {
      em.createQuery("select c from Contact c where c.id in :ids", Contact.class)
          .setParameter("ids", contactIds)
          .getResultList()
          .forEach(c -> f.contacts.put(c.getId(), c));
      em.createQuery(
              "select c from ContactConsent c where c.contactId in :ids", ContactConsent.class)
          .setParameter("ids", contactIds)
          .getResultList()
          .forEach(
              c -> f.consents.putIfAbsent(c.getContactId() + "|" + c.getCategory(), c.isGranted()));
      f.suppressed.addAll(
          restrictions.suppressedAmong(
              Tenancy.require(), f.contacts.values().stream().map(Contact::getWaId).toList()));
    }
    f.contactIds.addAll(contactIds);
    return f;
  }

  /** The guard for one message of a block whose {@link #facts} were read before. */
  public Optional<Refusal> check(
      Facts f,
      Conversation conversation,
      Category category,
      MessageTemplate template,
      String templateName,
      Instant now) {
    WhatsAppConnection connection =
        conversation == null
            ? null
            : f.connections
                .computeIfAbsent(
                    conversation.getConnectionId(),
                    id -> Optional.ofNullable(em.find(WhatsAppConnection.class, id)))
                .orElse(null);
    Contact contact = conversation == null ? null : f.contacts.get(conversation.getContactId());
    if (connection == null || contact == null) {
      return Optional.of(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    Boolean consent = f.consents.get(contact.getId() + "|" + category);
    boolean isTemplate = templateName != null;
    Integer limit = GuardRules.messagingLimit(connection.getMessagingLimit());
    long used = 0;
    boolean counted = false;
    if (isTemplate && limit != null && !conversation.isWindowOpen(now)) {
      Instant since = f.now.minus(Duration.ofHours(24));
      used =
          f.used.computeIfAbsent(
              connection.getId(),
              c ->
                  em.createQuery(
                          "select count(distinct o.contactId) from OutboxEntry o"
                              + " where o.connectionId = :c and o.kind = :template"
                              + " and o.createdAt > :since and o.state <> :refused",
                          Long.class)
                      .setParameter("template", OutboxEntry.Kind.TEMPLATE)
                      .setParameter("refused", OutboxEntry.State.REFUSED)
                      .setParameter("c", c)
                      .setParameter("since", since)
                      .getSingleResult());
      counted =
          f.counted
              .computeIfAbsent(
                  connection.getId(),
                  c -> {
                    Set<Long> ids = new HashSet<>(f.contactIds);
                    ids.add(contact.getId());
                    return new HashSet<>(
                        em.createQuery(
                                "select distinct o.contactId from OutboxEntry o"
                                    + " where o.connectionId = :c and o.contactId in :ids"
                                    + " and o.kind = :template and o.createdAt > :since",
                                Long.class)
                            .setParameter("template", OutboxEntry.Kind.TEMPLATE)
                            .setParameter("c", c)
                            .setParameter("ids", ids)
                            .setParameter("since", since)
                            .getResultList());
                  })
              .contains(contact.getId());
    }
    if (f.standing == null) {
      f.standing = standing.of(Tenancy.require());
    }
    GuardInput input =
        new GuardInput(
            f.standing,
            connection.getStatus().name(),
            connection.getCanSendMessage(),
            conversation.isWindowOpen(now),
            category,
            templateName,
            template == null ? null : template.getStatus(),
            contact.isOptedOut() || f.suppressed.contains(contact.getWaId()),
            consent,
            marketingRequiresOptIn && category == Category.MARKETING,
            limit,
            used,
            counted);
    return GuardRules.check(input);
  }

  /**
   * What {@link #facts} read for a block: valid for one transaction and one moment ({@code now}),
   * never kept between blocks, so every row is still guarded right before its slot.
   */
  public static final class Facts {
    final Instant now;
    TenantStanding.Standing standing;
    final Map<Long, Optional<WhatsAppConnection>> connections = new HashMap<>();
    final Map<Long, Contact> contacts = new HashMap<>();
    final Map<String, Boolean> consents = new HashMap<>();
    final Set<Long> contactIds = new HashSet<>();
    final Set<String> suppressed = new HashSet<>();
    final Map<Long, Long> used = new HashMap<>();
    final Map<Long, Set<Long>> counted = new HashMap<>();

    Facts(Instant now) {
      this.now = now;
    }
  }
}
