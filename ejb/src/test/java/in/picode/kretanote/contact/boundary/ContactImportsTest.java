package in.picode.kretanote.contact.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactImportsTest {

  @Test
  void likePatternsTreatWildcardsAsText() {
    assertThat(Contacts.likeEscape("50%_off!")).isEqualTo("50!%!_off!!");
  }

  @Test
  void oneBadRowIsOneRowNotOneRows() {
    assertThat(ContactWords.ROWS_HAVE_PROBLEMS.with(1).english())
        .isEqualTo("1 row has problems; nothing was imported.");
    assertThat(ContactWords.ROWS_HAVE_PROBLEMS.with(3).english())
        .isEqualTo("3 rows have problems; nothing was imported.");
    assertThat(ContactWords.ROWS_HAVE_PROBLEMS.with(1200).english())
        .isEqualTo("1,200 rows have problems; nothing was imported.");
  }
}
