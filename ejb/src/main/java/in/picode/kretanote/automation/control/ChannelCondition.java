package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/** The conversation is on one of the business's WhatsApp numbers ({@code connectionId}). */
@ApplicationScoped
public class ChannelCondition implements Condition {

  @Override
  public String type() {
    return "channel";
  }

  @Override
  public String words() {
    return "On WhatsApp number";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    Params.requireNumber(p, "connectionId", AutomationWords.PARAM_NUMBER.with(), out);
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    Long c = Params.number(p, "connectionId");
    return c != null && c == s.conversation().getConnectionId();
  }

  @Override
  public Wording describe(JsonObject p) {
    return AutomationWords.IS_ON_NUMBER.with(String.valueOf(Params.number(p, "connectionId")));
  }
}
