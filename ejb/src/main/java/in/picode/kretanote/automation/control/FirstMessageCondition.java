package in.picode.kretanote.automation.control;

import in.picode.kretanote.automation.boundary.AutomationWords;
import in.picode.kretanote.platform.boundary.Wording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The customer's message is (or, with {@code first} false, is not) the first since the conversation
 * was opened or re-opened.
 */
@ApplicationScoped
public class FirstMessageCondition implements Condition {

  @Override
  public String type() {
    return "first_message";
  }

  @Override
  public String words() {
    return "First message of the conversation";
  }

  @Override
  public void check(JsonObject p, List<Wording> out) {
    // first defaults to true; nothing else to check
  }

  @Override
  public boolean test(JsonObject p, Situation s) {
    return s.firstMessage() == Params.flag(p, "first", true);
  }

  @Override
  public Wording describe(JsonObject p) {
    return (Params.flag(p, "first", true)
            ? AutomationWords.IS_FIRST_MESSAGE
            : AutomationWords.NOT_FIRST_MESSAGE)
        .with();
  }
}
