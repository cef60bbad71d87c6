package in.picode.kretanote.csat.view;

import in.picode.kretanote.csat.boundary.CsatReport;
import in.picode.kretanote.csat.boundary.Surveys;
import in.picode.kretanote.csat.entity.CsatSurvey;
import in.picode.kretanote.platform.view.Texts;
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
 * The survey parts of other pages ({@code WEB-INF/includes/csat-*.xhtml}): a conversation's rounds
 * and ratings, and the ratings per agent on Analytics. Read once per request.
 */
@Named
@RequestScoped
public class CsatViewBean {

  /** The bundle of the survey pages and parts. */
  public static final String BUNDLE = "in.picode.kretanote.csat.view.CsatTexts";

  @Inject Surveys surveys;
  @Inject CsatReport report;

  private final Map<Long, List<CsatSurvey>> byConversation = new HashMap<>();
  // Keyed by the range: a postback reads these before Show has set the new range.
  private final Map<List<LocalDate>, List<CsatReport.Row>> agents = new HashMap<>();
  private final Map<List<LocalDate>, List<CsatReport.Row>> teams = new HashMap<>();

  public List<CsatSurvey> of(Long conversationId) {
    if (conversationId == null) {
      return List.of();
    }
    return byConversation.computeIfAbsent(conversationId, surveys::ofConversation);
  }

  /** Ratings per agent over the Analytics range (its first and last day). */
  public List<CsatReport.Row> perAgent(List<LocalDate> range) {
    return complete(range)
        ? agents.computeIfAbsent(
            List.of(range.get(0), range.get(1)), r -> report.perAgent(r.get(0), r.get(1)))
        : List.of();
  }

  /** Ratings per team (the conversation's team when it was resolved) over the Analytics range. */
  public List<CsatReport.Row> perTeam(List<LocalDate> range) {
    return complete(range)
        ? teams.computeIfAbsent(
            List.of(range.get(0), range.get(1)), r -> report.perTeam(r.get(0), r.get(1)))
        : List.of();
  }

  static boolean complete(List<LocalDate> range) {
    return range != null && range.size() >= 2 && range.get(0) != null && range.get(1) != null;
  }

  /** "★★★★☆ 4 of 5". */
  public String stars(Integer rating) {
    return stars(rating, Texts.locale());
  }

  /** {@link #stars(Integer)} in {@code locale}. */
  static String stars(Integer rating, Locale locale) {
    if (rating == null) {
      return "";
    }
    return "★".repeat(rating)
        + "☆".repeat(5 - rating)
        + " "
        + new MessageFormat(
                ResourceBundle.getBundle(BUNDLE, locale).getString("conversation.stars"), locale)
            .format(new Object[] {rating});
  }
}
