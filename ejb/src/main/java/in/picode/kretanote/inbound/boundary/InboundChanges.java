package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.connection.boundary.AccountUpdates;
import in.picode.kretanote.contact.boundary.WhatsAppContacts;
import in.picode.kretanote.inbound.control.ContactKey;
import in.picode.kretanote.inbound.control.InboundContact;
import in.picode.kretanote.inbound.control.InboundMessage;
import in.picode.kretanote.inbound.control.MessageContent;
import in.picode.kretanote.inbound.control.MessageTexts;
import in.picode.kretanote.inbound.control.OtherChange;
import in.picode.kretanote.inbound.control.RoutedAccountChange;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.inbound.control.StatusUpdate;
import in.picode.kretanote.messaging.boundary.Deliveries;
import in.picode.kretanote.messaging.boundary.IncomingMessage;
import in.picode.kretanote.messaging.boundary.MessageLog;
import in.picode.kretanote.messaging.boundary.ReportedStatus;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies routed webhook changes to the current tenant's contacts, conversations and messages, in
 * one transaction of its own: contacts through contact's {@link WhatsAppContacts}, messages and
 * statuses through messaging's {@link MessageLog} and {@link Deliveries}, which join this
 * transaction.
 *
 * <p>Applying the same change twice changes nothing, which is what lets the pipeline re-apply an
 * event after a crash or a lost lease without duplicates:
 *
 * <ul>
 *   <li>a message whose wamid the tenant already has is skipped entirely (the unique key (tenant,
 *       wamid) backs this up if two servers race), so its conversation's unread count and window
 *       move only once;
 *   <li>a status report that is already stored is not stored again, and a message's delivery status
 *       only ever moves up (see {@link Deliveries});
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

  @Inject WhatsAppContacts whatsAppContacts;
  @Inject AccountUpdates accounts;
  @Inject Event<TemplateStatusChanged> templateStatuses;
  @Inject MessageLog log;
  @Inject Deliveries deliveries;

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
    Map<ContactKey, Long> contacts = new HashMap<>();
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
      RoutedChange routed, InboundMessage in, Map<ContactKey, Long> contacts, Instant now) {
    if (log.contains(in.wamid())) {
      return;
    }
    long contactId =
        contacts.containsKey(in.sender())
            ? contacts.get(in.sender())
            : contact(in.sender(), routed.change().contact(in.sender()), contacts, now);
    if (in.content() instanceof MessageContent.SystemNotice notice
        && notice.kind().filter("user_changed_number"::equals).isPresent()
        && notice.newWaId().isPresent()) {
      // The customer moved to a new number: the contact (keyed by its user id, or by the old
      // number) keeps its history and gets the new number.
      whatsAppContacts.numberChanged(contactId, notice.newWaId().get(), now);
    }
    Instant writtenAt = MessageTexts.writtenAt(in.timestamp(), routed.receivedAt());
    log.record(
        new IncomingMessage(
            routed.connectionId(),
            contactId,
            in.wamid(),
            in.rawType(),
            MessageTexts.text(in.content()).orElse(null),
            in.contentJson(),
            in.context().flatMap(c -> c.messageId()).orElse(null),
            in.context().map(c -> c.forwarded() || c.frequentlyForwarded()).orElse(false),
            writtenAt,
            MessageTexts.opensWindow(in.type()),
            MessageTexts.countsAsUnread(in.type()),
            in.content() instanceof MessageContent.Media media
                ? Optional.of(
                    new IncomingMessage.File(
                        media.mediaId(),
                        media.mimeType().orElse(null),
                        media.sha256().orElse(null),
                        media.filename().orElse(null)))
                : Optional.empty()),
        now);
    if (in.content() instanceof MessageContent.Reaction reaction) {
      log.react(contactId, reaction.messageId(), reaction.emoji(), in.wamid(), writtenAt, now);
    }
  }

  private void status(RoutedChange routed, StatusUpdate status, Instant now) {
    deliveries.report(
        new ReportedStatus(
            routed.connectionId(),
            status.wamid(),
            status.rawStatus(),
            status.status(),
            status.timestamp(),
            status.recipient().map(ContactKey::value).orElse(null),
            status
                .pricing()
                .map(
                    p ->
                        new ReportedStatus.Pricing(
                            p.category().orElse(null),
                            p.type().orElse(null),
                            p.pricingModel().orElse(null),
                            p.billable().orElse(null))),
            status.errors().stream()
                .findFirst()
                .map(
                    e ->
                        new ReportedStatus.Failure(
                            e.code().isPresent() ? e.code().getAsInt() : null,
                            e.title().orElse(null),
                            e.details().or(e::message).orElse(null)))),
        now);
  }

  /**
   * The contact Meta means by {@code key}, found or created once per batch and updated with what
   * Meta says now (see {@link WhatsAppContacts#seen}).
   */
  private long contact(
      ContactKey key, Optional<InboundContact> info, Map<ContactKey, Long> cache, Instant now) {
    Optional<String> waId = info.flatMap(InboundContact::waId);
    Optional<String> userId = info.flatMap(InboundContact::userId);
    if (key.kind() == ContactKey.Kind.USER_ID) {
      userId = Optional.of(key.value());
    } else {
      waId = Optional.of(key.value());
    }
    WhatsAppContacts.Sighting sighting =
        new WhatsAppContacts.Sighting(
            key.kind() == ContactKey.Kind.USER_ID,
            userId.orElse(null),
            waId.orElse(null),
            info.flatMap(InboundContact::profileName).orElse(null),
            info.flatMap(InboundContact::username).orElse(null));
    Long cached = cache.get(key);
    if (cached != null) {
      whatsAppContacts.seenAgain(cached, sighting, now);
      return cached;
    }
    long id = whatsAppContacts.seen(sighting, now);
    cache.put(key, id);
    return id;
  }
}
