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
    assertThat(ContactImports.rowsHaveProblems(1)).isEqualTo("1 row has problems");
    assertThat(ContactImports.rowsHaveProblems(3)).isEqualTo("3 rows have problems");
  }
}
