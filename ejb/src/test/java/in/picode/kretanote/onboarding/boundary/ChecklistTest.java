package in.picode.kretanote.onboarding.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecklistTest {

  @Test
  void aNewBusinessSeesFiveStepsNoneDoneEachWithItsPage() {
    Checklist c = Checklist.of(new Checklist.Facts(false, false, false, false, false));
    assertThat(c.steps())
        .extracting(Checklist.Step::page)
        .containsExactly(
            "/app/settings/whatsapp.xhtml",
            "/app/settings/team.xhtml",
            "/app/templates.xhtml",
            "/app/contacts-import.xhtml",
            "/app/settings/business-hours.xhtml");
    assertThat(c.progressInWords()).isEqualTo("0 of 5 done");
    assertThat(c.percent()).isZero();
    assertThat(c.complete()).isFalse();
  }

  @Test
  void progressCountsTheStepsDone() {
    Checklist c = Checklist.of(new Checklist.Facts(true, false, true, false, false));
    assertThat(c.progressInWords()).isEqualTo("2 of 5 done");
    assertThat(c.percent()).isEqualTo(40);
    assertThat(c.steps())
        .filteredOn(Checklist.Step::done)
        .extracting(Checklist.Step::key)
        .containsExactly("connect", "template");
    assertThat(Checklist.of(new Checklist.Facts(true, true, true, true, true)).complete()).isTrue();
  }
}
