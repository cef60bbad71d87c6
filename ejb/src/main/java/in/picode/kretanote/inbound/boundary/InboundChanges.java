package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.connection.boundary.AccountUpdates;
import in.picode.kretanote.contact.boundary.WhatsAppContacts;
import in.picode.kretanote.inbound.control.ContactKey;
import in.picode.kretanote.inbound.control.InboundContact;
import in.picode.kretanote.inbound.control.InboundMessage;
import in.picode.kretanote.inbound.control.MessageContent;
import in.picode.kretanote.inbound.control.MessageTexts;
import in.picode.kretanote.inbound.control.MessagesChange;
import in.picode.kretanote.inbound.control.OtherChange;
import in.picode.kretanote.inbound.control.RoutedAccountChange;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.inbound.control.StatusUpdate;
import in.picode.kretanote.inbound.control.TemplateUpdate;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  @Inject UserPreferences preferences;
  @Inject InboundSignals signals;
  @Inject Event<TemplateChanged> templateChanges;

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
      } else if (TemplateUpdate.handles(change.field())) {
        TemplateUpdate.read(change.field(), change.valueJson())
            .update()
            .ifPresent(u -> templateChanges.fire(templateChanged(routed, u)));
      } else if (AccountUpdates.handles(change.field())) {
        accounts.apply(
            routed.connectionIds(), change.field(), change.valueJson(), routed.eventId());
      }
    }
  }

  /**
   * Applies a batch of messages changes in their order, with a constant number of statements per
   * batch besides the rows written: the wamids already stored, the contacts, the conversations and
   * the statuses' messages are read with one query each (see {@link WhatsAppContacts#seenAll},
   * {@link MessageLog#recordAll}, {@link Deliveries#reportAll}). A change in which a customer moved
   * to a new number ends a segment, so that the contacts after it find the contact under its new
   * number as they would one by one.
   */
  public void apply(List<RoutedChange> changes) {
    Instant now = Instant.now(clock);
    int from = 0;
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).change().messages().stream().anyMatch(InboundChanges::movesNumber)) {
        applySegment(changes.subList(from, i + 1), now);
        from = i + 1;
      }
    }
    applySegment(changes.subList(from, changes.size()), now);
  }

  private void applySegment(List<RoutedChange> changes, Instant now) {
    if (changes.isEmpty()) {
      return;
    }
    Set<String> wamids = new LinkedHashSet<>();
    changes.forEach(r -> r.change().messages().forEach(m -> wamids.add(m.wamid())));
    changes.forEach(r -> r.change().echoes().forEach(m -> wamids.add(m.wamid())));
    Set<String> skip = new HashSet<>(log.stored(wamids));
    // Contacts in the order a one-by-one application meets them: each change's contacts, then the
    // senders of its new messages that no contact named so far.
    List<WhatsAppContacts.Sighting> sightings = new ArrayList<>();
    List<ContactKey> keys = new ArrayList<>();
    Set<ContactKey> named = new HashSet<>();
    List<RoutedChange> owners = new ArrayList<>();
    List<InboundMessage> fresh = new ArrayList<>();
    List<RoutedChange> echoOwners = new ArrayList<>();
    List<InboundMessage> echoes = new ArrayList<>();
    for (RoutedChange routed : changes) {
      for (InboundContact contact : routed.change().contacts()) {
        sightings.add(sighting(contact.key(), Optional.of(contact)));
        keys.add(contact.key());
        named.add(contact.key());
      }
      for (InboundMessage echo : routed.change().echoes()) {
        if (!skip.add(echo.wamid())) {
          continue;
        }
        echoOwners.add(routed);
        echoes.add(echo);
        if (named.add(echo.sender())) {
          sightings.add(sighting(echo.sender(), routed.change().contact(echo.sender())));
          keys.add(echo.sender());
        }
      }
      for (MessagesChange.CallEvent call : routed.change().calls()) {
        if (named.add(call.customer())) {
          sightings.add(sighting(call.customer(), routed.change().contact(call.customer())));
          keys.add(call.customer());
        }
      }
      for (MessagesChange.PreferenceUpdate preference : routed.change().preferences()) {
        if (named.add(preference.contact())) {
          sightings.add(
              sighting(preference.contact(), routed.change().contact(preference.contact())));
          keys.add(preference.contact());
        }
      }
      for (InboundMessage message : routed.change().messages()) {
        if (!skip.add(message.wamid())) {
          continue; // stored already, or twice in this batch
        }
        owners.add(routed);
        fresh.add(message);
        if (named.add(message.sender())) {
          sightings.add(sighting(message.sender(), routed.change().contact(message.sender())));
          keys.add(message.sender());
        }
      }
    }
    List<Long> ids = whatsAppContacts.seenAll(sightings, now);
    Map<ContactKey, Long> contacts = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      contacts.put(keys.get(i), ids.get(i));
    }
    List<IncomingMessage> incoming = new ArrayList<>(fresh.size());
    for (int i = 0; i < fresh.size(); i++) {
      InboundMessage in = fresh.get(i);
      long contactId = contacts.get(in.sender());
      // A number change moves the contact (keyed by its user id, or by the old number) with its
      // history, unless another contact has the new number; an identity change warns.
      signals.system(contactId, in, owners.get(i).eventId(), now);
      incoming.add(incoming(owners.get(i), in, contactId));
    }
    log.recordAll(incoming, now);
    signals.apply(changes, contacts, now);
    List<MessageLog.Echo> sentFromPhone = new ArrayList<>(echoes.size());
    for (int i = 0; i < echoes.size(); i++) {
      InboundMessage echo = echoes.get(i);
      sentFromPhone.add(
          new MessageLog.Echo(
              echoOwners.get(i).connectionId(),
              contacts.get(echo.sender()),
              echo.wamid(),
              echo.rawType(),
              MessageTexts.text(echo.content()).orElse(null),
              echo.contentJson(),
              MessageTexts.writtenAt(echo.timestamp(), echoOwners.get(i).receivedAt())));
    }
    List<Long> echoIds = log.recordEchoes(sentFromPhone, now);
    for (int i = 0; i < echoIds.size(); i++) {
      // statuses Meta reported before the echo arrived apply now
      deliveries.accepted(echoIds.get(i), sentFromPhone.get(i).wamid(), now);
    }
    for (RoutedChange routed : changes) {
      for (MessagesChange.PreferenceUpdate preference : routed.change().preferences()) {
        preferences.apply(contacts.get(preference.contact()), preference, routed.eventId());
      }
    }
    for (int i = 0; i < fresh.size(); i++) {
      InboundMessage in = fresh.get(i);
      if (in.content() instanceof MessageContent.Reaction reaction) {
        log.react(
            contacts.get(in.sender()),
            reaction.messageId(),
            reaction.emoji(),
            in.wamid(),
            incoming.get(i).writtenAt(),
            now);
      }
    }
    List<ReportedStatus> statuses = new ArrayList<>();
    changes.forEach(r -> r.change().statuses().forEach(s -> statuses.add(reported(r, s))));
    deliveries.reportAll(statuses, now);
  }

  private static TemplateChanged templateChanged(RoutedAccountChange routed, TemplateUpdate u) {
    TemplateChanged.Kind kind =
        switch (u.field()) {
          case TemplateUpdate.QUALITY_FIELD -> TemplateChanged.Kind.QUALITY;
          case TemplateUpdate.CATEGORY_FIELD -> TemplateChanged.Kind.CATEGORY;
          default -> TemplateChanged.Kind.COMPONENTS;
        };
    return new TemplateChanged(
        Tenancy.require(),
        routed.connectionIds().get(0),
        routed.change().wabaId(),
        kind,
        u.templateId().orElse(null),
        u.name().orElse(null),
        u.language().orElse(null),
        u.quality().orElse(null),
        u.previousQuality().orElse(null),
        u.newCategory().orElse(null),
        u.previousCategory().orElse(null),
        u.categoryPending(),
        u.body().orElse(null),
        u.title().orElse(null),
        u.footer().orElse(null),
        u.buttons().stream()
            .map(b -> new TemplateChanged.Button(b.get(0), b.get(1), b.get(2), b.get(3)))
            .toList(),
        routed.receivedAt(),
        routed.eventId());
  }

  private static boolean movesNumber(InboundMessage in) {
    return in.content() instanceof MessageContent.SystemNotice notice
        && notice.kind().filter("user_changed_number"::equals).isPresent()
        && notice.newWaId().isPresent();
  }

  private static IncomingMessage incoming(RoutedChange routed, InboundMessage in, long contactId) {
    Instant writtenAt = MessageTexts.writtenAt(in.timestamp(), routed.receivedAt());
    return new IncomingMessage(
        routed.connectionId(),
        contactId,
        in.wamid(),
        in.rawType(),
        MessageTexts.text(in.content()).orElse(null),
        in.contentJson(),
        amended(in).or(() -> in.context().flatMap(c -> c.messageId())).orElse(null),
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
            : Optional.empty());
  }

  /** The message an edit or a deletion changes, which is stored as the row's context. */
  private static Optional<String> amended(InboundMessage in) {
    if (in.content() instanceof MessageContent.Edit edit) {
      return Optional.of(edit.originalWamid());
    }
    if (in.content() instanceof MessageContent.Revoke revoke) {
      return Optional.of(revoke.originalWamid());
    }
    return Optional.empty();
  }

  private static ReportedStatus reported(RoutedChange routed, StatusUpdate status) {
    return new ReportedStatus(
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
                        e.details().or(e::message).orElse(null))));
  }

  /** What Meta says about the person behind {@code key} (see {@link WhatsAppContacts#seen}). */
  private static WhatsAppContacts.Sighting sighting(ContactKey key, Optional<InboundContact> info) {
    Optional<String> waId = info.flatMap(InboundContact::waId);
    Optional<String> userId = info.flatMap(InboundContact::userId);
    if (key.kind() == ContactKey.Kind.USER_ID) {
      userId = Optional.of(key.value());
    } else {
      waId = Optional.of(key.value());
    }
    return new WhatsAppContacts.Sighting(
        key.kind() == ContactKey.Kind.USER_ID,
        userId.orElse(null),
        waId.orElse(null),
        info.flatMap(InboundContact::profileName).orElse(null),
        info.flatMap(InboundContact::username).orElse(null));
  }
}
