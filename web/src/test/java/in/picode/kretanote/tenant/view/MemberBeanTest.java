package in.picode.kretanote.tenant.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberBeanTest {

  @Test
  void onlyPositiveNumbersNameSomebody() {
    assertThat(MemberBean.parse("42")).isEqualTo(42L);
    assertThat(MemberBean.parse("0")).isNull();
    assertThat(MemberBean.parse("-1")).isNull();
    assertThat(MemberBean.parse("")).isNull();
    assertThat(MemberBean.parse(null)).isNull();
    assertThat(MemberBean.parse("1 or 1=1")).isNull();
    assertThat(MemberBean.parse("9".repeat(19))).as("beyond a long").isNull();
  }
}
