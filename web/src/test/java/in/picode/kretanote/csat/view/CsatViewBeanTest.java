package in.picode.kretanote.csat.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A rating's stars with the rating in words, in the page's language. */
class CsatViewBeanTest {

  @Test
  void starsSayTheRatingInWords() {
    assertThat(CsatViewBean.stars(4, Locale.ENGLISH)).isEqualTo("★★★★☆ 4 of 5");
    assertThat(CsatViewBean.stars(2, Locale.forLanguageTag("hi"))).isEqualTo("★★☆☆☆ 5 में से 2");
    assertThat(CsatViewBean.stars(5, Locale.forLanguageTag("id"))).isEqualTo("★★★★★ 5 dari 5");
    assertThat(CsatViewBean.stars(null, Locale.ENGLISH)).isEmpty();
  }
}
