package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PublicPagesBeanTest {

  @Test
  void thePolicyDoesNotSayKretaNoteRunsKretaNote() {
    assertThat(PublicPagesBean.intro("KretaNote", Locale.ENGLISH)).doesNotContain("runs KretaNote");
    assertThat(PublicPagesBean.intro("", Locale.ENGLISH)).doesNotContain("runs");
    assertThat(PublicPagesBean.intro("Example Ltd", Locale.ENGLISH))
        .startsWith("Example Ltd runs KretaNote.");
  }

  @Test
  void thePolicyIntroIsInThePageLanguage() {
    assertThat(PublicPagesBean.intro("Example Ltd", Locale.forLanguageTag("es")))
        .startsWith("Example Ltd opera KretaNote.");
    assertThat(PublicPagesBean.intro("KretaNote", Locale.forLanguageTag("ar")))
        .startsWith("توضح هذه السياسة ما يحتفظ به KretaNote");
  }
}
