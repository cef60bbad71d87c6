package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.platform.boundary.Wording;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A campaign (or its test send) refused for all these reasons at once, each a wording the form
 * shows in the reader's language; nothing was written.
 */
@ApplicationException(rollback = true)
public class CampaignProblemsException extends OutboundRefusedException {

  private static final long serialVersionUID = 1L;

  public CampaignProblemsException(List<Wording> problems) {
    super(problems);
  }

  /** The problems in English, one after the other as the public API has always answered. */
  @Override
  public String getMessage() {
    return String.join("; ", problems());
  }

  /** The problems in English (the public API's answer). */
  public List<String> getProblems() {
    return problems();
  }
}
