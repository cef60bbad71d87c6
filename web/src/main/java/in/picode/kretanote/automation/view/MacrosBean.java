package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.boundary.AutomationChoices;
import in.picode.kretanote.automation.boundary.AutomationRefusedException;
import in.picode.kretanote.automation.boundary.Macros;
import in.picode.kretanote.automation.entity.AutomationRule;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.view.CurrentUser;
import in.picode.kretanote.platform.view.PageMessages;
import in.picode.kretanote.platform.view.Wordings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * Settings → Macros: named lists of actions (assign, labels, tags, canned response, note, resolve,
 * snooze) agents run on a conversation with one click. Every problem of a save at once.
 */
@Named
@ViewScoped
public class MacrosBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Macros macros;
  @Inject transient AutomationChoices choices;
  @Inject CurrentUser user;

  private List<AutomationRule> all = List.of();
  private Long editing;
  private String name;
  private final StepList actions = new StepList();
  private String newAction;

  @PostConstruct
  void load() {
    all = macros.all();
    if (actions.getRows().isEmpty()) {
      actions.add("add_label");
    }
  }

  public void edit(long id) {
    macros
        .find(id)
        .ifPresent(
            m -> {
              editing = m.getId();
              name = m.getName();
              try (JsonReader r = Jsons.createReader(new StringReader(m.getDefinition()))) {
                actions.load(r.readValue());
              }
            });
  }

  public void startNew() {
    editing = null;
    name = null;
    actions.clear();
    actions.add("add_label");
  }

  public void save() {
    try {
      macros.save(editing, name, actions.toJson().toString(), user.getUserId());
      PageMessages.info(AutomationLabels.text("macros.saved", name.strip()));
      startNew();
      all = macros.all();
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
  }

  public void delete(long id) {
    try {
      macros.delete(id);
      PageMessages.info(AutomationLabels.text("macros.deleted"));
    } catch (AutomationRefusedException e) {
      Wordings.all(e).forEach(PageMessages::error);
    }
    all = macros.all();
  }

  public void addAction() {
    if (newAction != null && !newAction.isBlank()) {
      actions.add(newAction);
    }
  }

  public Map<String, String> getActionTypes() {
    return AutomationLabels.named(choices.actions(true).keySet(), false);
  }

  public List<AutomationRule> getAll() {
    return all;
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

  public StepList getActions() {
    return actions;
  }

  public String getNewAction() {
    return newAction;
  }

  public void setNewAction(String newAction) {
    this.newAction = newAction;
  }
}
