package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.contact.boundary.ContactSignals;
import in.picode.kretanote.inbound.control.ContactKey;
import in.picode.kretanote.inbound.control.InboundMessage;
import in.picode.kretanote.inbound.control.MessageContent;
import in.picode.kretanote.inbound.control.MessagesChange;
import in.picode.kretanote.inbound.control.MessagesChange.CallEvent;
import in.picode.kretanote.inbound.control.RoutedChange;
import in.picode.kretanote.messaging.boundary.CallLog;
import in.picode.kretanote.messaging.boundary.CallReport;
import in.picode.kretanote.messaging.boundary.Referrals;
import in.picode.kretanote.messaging.entity.CallLogEntry;
import in.picode.kretanote.messaging.entity.MessageReferral;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 20, inbound items 4, 6 and 7, inside the apply transaction of {@link InboundChanges}: calls
 * become entries of the conversation (messaging's {@link CallLog}), call permission answers and
 * identity warnings go onto the contact and number changes move it (contact's {@link
 * ContactSignals}), referrals are stored on their message ({@link Referrals}). Every step is
 * idempotent, so a replayed event changes nothing.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InboundSignals {

  private static final Logger LOG = System.getLogger(InboundSignals.class.getName());
  static final String IDENTITY_CHANGED = "customer_identity_changed";
  static final String NUMBER_CHANGED = "user_changed_number";

  @Inject CallLog calls;
  @Inject Referrals referrals;
  @Inject ContactSignals contacts;

  /** A new system message, before it is stored: number change or identity change. */
  public void system(long contactId, InboundMessage in, long eventId, Instant now) {
    if (!(in.content() instanceof MessageContent.SystemNotice notice)) {
      return;
    }
    String kind = notice.kind().orElse("");
    if (NUMBER_CHANGED.equals(kind) && notice.newWaId().isPresent()) {
      contacts.moveNumber(contactId, notice.newWaId().get(), eventId, now);
    } else if (IDENTITY_CHANGED.equals(kind)) {
      contacts.identityChanged(contactId, notice.body(), in.timestamp());
    }
  }

  /** Calls, call permission answers and referrals of the segment, after its messages are stored. */
  public void apply(List<RoutedChange> changes, Map<ContactKey, Long> ids, Instant now) {
    for (RoutedChange routed : changes) {
      MessagesChange change = routed.change();
      for (CallEvent call : change.calls()) {
        Long contact = ids.get(call.customer());
        if (contact != null) {
          calls.record(report(routed, contact, call), now);
        }
      }
      for (MessagesChange.CallPermission p : change.permissions()) {
        Long contact = ids.get(p.customer());
        if (contact != null) {
          contacts.callPermission(
              contact,
              "accept".equals(p.response()),
              p.permanent(),
              p.expiresAt().orElse(null),
              p.timestamp());
        }
      }
      for (MessagesChange.Referral r : change.referrals()) {
        boolean stored =
            referrals.record(
                r.wamid(),
                new MessageReferral.Source(
                    r.sourceType().orElse(null),
                    r.sourceId().orElse(null),
                    r.sourceUrl().orElse(null),
                    r.headline().orElse(null),
                    r.body().orElse(null),
                    r.mediaType().orElse(null),
                    r.mediaUrl().orElse(null),
                    r.thumbnailUrl().orElse(null),
                    r.ctwaClid().orElse(null)),
                now);
        if (!stored) {
          LOG.log(Level.DEBUG, "Referral of {0} stored before or without its message", r.wamid());
        }
      }
    }
  }

  /**
   * What a call event means for the entry: connect rings, ACCEPTED answers, REJECTED is refused, a
   * terminate ends the call (answered if it lasted, missed if a customer's call never was, failed
   * if Meta says so).
   */
  static CallReport report(RoutedChange routed, long contact, CallEvent call) {
    boolean business =
        call.direction().map(d -> d.equalsIgnoreCase("BUSINESS_INITIATED")).orElse(false);
    String event = call.event().toUpperCase(Locale.ROOT);
    Optional<String> status = call.status().map(s -> s.toUpperCase(Locale.ROOT));
    int duration = call.duration().orElse(0);
    CallLogEntry.State state =
        switch (event) {
          case "ACCEPTED" -> CallLogEntry.State.ANSWERED;
          case "REJECTED" -> CallLogEntry.State.REJECTED;
          case "TERMINATE" ->
              status.filter("FAILED"::equals).isPresent() && duration == 0
                  ? (business ? CallLogEntry.State.FAILED : CallLogEntry.State.MISSED)
                  : duration > 0 ? CallLogEntry.State.ENDED : CallLogEntry.State.MISSED;
          default -> CallLogEntry.State.RINGING; // connect, RINGING and anything new
        };
    Instant at =
        "TERMINATE".equals(event) ? call.endTime().orElse(call.timestamp()) : call.timestamp();
    return new CallReport(
        routed.connectionId(),
        contact,
        call.callId(),
        business ? CallLogEntry.Direction.OUTGOING : CallLogEntry.Direction.INCOMING,
        state,
        status.orElse(event),
        at,
        call.duration().orElse(null),
        call.startTime().orElse(null),
        routed.eventId());
  }
}
