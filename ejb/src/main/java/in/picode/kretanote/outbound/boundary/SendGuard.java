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
import java.util.Optional;
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

  public Optional<Refusal> check(
      Conversation conversation,
      Category category,
      MessageTemplate template,
      String templateName,
      Instant now) {
    WhatsAppConnection connection =
        em.find(WhatsAppConnection.class, conversation.getConnectionId());
    Contact contact = em.find(Contact.class, conversation.getContactId());
    if (connection == null || contact == null) {
      return Optional.of(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    Boolean consent =
        em.createNamedQuery(ContactConsent.OF_CONTACT, ContactConsent.class)
            .setParameter("contact", contact.getId())
            .getResultStream()
            .filter(c -> c.getCategory() == category)
            .map(ContactConsent::isGranted)
            .findFirst()
            .orElse(null);
    boolean isTemplate = templateName != null;
    Integer limit = GuardRules.messagingLimit(connection.getMessagingLimit());
    long used = 0;
    boolean counted = false;
    if (isTemplate && limit != null && !conversation.isWindowOpen(now)) {
      Instant since = now.minus(Duration.ofHours(24));
      used =
          em.createQuery(
                  "select count(distinct o.contactId) from OutboxEntry o where o.connectionId = :c"
                      + " and o.kind = :template and o.createdAt > :since and o.state <> :refused",
                  Long.class)
              .setParameter("template", OutboxEntry.Kind.TEMPLATE)
              .setParameter("refused", OutboxEntry.State.REFUSED)
              .setParameter("c", connection.getId())
              .setParameter("since", since)
              .getSingleResult();
      counted =
          em.createQuery(
                      "select count(o) from OutboxEntry o where o.connectionId = :c"
                          + " and o.contactId = :contact and o.kind = :template"
                          + " and o.createdAt > :since",
                      Long.class)
                  .setParameter("template", OutboxEntry.Kind.TEMPLATE)
                  .setParameter("c", connection.getId())
                  .setParameter("contact", contact.getId())
                  .setParameter("since", since)
                  .getSingleResult()
              > 0;
    }
    GuardInput input =
        new GuardInput(
            standing.of(Tenancy.require()),
            connection.getStatus().name(),
            connection.getCanSendMessage(),
            conversation.isWindowOpen(now),
            category,
            templateName,
            template == null ? null : template.getStatus(),
            contact.isOptedOut() || restrictions.suppressed(Tenancy.require(), contact.getWaId()),
            consent,
            marketingRequiresOptIn && category == Category.MARKETING,
            limit,
            used,
            counted);
    return GuardRules.check(input);
  }
}
