package in.picode.kretanote.outbound.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A campaign (or its test send) refused for all these reasons at once; nothing was written. */
@ApplicationException(rollback = true)
public class CampaignProblemsException extends OutboundRefusedException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CampaignProblemsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> getProblems() {
    return problems;
  }
}
