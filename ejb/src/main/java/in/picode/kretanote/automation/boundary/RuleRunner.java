package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.control.Situation;
import in.picode.kretanote.automation.control.SituationFacts;
import in.picode.kretanote.automation.control.Steps;
import in.picode.kretanote.automation.entity.AutomationEvent;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handles one queued event of the current tenant: the away and greeting messages first, then every
 * active rule of the event's kind in order. Each rule run is logged: what it did, or why it did
 * nothing (a condition, the guard's refusal), SKIPPED by the loop guard (the rule already acted on
 * this conversation within the last minute, so a rule that triggers itself stops; {@link LoopGuard}
 * makes that hold across servers), or PAUSED when a label, template, canned response or agent it
 * names no longer exists.
 */
@Stateless
@TenantScoped
public class RuleRunner {

  static final Duration LOOP_GUARD = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConversationFacts facts;
  @Inject AutoReplies autoReplies;
  @Inject Definitions definitions;
  @Inject Steps steps;
  @Inject SituationFacts situationFacts;
  @Inject LoopGuard loopGuard;
  @Inject FreshReads fresh;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void handle(long eventId) {
    AutomationEvent e = em.find(AutomationEvent.class, eventId);
    if (e == null || e.getDoneAt() != null) {
      return;
    }
    Instant now = Instant.now(clock);
    Optional<Conversation> c = facts.find(e.getConversationId());
    if (c.isPresent()) {
      if (e.getKind() == Trigger.CUSTOMER_MESSAGE) {
        autoReplies.handle(e, c.get(), now);
      }
      for (AutomationRule rule : rules(e)) {
        run(rule, e, c.get(), now);
      }
    }
    e.done(now);
  }

  private List<AutomationRule> rules(AutomationEvent e) {
    if (e.getRuleId() != null) {
      AutomationRule r = em.find(AutomationRule.class, e.getRuleId());
      return r == null || r.isPaused() ? List.of() : List.of(r);
    }
    return em.createNamedQuery(AutomationRule.ACTIVE_FOR, AutomationRule.class)
        .setParameter("event", e.getKind())
        .getResultList();
  }

  private void run(AutomationRule rule, AutomationEvent e, Conversation c, Instant now) {
    Definitions.Checked d = definitions.rule(rule.getDefinition());
    if (!d.ok()) {
      Wording reason = d.pauseReason();
      rule.pause(reason, now);
      log(rule, e, AutomationRun.Outcome.PAUSED, reason, now);
      return;
    }
    long recent =
        em.createNamedQuery(AutomationRun.RECENT_DONE, Long.class)
            .setParameter("rule", rule.getId())
            .setParameter("conversation", c.getId())
            .setParameter("done", AutomationRun.Outcome.DONE)
            .setParameter("since", now.minus(LOOP_GUARD))
            .getSingleResult();
    if (recent > 0) {
      log(rule, e, AutomationRun.Outcome.SKIPPED, AutomationWords.LOG_LOOP_RECENT.with(), now);
      return;
    }
    // As committed now: an earlier rule of this event may have moved, assigned or labelled it.
    Conversation current = fresh.conversation(c.getId()).orElse(c);
    Situation s = situation(rule, e, current, false);
    Optional<Wording> unmet = steps.unmet(d.conditions(), s);
    if (unmet.isPresent()) {
      log(rule, e, AutomationRun.Outcome.NOTHING, unmet.get(), now);
      return;
    }
    if (!loopGuard.claim(rule.getId(), c.getId(), now)) {
      log(rule, e, AutomationRun.Outcome.SKIPPED, AutomationWords.LOG_LOOP_ELSEWHERE.with(), now);
      return;
    }
    Steps.Result r = steps.run(d.actions(), s);
    if (r.done() == 0) {
      loopGuard.release(rule.getId(), c.getId(), now);
    }
    log(
        rule,
        e,
        r.done() > 0 ? AutomationRun.Outcome.DONE : AutomationRun.Outcome.NOTHING,
        r.wording(),
        now);
  }

  Situation situation(AutomationRule rule, AutomationEvent e, Conversation c, boolean dry) {
    return new Situation(
        e.getKind(),
        c,
        e.getKind() == Trigger.CUSTOMER_MESSAGE ? e.getDetail() : null,
        e.isFirstMessage(),
        e.getKind() == Trigger.LABEL_ADDED ? e.getDetail() : null,
        e.getOccurredAt(),
        dry,
        "auto-r" + rule.getId() + "-e" + e.getId(),
        "Rule '" + rule.getName() + "'",
        rule.getUpdatedBy(),
        situationFacts);
  }

  private void log(
      AutomationRule rule,
      AutomationEvent e,
      AutomationRun.Outcome outcome,
      Wording detail,
      Instant now) {
    em.persist(
        new AutomationRun(
            rule.getId(), e.getConversationId(), e.getKind().name(), outcome, detail, now));
  }
}
