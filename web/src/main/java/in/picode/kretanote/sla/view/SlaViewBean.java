package in.picode.kretanote.sla.view;

import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.platform.view.Texts;
import in.picode.kretanote.sla.boundary.SlaClocks;
import in.picode.kretanote.sla.boundary.SlaReport;
import in.picode.kretanote.sla.boundary.SlaStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The SLA parts of other pages ({@code WEB-INF/includes/sla-*.xhtml}): time left or breached per
 * inbox row (the page's rows read with one query per request) and breach rates on Analytics.
 */
@Named
@RequestScoped
public class SlaViewBean {

  /** The bundle of the service-level pages and parts. */
  public static final String BUNDLE = "in.picode.kretanote.sla.view.SlaTexts";

  @Inject SlaClocks clocks;
  @Inject SlaReport report;

  private Map<Long, SlaStatus> statuses;
  // Keyed by the range: a postback reads it before Show has set the new range.
  private final Map<List<LocalDate>, List<SlaReport.Row>> agents = new HashMap<>();

  /** The status of {@code conversationId}, reading all of {@code rows} at the first call. */
  public SlaStatus status(List<InboxRow> rows, long conversationId) {
    if (statuses == null) {
      statuses = clocks.statuses(rows.stream().map(InboxRow::id).toList());
    }
    return statuses.get(conversationId);
  }

  /**
   * An inbox row's words in the page's language: "SLA response: 12 min left", "SLA resolution:
   * breached 1 h 4 min ago". Time left rounds up (never "0 min left" before the due time), time
   * past rounds down.
   */
  public String words(SlaStatus status) {
    return words(status, Texts.locale());
  }

  /** {@link #words(SlaStatus)} in {@code locale}. */
  static String words(SlaStatus status, Locale locale) {
    long seconds = Math.abs(status.left().getSeconds());
    long minutes = status.breached() ? seconds / 60 : (seconds + 59) / 60;
    String span =
        minutes >= 60
            ? text(locale, "status.hours", minutes / 60, minutes % 60)
            : text(locale, "status.minutes", minutes);
    String what = "resolution".equals(status.what()) ? "resolution" : "response";
    return text(locale, "status." + what + (status.breached() ? ".breached" : ".left"), span);
  }

  private static String text(Locale locale, String key, Object... args) {
    return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale)
        .format(args);
  }

  public List<SlaReport.Row> perAgent(List<LocalDate> range) {
    return range != null && range.size() >= 2 && range.get(0) != null && range.get(1) != null
        ? agents.computeIfAbsent(
            List.of(range.get(0), range.get(1)), r -> report.perAgent(r.get(0), r.get(1)))
        : List.of();
  }
}
