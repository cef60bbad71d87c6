package in.picode.kretanote.onboarding.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.control.BusinessHoursStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingTest {

  @Test
  void businessHoursAreNotDoneUntilAnImplementationSaysSo() {
    assertThat(Onboarding.hoursSet(List.of(), 7)).isFalse();
    BusinessHoursStatus no = tenant -> false;
    BusinessHoursStatus onlySeven = tenant -> tenant == 7;
    assertThat(Onboarding.hoursSet(List.of(no), 7)).isFalse();
    assertThat(Onboarding.hoursSet(List.of(no, onlySeven), 7)).isTrue();
    assertThat(Onboarding.hoursSet(List.of(onlySeven), 8)).isFalse();
  }
}
