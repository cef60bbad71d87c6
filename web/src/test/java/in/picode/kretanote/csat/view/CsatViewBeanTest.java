package in.picode.kretanote.csat.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.csat.boundary.CsatReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A rating's stars with the rating in words, in the page's language; Analytics' ratings follow the
 * range Show sets, not the one a postback read first.
 */
class CsatViewBeanTest {

  @Test
  void starsSayTheRatingInWords() {
    assertThat(CsatViewBean.stars(4, Locale.ENGLISH)).isEqualTo("★★★★☆ 4 of 5");
    assertThat(CsatViewBean.stars(2, Locale.forLanguageTag("hi"))).isEqualTo("★★☆☆☆ 5 में से 2");
    assertThat(CsatViewBean.stars(5, Locale.forLanguageTag("id"))).isEqualTo("★★★★★ 5 dari 5");
    assertThat(CsatViewBean.stars(null, Locale.ENGLISH)).isEmpty();
  }

  @Test
  void ratingsPerAgentFollowTheRangeShowSets() {
    CsatViewBean bean = new CsatViewBean();
    List<LocalDate> asked = new ArrayList<>();
    bean.report =
        new CsatReport() {
          @Override
          public List<Row> perAgent(LocalDate from, LocalDate to) {
            asked.add(from);
            return List.of(new Row("Agent " + from, 1, 5));
          }
        };
    LocalDate before = LocalDate.of(2026, 11, 22);
    LocalDate chosen = LocalDate.of(2026, 11, 1);
    bean.perAgent(List.of(before, before.plusDays(14)));
    assertThat(bean.perAgent(List.of(chosen, chosen.plusDays(20))))
        .extracting(CsatReport.Row::name)
        .containsExactly("Agent 2026-11-01");
    bean.perAgent(List.of(chosen, chosen.plusDays(20)));
    assertThat(asked).as("each range read once").containsExactly(before, chosen);
    assertThat(bean.perAgent(Arrays.asList(chosen, null))).isEmpty();
  }
}
