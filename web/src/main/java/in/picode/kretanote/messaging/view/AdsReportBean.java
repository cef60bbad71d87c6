package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.Referrals;
import in.picode.kretanote.messaging.boundary.Referrals.AdFigures;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * Analytics' Click-to-WhatsApp section (issue 20): conversations per ad over the page's range, how
 * many got a reply and how many are resolved.
 */
@Named
@RequestScoped
public class AdsReportBean {

  @Inject Referrals referrals;
  @Inject AnalyticsBean analytics;

  private List<AdFigures> ads;

  public List<AdFigures> getAds() {
    if (ads == null) {
      List<LocalDate> range = analytics.getRange();
      ads =
          range == null || range.size() < 2 || range.get(0) == null || range.get(1) == null
              ? List.of()
              : referrals.byAd(range.get(0), range.get(1));
    }
    return ads;
  }
}
