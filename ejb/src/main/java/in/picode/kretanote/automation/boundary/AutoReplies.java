package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.WeeklyHours;
import in.picode.kretanote.automation.entity.AutoReply;
import in.picode.kretanote.automation.entity.AutomationEvent;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.BusinessHours;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The away message (a customer's first message of a conversation outside business hours) and the
 * greeting (the first message of a contact's first conversation ever). Each is sent through the
 * outbound boundary as an automatic message, so the guard decides; neither goes to a contact twice
 * within the business's repeat interval (the contact's mark is locked while deciding, so two
 * servers do not both send). What happened is written to the run log.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AutoReplies {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject BusinessHoursSettings settings;
  @Inject Sending sending;

  public void handle(AutomationEvent e, Conversation c, Instant now) {
    Optional<BusinessHours> saved = settings.find();
    if (saved.isEmpty()) {
      return;
    }
    BusinessHours b = saved.get();
    if (b.isGreetingEnabled() && e.isFirstEver()) {
      send(AutoReply.Kind.GREETING, b.getGreetingText(), b, e, c, now);
    }
    if (b.isAwayEnabled()
        && e.isFirstMessage()
        && !WeeklyHours.stored(b.getTimeZone(), b.getWeek(), b.getHolidays())
            .isOpen(e.getOccurredAt())) {
      send(AutoReply.Kind.AWAY, b.getAwayText(), b, e, c, now);
    }
  }

  private void send(
      AutoReply.Kind kind,
      String text,
      BusinessHours b,
      AutomationEvent e,
      Conversation c,
      Instant now) {
    String what = kind == AutoReply.Kind.AWAY ? "away message" : "greeting message";
    Optional<AutoReply> mark =
        em.createNamedQuery(AutoReply.OF_CONTACT, AutoReply.class)
            .setParameter("contact", c.getContactId())
            .setParameter("kind", kind)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    Instant again = now.minus(Duration.ofMinutes(b.getRepeatMinutes()));
    if (mark.isPresent() && mark.get().getLastSentAt().isAfter(again)) {
      log(
          c,
          kind,
          AutomationRun.Outcome.NOTHING,
          what
              + " not sent: it went to this contact at "
              + mark.get().getLastSentAt()
              + ", within the "
              + b.getRepeatMinutes()
              + " min repeat interval",
          now);
      return;
    }
    SendResult r =
        sending.sendAutomated(c.getId(), kind.name().toLowerCase() + "-" + e.getId(), text, false);
    if (!r.isQueued()) {
      log(
          c,
          kind,
          AutomationRun.Outcome.NOTHING,
          what + " refused by the send guard (" + r.refusal().code() + "): " + r.refusal().reason(),
          now);
      return;
    }
    if (mark.isPresent()) {
      mark.get().sent(now);
    } else {
      em.persist(new AutoReply(c.getContactId(), kind, now));
    }
    log(c, kind, AutomationRun.Outcome.DONE, what + " sent", now);
  }

  private void log(
      Conversation c,
      AutoReply.Kind kind,
      AutomationRun.Outcome outcome,
      String detail,
      Instant now) {
    em.persist(
        new AutomationRun(null, null, c.getId(), kind.name() + "_MESSAGE", outcome, detail, now));
  }
}
