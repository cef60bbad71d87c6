package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.boundary.AutomationChoices;
import in.picode.kretanote.automation.boundary.AutomationRefusedException;
import in.picode.kretanote.automation.boundary.AutomationRules;
import in.picode.kretanote.automation.boundary.DryRuns;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.automation.entity.AutomationRun;
import in.picode.kretanote.automation.entity.Trigger;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings → Automation: the rules in order (up, down, pause, resume, edit, delete), one editor
 * ("when event, and conditions, then actions") with a dry run over the last seven days, and the run
 * log. Every problem of a save comes back at once; an id of another business is refused by the
 * boundary.
 */
@Named
@ViewScoped
public class AutomationBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AutomationRules rules;
  @Inject transient DryRuns dryRuns;
  @Inject transient AutomationChoices choices;
  @Inject CurrentUser user;

  private List<AutomationRule> all = List.of();
  private List<AutomationRun> runs = List.of();
  private List<DryRuns.Row> dry;
  private Long editing;
  private String name;
  private Trigger event = Trigger.CUSTOMER_MESSAGE;
  private Integer waitMinutes = 60;
  private final StepList conditions = new StepList();
  private final StepList actions = new StepList();
  private String newCondition;
  private String newAction;

  @PostConstruct
  void load() {
    all = rules.all();
    runs = rules.runs(null, 50);
    if (actions.getRows().isEmpty()) {
      actions.add("add_label");
    }
  }

  public void edit(long id) {
    rules
        .find(id)
        .ifPresent(
            r -> {
              editing = r.getId();
              name = r.getName();
              event = r.getEvent();
              waitMinutes = r.getWaitMinutes();
              try (JsonReader reader = Jsons.createReader(new StringReader(r.getDefinition()))) {
                JsonObject d = reader.readObject();
                conditions.load(d.get("conditions"));
                actions.load(d.get("actions"));
              }
              dry = null;
            });
  }

  public void startNew() {
    editing = null;
    name = null;
    event = Trigger.CUSTOMER_MESSAGE;
    conditions.clear();
    actions.clear();
    actions.add("add_label");
    dry = null;
  }

  public void save() {
    try {
      rules.save(editing, name, event, waitMinutes, definition(), user.getUserId());
      PageMessages.info(AutomationLabels.text("automation.saved", name.strip()));
      startNew();
      load();
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
  }

  public void dryRun() {
    try {
      dry = dryRuns.replay(event, waitMinutes, definition());
      PageMessages.info(AutomationLabels.text("automation.dryRunDone", dry.size()));
    } catch (AutomationRefusedException e) {
      dry = null;
      Wordings.all(e).forEach(PageMessages::error);
    }
  }

  public void addCondition() {
    if (newCondition != null && !newCondition.isBlank()) {
      conditions.add(newCondition);
    }
  }

  public void addAction() {
    if (newAction != null && !newAction.isBlank()) {
      actions.add(newAction);
    }
  }

  public void move(long id, boolean up) {
    change(() -> rules.move(id, up), null);
  }

  public void pause(long id) {
    change(() -> rules.pause(id), AutomationLabels.text("automation.pausedDone"));
  }

  public void resume(long id) {
    change(() -> rules.resume(id), AutomationLabels.text("automation.resumedDone"));
  }

  public void delete(long id) {
    change(() -> rules.delete(id), AutomationLabels.text("automation.deletedDone"));
  }

  public void showRuns(Long ruleId) {
    try {
      runs = rules.runs(ruleId, 100);
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
  }

  private void change(Runnable r, String done) {
    try {
      r.run();
      if (done != null) {
        PageMessages.info(done);
      }
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
    all = rules.all();
    runs = rules.runs(null, 50);
  }

  private String definition() {
    return Jsons.createObjectBuilder()
        .add("conditions", conditions.toJson())
        .add("actions", actions.toJson())
        .build()
        .toString();
  }

  /** The rule's name for a run row, or what else ran (away, greeting, macro). */
  public String source(AutomationRun r) {
    if (r.getRuleId() == null) {
      return AutomationLabels.text(
          r.getEvent().startsWith("AWAY") ? "source.away" : "source.greeting");
    }
    return all.stream()
        .filter(x -> x.getId().equals(r.getRuleId()))
        .map(AutomationRule::getName)
        .findFirst()
        .orElse(
            "MACRO".equals(r.getEvent())
                ? AutomationLabels.text("source.macro", String.valueOf(r.getRuleId()))
                : "#" + r.getRuleId());
  }

  public List<Trigger> getEvents() {
    return Arrays.stream(Trigger.values()).filter(t -> t != Trigger.MACRO).toList();
  }

  public Map<String, String> getConditionTypes() {
    return AutomationLabels.named(choices.conditions().keySet(), true);
  }

  public Map<String, String> getActionTypes() {
    return AutomationLabels.named(choices.actions(false).keySet(), false);
  }

  public List<AutomationRule> getAll() {
    return all;
  }

  public List<AutomationRun> getRuns() {
    return runs;
  }

  public List<DryRuns.Row> getDry() {
    return dry;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Trigger getEvent() {
    return event;
  }

  public void setEvent(Trigger event) {
    this.event = event;
  }

  public Integer getWaitMinutes() {
    return waitMinutes;
  }

  public void setWaitMinutes(Integer waitMinutes) {
    this.waitMinutes = waitMinutes;
  }

  public StepList getConditions() {
    return conditions;
  }

  public StepList getActions() {
    return actions;
  }

  public String getNewCondition() {
    return newCondition;
  }

  public void setNewCondition(String newCondition) {
    this.newCondition = newCondition;
  }

  public String getNewAction() {
    return newAction;
  }

  public void setNewAction(String newAction) {
    this.newAction = newAction;
  }
}
