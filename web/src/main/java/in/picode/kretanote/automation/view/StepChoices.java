package in.picode.kretanote.automation.view;

import in.picode.kretanote.automation.boundary.AutomationChoices;
import in.picode.kretanote.automation.boundary.AutomationChoices.Choice;
import in.picode.kretanote.platform.view.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rule and macro editors offer to choose for a step's value, so nobody types an agent's,
 * team's, number's or canned response's id: the agents, teams, WhatsApp numbers and canned
 * responses by name, and the fixed values (inside/outside business hours, first message yes/no,
 * priorities) in the page's language. The values are the ones the step's JSON takes ({@link
 * StepRow}). A type without a list (keywords, labels, tags, fields, templates, notes) keeps its
 * text field, and {@link #getReferences()} lists the names such a value may use.
 */
@Named
@RequestScoped
public class StepChoices {

  static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

  @Inject AutomationChoices choices;

  private final Map<String, List<SelectItem>> cache = new HashMap<>();

  /** The values to choose from for a step of {@code type}; empty when the value is typed. */
  public List<SelectItem> of(String type) {
    return type == null ? List.of() : cache.computeIfAbsent(type, this::load);
  }

  /** True when the step's value is chosen from a list. */
  public boolean chosen(String type) {
    return !of(type).isEmpty();
  }

  private List<SelectItem> load(String type) {
    List<SelectItem> out = new ArrayList<>();
    switch (type) {
      case "assignee", "assign" -> {
        out.add(item("", AutomationLabels.text("choice.nobody")));
        choices.agents().forEach(c -> out.add(item(c)));
      }
      case "team" -> {
        out.add(item("", AutomationLabels.text("choice.noTeam")));
        choices.teams().forEach(c -> out.add(item(c)));
      }
      case "assign_team" -> choices.teams().forEach(c -> out.add(item(c)));
      case "channel" -> choices.numbers().forEach(c -> out.add(item(c)));
      case "send_canned" -> choices.cannedResponses().forEach(c -> out.add(item(c)));
      case "business_hours" -> {
        out.add(item("inside", AutomationLabels.text("choice.inside")));
        out.add(item("outside", AutomationLabels.text("choice.outside")));
      }
      case "first_message" -> {
        out.add(item("yes", AutomationLabels.text("choice.yes")));
        out.add(item("no", AutomationLabels.text("choice.no")));
      }
      case "priority" ->
          PRIORITIES.forEach(p -> out.add(item(p, AutomationLabels.text("priority." + p))));
      default -> {
        // typed
      }
    }
    return out;
  }

  /** The names typed values may use, in the page's language. */
  public List<String> getReferences() {
    Locale locale = Texts.locale();
    return choices.references().stream()
        .map(
            r ->
                switch (r.kind()) {
                  case LABEL -> AutomationLabels.text("ref.label", r.name());
                  case FIELD -> AutomationLabels.text("ref.field", r.name());
                  case TEMPLATE -> AutomationLabels.text("ref.template", r.name(), r.code());
                  case LANGUAGE ->
                      AutomationLabels.text(
                          "ref.language",
                          Locale.forLanguageTag(r.code()).getDisplayLanguage(locale),
                          r.code());
                })
        .toList();
  }

  private static SelectItem item(Choice c) {
    return item(c.value(), c.name());
  }

  private static SelectItem item(String value, String label) {
    return new SelectItem(value, label);
  }
}
