package in.picode.kretanote.contact.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactImportsTest {

  @Test
  void likePatternsTreatWildcardsAsText() {
    assertThat(Contacts.likeEscape("50%_off!")).isEqualTo("50!%!_off!!");
  }
}
