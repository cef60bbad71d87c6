package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.connection.boundary.AccountUpdates;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.inbound.control.ContactKey;
import in.picode.kretanote.inbound.control.DeliveryStatus;
import in.picode.kretanote.inbound.control.InboundContact;
import in.picode.kretanote.inbound.control.InboundMessage;
import in.picode.kretanote.inbound.control.MessageContent;
import in.picode.kretanote.inbound.control.MessageTexts;
import in.picode.kretanote.inbound.control.OtherChange;
import in.picode.kretanote.inbound.control.RoutedAccountChange;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.inbound.control.StatusOrder;
import in.picode.kretanote.inbound.control.StatusUpdate;
import in.picode.kretanote.inbound.control.WebhookError;
import in.picode.kretanote.messaging.boundary.MediaQueued;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.MessageStatus;
import in.picode.kretanote.messaging.entity.Reaction;
import in.picode.kretanote.messaging.entity.StatusReport;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * Applies routed webhook changes to the current tenant's contacts, conversations and messages, in
 * one transaction of its own.
 *
 * <p>Applying the same change twice changes nothing, which is what lets the pipeline re-apply an
 * event after a crash or a lost lease without duplicates:
 *
 * <ul>
 *   <li>a message whose wamid the tenant already has is skipped entirely (the unique key (tenant,
 *       wamid) backs this up if two servers race), so its conversation's unread count and window
 *       move only once;
 *   <li>a status report that is already stored is not stored again, and a message's delivery status
 *       only ever moves up {@link StatusOrder}'s ranking;
 *   <li>contacts are found before they are created, and profile updates are idempotent;
 *   <li>the latest reaction of a customer on a message wins by Meta's time, whatever the order.
 * </ul>
 *
 * <p>Everything is looked up inside the tenant, so a change routed to this tenant can only touch
 * this tenant's rows: a status naming another tenant's wamid finds nothing.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InboundChanges {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject AccountUpdates accounts;
  @Inject Event<TemplateStatusChanged> templateStatuses;
  @Inject Event<MediaQueued> mediaQueued;
  @Inject Event<CustomerMessageStored> customerMessages;

  private final Clock clock = Clock.systemUTC();

  /**
   * Applies messages changes and account-level changes; account changes update the connections
   * ({@link AccountUpdates}) or, for template statuses, fire {@link TemplateStatusChanged} inside
   * this transaction.
   */
  public void apply(List<RoutedChange> changes, List<RoutedAccountChange> accountChanges) {
    apply(changes);
    for (RoutedAccountChange routed : accountChanges) {
      OtherChange change = routed.change();
      if (OtherChange.TEMPLATE_STATUS_FIELD.equals(change.field())) {
        change
            .templateStatus()
            .ifPresent(
                t ->
                    templateStatuses.fire(
                        new TemplateStatusChanged(
                            Tenancy.require(),
                            routed.connectionIds().get(0),
                            change.wabaId(),
                            t.templateId().orElse(null),
                            t.templateName().orElse(null),
                            t.language().orElse(null),
                            t.event(),
                            t.reason().orElse(null),
                            change.valueJson(),
                            routed.eventId())));
      } else if (AccountUpdates.handles(change.field())) {
        accounts.apply(
            routed.connectionIds(), change.field(), change.valueJson(), routed.eventId());
      }
    }
  }

  public void apply(List<RoutedChange> changes) {
    Instant now = Instant.now(clock);
    Map<ContactKey, Contact> contacts = new HashMap<>();
    for (RoutedChange routed : changes) {
      for (InboundContact contact : routed.change().contacts()) {
        contact(contact.key(), Optional.of(contact), contacts, now);
      }
      for (InboundMessage message : routed.change().messages()) {
        message(routed, message, contacts, now);
      }
      for (StatusUpdate status : routed.change().statuses()) {
        status(routed, status, now);
      }
    }
  }

  private void message(
      RoutedChange routed, InboundMessage in, Map<ContactKey, Contact> contacts, Instant now) {
    if (byWamid(in.wamid()).isPresent()) {
      return;
    }
    Contact contact =
        contacts.containsKey(in.sender())
            ? contacts.get(in.sender())
            : contact(in.sender(), routed.change().contact(in.sender()), contacts, now);
    Conversation conversation = conversation(routed.connectionId(), contact.getId(), now);
    Instant writtenAt = MessageTexts.writtenAt(in.timestamp(), routed.receivedAt());
    Message message =
        Message.inbound(
            conversation.getId(),
            contact.getId(),
            routed.connectionId(),
            in.wamid(),
            in.rawType(),
            MessageTexts.text(in.content()).orElse(null),
            in.contentJson(),
            in.context().flatMap(c -> c.messageId()).orElse(null),
            in.context().map(c -> c.forwarded() || c.frequentlyForwarded()).orElse(false),
            writtenAt,
            now);
    em.persist(message);
    em.flush();
    if (message.getContextWamid() != null) {
      byWamid(message.getContextWamid()).ifPresent(quoted -> message.linkContext(quoted.getId()));
    }
    em.createNamedQuery(Message.LINK_REPLIES)
        .setParameter("id", message.getId())
        .setParameter("wamid", message.getWamid())
        .executeUpdate();
    em.createNamedQuery(Reaction.ATTACH)
        .setParameter("id", message.getId())
        .setParameter("wamid", message.getWamid())
        .executeUpdate();
    if (in.content() instanceof MessageContent.Reaction reaction) {
      react(reaction, in, contact, writtenAt, now);
    }
    if (in.content() instanceof MessageContent.SystemNotice notice
        && notice.kind().filter("user_changed_number"::equals).isPresent()
        && notice.newWaId().isPresent()) {
      // The customer moved to a new number: the contact (keyed by its user id, or by the old
      // number) keeps its history and gets the new number.
      contact.seenOnWhatsApp(null, notice.newWaId().get(), null, null, now);
    }
    if (in.content() instanceof MessageContent.Media media) {
      em.persist(
          new Media(
              message.getId(),
              media.mediaId(),
              media.mimeType().orElse(null),
              media.sha256().orElse(null),
              media.filename().orElse(null),
              now));
      mediaQueued.fire(new MediaQueued(Tenancy.require(), message.getId()));
    }
    conversation.customerWrote(
        writtenAt,
        MessageTexts.opensWindow(in.type()),
        MessageTexts.countsAsUnread(in.type()),
        now);
    customerMessages.fire(
        new CustomerMessageStored(
            Tenancy.require(),
            routed.connectionId(),
            contact.getId(),
            conversation.getId(),
            message.getId(),
            message.getWamid(),
            message.getType(),
            message.getText(),
            writtenAt));
  }

  private void react(
      MessageContent.Reaction reaction,
      InboundMessage in,
      Contact contact,
      Instant writtenAt,
      Instant now) {
    Optional<Reaction> existing =
        em.createNamedQuery(Reaction.BY_TARGET_AND_CONTACT, Reaction.class)
            .setParameter("wamid", reaction.messageId())
            .setParameter("contact", contact.getId())
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().replaceWith(reaction.emoji(), in.wamid(), writtenAt, now);
      return;
    }
    Long target = byWamid(reaction.messageId()).map(Message::getId).orElse(null);
    em.persist(
        new Reaction(
            reaction.messageId(),
            target,
            contact.getId(),
            reaction.emoji(),
            in.wamid(),
            writtenAt,
            now));
    em.flush();
  }

  private void status(RoutedChange routed, StatusUpdate status, Instant now) {
    long same =
        em.createNamedQuery(StatusReport.COUNT_SAME, Long.class)
            .setParameter("wamid", status.wamid())
            .setParameter("status", status.rawStatus())
            .setParameter("at", status.timestamp())
            .getSingleResult();
    Optional<WebhookError> error = status.errors().stream().findFirst();
    if (same == 0) {
      StatusReport report =
          new StatusReport(
              routed.connectionId(),
              status.wamid(),
              status.rawStatus(),
              status.timestamp(),
              status.recipient().map(ContactKey::value).orElse(null),
              now);
      status
          .pricing()
          .ifPresent(
              p ->
                  report.pricing(
                      p.category().orElse(null),
                      p.type().orElse(null),
                      p.pricingModel().orElse(null),
                      p.billable().orElse(null)));
      error.ifPresent(e -> report.error(errorCode(e), e.title().orElse(null), details(e)));
      em.persist(report);
      em.flush();
    }
    Optional<Message> found = byWamid(status.wamid());
    if (found.isEmpty() || found.get().getDirection() != Direction.OUTBOUND) {
      return;
    }
    Message message = found.get();
    DeliveryStatus current = delivery(message.getStatus());
    DeliveryStatus next = StatusOrder.advance(current, status.status());
    if (next != current) {
      message.deliveryStatus(
          stored(next),
          status.timestamp(),
          error.map(InboundChanges::errorCode).orElse(null),
          error.flatMap(WebhookError::title).orElse(null),
          error.map(InboundChanges::details).orElse(null));
    }
    status
        .pricing()
        .ifPresent(
            p ->
                message.pricing(
                    p.category().orElse(null),
                    p.type().orElse(null),
                    p.pricingModel().orElse(null),
                    p.billable().orElse(null)));
  }

  private static Integer errorCode(WebhookError e) {
    return e.code().isPresent() ? e.code().getAsInt() : null;
  }

  private static String details(WebhookError e) {
    return e.details().or(e::message).orElse(null);
  }

  private static DeliveryStatus delivery(MessageStatus status) {
    return switch (status) {
      case SENT -> DeliveryStatus.SENT;
      case DELIVERED -> DeliveryStatus.DELIVERED;
      case READ -> DeliveryStatus.READ;
      case FAILED -> DeliveryStatus.FAILED;
      case PENDING, RECEIVED -> null;
    };
  }

  private static MessageStatus stored(DeliveryStatus status) {
    return switch (status) {
      case SENT -> MessageStatus.SENT;
      case DELIVERED -> MessageStatus.DELIVERED;
      case READ -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN never becomes a message state");
    };
  }

  /**
   * The contact Meta means by {@code key}: by identity first; a user id Meta sends for the first
   * time finds the contact known so far by phone number; a bare phone number finds the contact that
   * has it. Created when none exists, then updated with what Meta says now.
   */
  private Contact contact(
      ContactKey key, Optional<InboundContact> info, Map<ContactKey, Contact> cache, Instant now) {
    Contact cached = cache.get(key);
    Optional<String> waId = info.flatMap(InboundContact::waId);
    Optional<String> userId = info.flatMap(InboundContact::userId);
    if (key.kind() == ContactKey.Kind.USER_ID) {
      userId = Optional.of(key.value());
    } else {
      waId = Optional.of(key.value());
    }
    Contact contact = cached;
    if (contact == null) {
      contact = findContact(key, waId).orElse(null);
    }
    if (contact == null) {
      contact =
          new Contact(
              userId.orElse(null),
              waId.filter(w -> w.length() <= Contact.WA_ID_MAX).orElse(null),
              info.flatMap(InboundContact::profileName).orElse(null),
              now);
      em.persist(contact);
    }
    contact.seenOnWhatsApp(
        userId.orElse(null),
        waId.orElse(null),
        info.flatMap(InboundContact::profileName).orElse(null),
        info.flatMap(InboundContact::username).orElse(null),
        now);
    if (contact.getId() == null) {
      em.flush();
    }
    cache.put(key, contact);
    return contact;
  }

  private Optional<Contact> findContact(ContactKey key, Optional<String> waId) {
    Optional<Contact> byIdentity =
        em.createNamedQuery(Contact.BY_IDENTITY, Contact.class)
            .setParameter("key", key.value())
            .getResultStream()
            .findFirst();
    if (byIdentity.isPresent()) {
      return byIdentity;
    }
    if (key.kind() == ContactKey.Kind.USER_ID) {
      Optional<Contact> byUserId =
          em.createNamedQuery(Contact.BY_USER_ID, Contact.class)
              .setParameter("userId", key.value())
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
      if (byUserId.isPresent() || waId.isEmpty()) {
        return byUserId;
      }
      return em.createNamedQuery(Contact.BY_WA_ID_WITHOUT_USER_ID, Contact.class)
          .setParameter("waId", waId.get())
          .setMaxResults(1)
          .getResultStream()
          .findFirst();
    }
    return em.createNamedQuery(Contact.BY_WA_ID, Contact.class)
        .setParameter("waId", key.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Conversation conversation(long connectionId, long contactId, Instant now) {
    Optional<Conversation> existing =
        em.createNamedQuery(Conversation.BY_CONTACT, Conversation.class)
            .setParameter("connection", connectionId)
            .setParameter("contact", contactId)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    Conversation created = new Conversation(connectionId, contactId, now);
    em.persist(created);
    em.flush();
    return created;
  }

  private Optional<Message> byWamid(String wamid) {
    return em.createNamedQuery(Message.BY_WAMID, Message.class)
        .setParameter("wamid", wamid)
        .getResultStream()
        .findFirst();
  }
}
