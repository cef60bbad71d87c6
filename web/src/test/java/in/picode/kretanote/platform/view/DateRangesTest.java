package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.primefaces.util.CalendarUtils;

class DateRangesTest {

  static final String EN_DASH = "\u2013";

  /** What the analytics page's picker reads: two dates, or nothing (an emptied field). */
  static java.util.List<String> picked(String typed) {
    return CalendarUtils.splitRange(DateRanges.normalise(typed, EN_DASH), "yyyy-MM-dd", EN_DASH);
  }

  @Test
  void aRangeTypedWithAHyphenOrAnyDashIsReadAsTwoDates() {
    for (String typed :
        new String[] {
          "2026-11-01 - 2026-11-30",
          "2026-11-01 \u2013 2026-11-30",
          "2026-11-01\u20132026-11-30",
          "2026-11-01 \u2014 2026-11-30",
          "  2026-11-01   -   2026-11-30 ",
        }) {
      assertThat(picked(typed)).as(typed).containsExactly("2026-11-01", "2026-11-30");
    }
    assertThat(DateRanges.normalise("2026-11-01 - 2026-11-30", EN_DASH))
        .isEqualTo("2026-11-01 \u2013 2026-11-30");
  }

  @Test
  void withoutItsNormalisingTheHyphenatedRangeWouldBeEmptied() {
    assertThat(CalendarUtils.splitRange("2026-11-01 - 2026-11-30", "yyyy-MM-dd", EN_DASH))
        .isEmpty();
  }

  @Test
  void textThatIsNoRangeIsLeftAsItIs() {
    assertThat(DateRanges.normalise("2026-11-01", EN_DASH)).isEqualTo("2026-11-01");
    assertThat(DateRanges.normalise("2026-11-01 -", EN_DASH)).isEqualTo("2026-11-01 -");
    assertThat(DateRanges.normalise("- 2026-11-30", EN_DASH)).isEqualTo("- 2026-11-30");
    assertThat(DateRanges.normalise(null, EN_DASH)).isNull();
    assertThat(DateRanges.normalise("2026-11-01 - 2026-11-30", "-"))
        .as("a picker whose separator is the hyphen reads it as typed")
        .isEqualTo("2026-11-01 - 2026-11-30");
  }
}
