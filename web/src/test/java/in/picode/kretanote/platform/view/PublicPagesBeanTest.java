package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicPagesBeanTest {

  @Test
  void thePolicyDoesNotSayKretaNoteRunsKretaNote() {
    assertThat(PublicPagesBean.intro("KretaNote")).doesNotContain("runs KretaNote");
    assertThat(PublicPagesBean.intro("")).doesNotContain("runs");
    assertThat(PublicPagesBean.intro("Example Ltd")).startsWith("Example Ltd runs KretaNote.");
  }
}
