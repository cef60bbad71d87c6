package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.entity.AutomationEvent;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.BusinessHours;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.platform.boundary.Wording;
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
 * The away message (a customer's first message of a conversation outside the hours of its team, or
 * of the business when it has no team or the team has no hours of its own) and the greeting (the
 * first message of a contact's first conversation ever). Each is sent through the outbound boundary
 * as an automatic message, so the guard decides; neither goes to a contact twice within the
 * business's repeat interval (read from the run log, where every outcome is written). Its own
 * transaction, committed before the rules run: the send changes the conversation row, and a rule's
 * action (in a transaction of its own) must not wait for that lock.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AutoReplies {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject BusinessHoursSettings settings;
  @Inject Sending sending;
  @Inject ConversationFacts facts;

  public void handle(AutomationEvent e, Conversation c, Instant now) {
    Optional<BusinessHours> saved = settings.find();
    if (saved.isEmpty()) {
      return;
    }
    BusinessHours b = saved.get();
    if (b.isGreetingEnabled() && e.isFirstEver()) {
      send(AutoReply.GREETING_MESSAGE, b.getGreetingText(), b, e, c, now);
    }
    if (b.isAwayEnabled()
        && e.isFirstMessage()
        && !settings.open(e.getOccurredAt(), c.getTeamId())) {
      send(AutoReply.AWAY_MESSAGE, b.getAwayText(), b, e, c, now);
    }
  }

  private void send(
      AutoReply kind,
      String text,
      BusinessHours b,
      AutomationEvent e,
      Conversation c,
      Instant now) {
    Wording what = kind.words.with();
    // The business's row is locked while deciding: two servers handling two messages of the same
    // contact at once decide one after the other, and the second sees the first's run.
    em.lock(b, LockModeType.PESSIMISTIC_WRITE);
    Instant last =
        em.createNamedQuery(AutomationRun.LAST_REPLY, Instant.class)
            .setParameter("event", kind.name())
            .setParameter("done", AutomationRun.Outcome.DONE)
            .setParameter("conversations", facts.conversationIdsOf(c.getContactId()))
            .getSingleResult();
    Instant again = now.minus(Duration.ofMinutes(b.getRepeatMinutes()));
    if (last != null && last.isAfter(again)) {
      log(
          c,
          kind,
          AutomationRun.Outcome.NOTHING,
          AutomationWords.REPLY_NOT_AGAIN.with(
              what, Duration.between(last, now).toMinutes(), b.getRepeatMinutes()),
          now);
      return;
    }
    SendResult r = sending.sendAutomated(c.getId(), kind.key + "-" + e.getId(), text, false);
    if (!r.isQueued()) {
      log(
          c,
          kind,
          AutomationRun.Outcome.NOTHING,
          AutomationWords.ACTION_SEND_REFUSED.with(
              what,
              r.refusalCode(),
              r.refusalWording() != null
                  ? r.refusalWording()
                  : Wording.unworded(r.refusal().reason())),
          now);
      return;
    }
    log(c, kind, AutomationRun.Outcome.DONE, AutomationWords.REPLY_SENT.with(what), now);
  }

  private void log(
      Conversation c, AutoReply kind, AutomationRun.Outcome outcome, Wording detail, Instant now) {
    em.persist(new AutomationRun(null, c.getId(), kind.name(), outcome, detail, now));
  }

  /** The two automatic replies, as the run log names them. */
  enum AutoReply {
    AWAY_MESSAGE(AutomationWords.AWAY_MESSAGE, "away"),
    GREETING_MESSAGE(AutomationWords.GREETING_MESSAGE, "greeting");

    final AutomationWords words;
    final String key;

    AutoReply(AutomationWords words, String key) {
      this.words = words;
      this.key = key;
    }
  }
}
