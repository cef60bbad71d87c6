package in.picode.kretanote.sla.view;

import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.sla.boundary.SlaClocks;
import in.picode.kretanote.sla.boundary.SlaReport;
import in.picode.kretanote.sla.boundary.SlaStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The SLA parts of other pages ({@code WEB-INF/includes/sla-*.xhtml}): time left or breached per
 * inbox row (the page's rows read with one query per request) and breach rates on Analytics.
 */
@Named
@RequestScoped
public class SlaViewBean {

  @Inject SlaClocks clocks;
  @Inject SlaReport report;

  private Map<Long, SlaStatus> statuses;
  private List<SlaReport.Row> agents;

  /** The status of {@code conversationId}, reading all of {@code rows} at the first call. */
  public SlaStatus status(List<InboxRow> rows, long conversationId) {
    if (statuses == null) {
      statuses = clocks.statuses(rows.stream().map(InboxRow::id).toList());
    }
    return statuses.get(conversationId);
  }

  public List<SlaReport.Row> perAgent(List<LocalDate> range) {
    if (agents == null) {
      agents =
          range == null || range.size() < 2 || range.get(0) == null || range.get(1) == null
              ? List.of()
              : report.perAgent(range.get(0), range.get(1));
    }
    return agents;
  }
}
