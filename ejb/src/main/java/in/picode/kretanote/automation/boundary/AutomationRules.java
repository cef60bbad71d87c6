package in.picode.kretanote.automation.boundary;

import in.picode.kretanote.automation.control.Definitions;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current business's automation rules: list, save (every problem at once: name, event, wait,
 * each condition and action, the labels, templates, canned responses and agents they name; a rule
 * without actions is refused), order, pause and resume, delete, and the run log. An id of another
 * business finds nothing and changes nothing. Listing pauses a rule whose target disappeared, with
 * the reason.
 */
@Stateless
@TenantScoped
public class AutomationRules {

  public static final int WAIT_MAX = 7 * 24 * 60;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Definitions definitions;
  @Inject Clock clock;

  public List<AutomationRule> all() {
    List<AutomationRule> rules =
        em.createNamedQuery(AutomationRule.ALL, AutomationRule.class)
            .setParameter("macro", Trigger.MACRO)
            .getResultList();
    pauseBroken(rules);
    return rules;
  }

  /**
   * Pauses, with the reason, every active rule that names something that no longer exists; in a
   * transaction of its own, run when another feature deleted a label, team, template or canned
   * response ({@link TargetWatch}). Returns how many it paused.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int pauseBroken() {
    return pauseBroken(
        em.createNamedQuery(AutomationRule.ALL, AutomationRule.class)
            .setParameter("macro", Trigger.MACRO)
            .getResultList());
  }

  private int pauseBroken(List<AutomationRule> rules) {
    Instant now = Instant.now(clock);
    int paused = 0;
    for (AutomationRule r : rules) {
      if (!r.isPaused()) {
        Definitions.Checked d = definitions.rule(r.getDefinition());
        if (!d.ok()) {
          r.pause(d.pauseReason(), now);
          paused++;
        }
      }
    }
    return paused;
  }

  public Optional<AutomationRule> find(long id) {
    return Optional.ofNullable(em.find(AutomationRule.class, id))
        .filter(r -> r.getEvent() != Trigger.MACRO);
  }

  /** Creates ({@code id} null) or changes a rule; refused with every problem, nothing saved. */
  public AutomationRule save(
      Long id, String name, Trigger event, Integer waitMinutes, String json, long userId) {
    List<Wording> problems = new ArrayList<>();
    AutomationRule rule = null;
    if (id != null) {
      rule = find(id).orElse(null);
      if (rule == null) {
        throw new AutomationRefusedException(AutomationWords.NO_SUCH_RULE.with());
      }
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > AutomationRule.NAME_MAX) {
      problems.add(AutomationWords.RULE_NAME.with(AutomationRule.NAME_MAX));
    }
    if (event == null || event == Trigger.MACRO) {
      problems.add(AutomationWords.RULE_EVENT.with());
    } else if (event == Trigger.NO_REPLY
        && (waitMinutes == null || waitMinutes < 1 || waitMinutes > WAIT_MAX)) {
      problems.add(AutomationWords.RULE_WAIT.with(WAIT_MAX));
    }
    Definitions.Checked d = definitions.rule(json);
    problems.addAll(d.wordings());
    if (!problems.isEmpty()) {
      throw new AutomationRefusedException(problems);
    }
    Instant now = Instant.now(clock);
    if (rule == null) {
      rule = new AutomationRule(nextPosition(), now);
      rule.define(n, event, wait(event, waitMinutes), json.strip(), userId, now);
      em.persist(rule);
      em.flush();
    } else {
      rule.define(n, event, wait(event, waitMinutes), json.strip(), userId, now);
    }
    return rule;
  }

  /** Moves a rule one place up (earlier) or down. */
  public void move(long id, boolean up) {
    List<AutomationRule> rules =
        em.createNamedQuery(AutomationRule.ALL, AutomationRule.class)
            .setParameter("macro", Trigger.MACRO)
            .getResultList();
    for (int i = 0; i < rules.size(); i++) {
      rules.get(i).moveTo(i);
    }
    int at = rules.indexOf(get(id));
    int other = up ? at - 1 : at + 1;
    if (other >= 0 && other < rules.size()) {
      rules.get(at).moveTo(other);
      rules.get(other).moveTo(at);
    }
  }

  public void pause(long id) {
    get(id).pause((String) null, Instant.now(clock));
  }

  /** Resumes a paused rule, refused while a target it names is still missing. */
  public void resume(long id) {
    AutomationRule r = get(id);
    Definitions.Checked d = definitions.rule(r.getDefinition());
    if (!d.ok()) {
      throw new AutomationRefusedException(d.wordings());
    }
    r.resume(Instant.now(clock));
  }

  public void delete(long id) {
    em.remove(get(id));
  }

  /** The latest runs, of one rule or ({@code ruleId} null) of all rules, macros and messages. */
  public List<AutomationRun> runs(Long ruleId, int max) {
    if (ruleId != null) {
      get(ruleId);
    }
    return (ruleId == null
            ? em.createNamedQuery(AutomationRun.LATEST, AutomationRun.class)
            : em.createNamedQuery(AutomationRun.OF_RULE, AutomationRun.class)
                .setParameter("rule", ruleId))
        .setMaxResults(Math.min(Math.max(max, 1), 500))
        .getResultList();
  }

  private AutomationRule get(long id) {
    return find(id)
        .orElseThrow(() -> new AutomationRefusedException(AutomationWords.NO_SUCH_RULE.with()));
  }

  private int nextPosition() {
    Integer max =
        em.createQuery("select max(r.position) from AutomationRule r", Integer.class)
            .getSingleResult();
    return max == null ? 0 : max + 1;
  }

  private static Integer wait(Trigger event, Integer minutes) {
    return event == Trigger.NO_REPLY ? minutes : null;
  }
}
