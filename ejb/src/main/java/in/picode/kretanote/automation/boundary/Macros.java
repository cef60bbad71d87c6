package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.control.Situation;
import in.picode.kretanote.automation.control.SituationFacts;
import in.picode.kretanote.automation.control.Steps;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.messaging.boundary.ConversationFacts;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.routing.boundary.RoutingWords;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current business's macros: named lists of actions (assign, labels, tags, canned response,
 * note, resolve, snooze) an agent runs on a conversation with one click, through the same action
 * classes as rules (sends go through the guard). Each run is logged like a rule's. A macro is an
 * {@link AutomationRule} of event {@link Trigger#MACRO}, whose definition is its list of actions.
 */
@Stateless
@TenantScoped
public class Macros {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Definitions definitions;
  @Inject ConversationFacts facts;
  @Inject Steps steps;
  @Inject SituationFacts situationFacts;
  @Inject Clock clock;

  public List<AutomationRule> all() {
    return em.createNamedQuery(AutomationRule.MACROS, AutomationRule.class)
        .setParameter("macro", Trigger.MACRO)
        .getResultList();
  }

  public Optional<AutomationRule> find(long id) {
    return Optional.ofNullable(em.find(AutomationRule.class, id))
        .filter(r -> r.getEvent() == Trigger.MACRO);
  }

  /** Creates ({@code id} null) or changes a macro; refused with every problem, nothing saved. */
  public AutomationRule save(Long id, String name, String json, long userId) {
    List<Wording> problems = new ArrayList<>();
    AutomationRule macro = id == null ? null : find(id).orElse(null);
    if (id != null && macro == null) {
      throw new AutomationRefusedException(AutomationWords.NO_SUCH_MACRO.with());
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      problems.add(AutomationWords.MACRO_NAME.with(100));
    }
    Long clash =
        em.createQuery(
                "select count(m) from AutomationRule m where m.event = :macro and m.name = :n"
                    + " and m.id <> :id",
                Long.class)
            .setParameter("macro", Trigger.MACRO)
            .setParameter("n", n)
            .setParameter("id", id == null ? -1L : id)
            .getSingleResult();
    if (clash > 0) {
      problems.add(AutomationWords.MACRO_NAME_TAKEN.with(n));
    }
    problems.addAll(definitions.macro(json).wordings());
    if (!problems.isEmpty()) {
      throw new AutomationRefusedException(problems);
    }
    Instant now = Instant.now(clock);
    if (macro == null) {
      macro = new AutomationRule(0, now);
      macro.define(n, Trigger.MACRO, null, json.strip(), userId, now);
      em.persist(macro);
      em.flush();
    } else {
      macro.define(n, Trigger.MACRO, null, json.strip(), userId, now);
    }
    return macro;
  }

  public void delete(long id) {
    em.remove(
        find(id)
            .orElseThrow(
                () -> new AutomationRefusedException(AutomationWords.NO_SUCH_MACRO.with())));
  }

  /**
   * Runs a macro on a conversation for an agent; returns what each action did, in words (a wording
   * for the agent's language).
   */
  public Wording run(long macroId, long conversationId, long userId) {
    AutomationRule m =
        find(macroId)
            .orElseThrow(
                () -> new AutomationRefusedException(AutomationWords.NO_SUCH_MACRO.with()));
    Conversation c =
        facts
            .find(conversationId)
            .orElseThrow(() -> new AutomationRefusedException(RoutingWords.NO_CONVERSATION.with()));
    Definitions.Checked d = definitions.macro(m.getDefinition());
    if (!d.ok()) {
      throw new AutomationRefusedException(d.wordings());
    }
    Instant now = Instant.now(clock);
    Situation s =
        new Situation(
            null,
            c,
            null,
            false,
            null,
            now,
            false,
            "macro" + m.getId() + "-" + UUID.randomUUID(),
            "Macro '" + m.getName() + "'",
            userId,
            situationFacts);
    Steps.Result r = steps.run(d.actions(), s);
    em.persist(
        new AutomationRun(
            m.getId(),
            conversationId,
            "MACRO",
            r.done() > 0 ? AutomationRun.Outcome.DONE : AutomationRun.Outcome.NOTHING,
            r.wording(),
            now));
    return r.wording();
  }
}
