package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends an approved template with fixed body values ({@code values}) as an automatic message,
 * through the same guard as a person's template (outside the window too, within the limit).
 */
@ApplicationScoped
public class SendTemplateAction implements Action {

  @Inject Sending sending;
  @Inject References references;

  @Override
  public String type() {
    return "send_template";
  }

  @Override
  public String words() {
    return "Send template";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    references.template(
        Params.requireNumber(p, "templateId", AutomationWords.PARAM_TEMPLATE.with(), out), out);
    if (p.containsKey("values") && !(p.get("values") instanceof JsonArray)) {
      out.add(AutomationWords.STEP_VALUES_NOT_LIST.with());
    } else if (values(p).size() > 20) {
      out.add(AutomationWords.STEP_VALUES_MAX.with(20));
    }
  }

  @Override
  public Wording run(JsonObject p, Situation s) {
    List<Wording> missing = new ArrayList<>();
    MessageTemplate t =
        references
            .template(Params.number(p, "templateId"), missing)
            .orElseThrow(() -> new ActionRefusedException(missing));
    Wording line = AutomationWords.LOG_SEND_TEMPLATE.with(t.getName(), t.getLanguage());
    return Changes.sent(
        s,
        line,
        sending.sendAutomatedTemplate(
            s.conversationId(), s.key(), t.getName(), t.getLanguage(), values(p), s.dry()));
  }

  private static List<String> values(JsonObject p) {
    if (!(p.get("values") instanceof JsonArray a)) {
      return List.of();
    }
    List<String> v = new ArrayList<>();
    a.forEach(x -> v.add(x instanceof JsonString js ? js.getString() : x.toString()));
    return v;
  }
}
