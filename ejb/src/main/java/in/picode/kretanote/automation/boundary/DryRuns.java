package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.control.Situation;
import in.picode.kretanote.automation.control.SituationFacts;
import in.picode.kretanote.automation.control.Steps;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays the last seven days of stored messages and conversations against a rule not yet saved and
 * says what it would have done, conversation by conversation: conditions are evaluated, sends are
 * put to the guard (its refusals show), and nothing is changed or sent — the actions only describe
 * themselves, and the transaction is rolled back in any case.
 */
@Stateless
@TenantScoped
public class DryRuns {

  static final Duration BACK = Duration.ofDays(7);
  static final int MAX = 200;

  @Inject Definitions definitions;
  @Inject ConversationFacts facts;
  @Inject Steps steps;
  @Inject SituationFacts situationFacts;
  @Inject Clock clock;
  @Resource SessionContext context;

  /**
   * One conversation the rule would have acted on, and what it would have done: in English and as a
   * wording for the reader's language.
   */
  public record Row(long conversationId, Instant at, String what, Wording wording) {}

  public List<Row> replay(Trigger event, Integer waitMinutes, String json) {
    Definitions.Checked d = definitions.rule(json);
    if (event == null) {
      throw new AutomationRefusedException(AutomationWords.RULE_EVENT.with());
    }
    if (!d.ok()) {
      throw new AutomationRefusedException(d.wordings());
    }
    Instant now = Instant.now(clock);
    Instant since = now.minus(BACK);
    List<Row> rows = new ArrayList<>();
    try {
      for (Replay r : replays(event, waitMinutes, since, now)) {
        Optional<Conversation> c = facts.find(r.conversationId());
        if (c.isEmpty() || rows.size() >= MAX) {
          continue;
        }
        Situation s =
            new Situation(
                event,
                c.get(),
                r.text(),
                r.first(),
                r.label(),
                r.at(),
                true,
                "dry",
                "Dry run",
                0L,
                situationFacts);
        if (steps.unmet(d.conditions(), s).isEmpty()) {
          Wording what = steps.run(d.actions(), s).wording();
          rows.add(new Row(r.conversationId(), r.at(), what.english(), what));
        }
      }
    } finally {
      context.setRollbackOnly();
    }
    return rows;
  }

  private record Replay(
      long conversationId, Instant at, String text, boolean first, String label) {}

  private List<Replay> replays(Trigger event, Integer wait, Instant since, Instant now) {
    List<Replay> out = new ArrayList<>();
    switch (event) {
      case CUSTOMER_MESSAGE ->
          facts
              .messagesSince(since, false, 1000)
              .forEach(
                  m ->
                      out.add(
                          new Replay(
                              m.conversationId(),
                              m.at(),
                              m.text(),
                              facts.firstSinceOpened(m.conversationId(), m.messageId(), false),
                              null)));
      case MESSAGE_FAILED ->
          facts
              .messagesSince(since, true, 1000)
              .forEach(m -> out.add(new Replay(m.conversationId(), m.at(), null, false, null)));
      case CONVERSATION_RESOLVED ->
          facts
              .conversationsSince(since, true, 1000)
              .forEach(id -> out.add(new Replay(id, now, null, false, null)));
      case CONVERSATION_CREATED ->
          facts.conversationsSince(since, false, 1000).stream()
              .map(facts::find)
              .flatMap(Optional::stream)
              .filter(c -> !c.getOpenedAt().isBefore(since))
              .forEach(c -> out.add(new Replay(c.getId(), c.getOpenedAt(), null, true, null)));
      case LABEL_ADDED ->
          facts
              .conversationsSince(since, false, 1000)
              .forEach(
                  id ->
                      situationFacts
                          .labels(id)
                          .forEach(l -> out.add(new Replay(id, now, null, false, l))));
      case NO_REPLY ->
          facts
              .waitingForReply(since, now.minus(Duration.ofMinutes(wait == null ? 60 : wait)), 1000)
              .forEach(w -> out.add(new Replay(w.conversationId(), w.at(), null, false, null)));
    }
    return out;
  }
}
