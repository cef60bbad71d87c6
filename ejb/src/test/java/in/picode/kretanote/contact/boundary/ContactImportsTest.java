package in.picode.kretanote.contact.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactImportsTest {

  @Test
  void exportedCellsThatASpreadsheetWouldRunAreNeutralised() {
    assertThat(ContactImports.safe("=HYPERLINK(\"http://x\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(ContactImports.safe("+1+2")).isEqualTo("'+1+2");
    assertThat(ContactImports.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ContactImports.safe("Ana")).isEqualTo("Ana");
    assertThat(ContactImports.safe(null)).isEmpty();
  }

  @Test
  void likePatternsTreatWildcardsAsText() {
    assertThat(Contacts.likeEscape("50%_off!")).isEqualTo("50!%!_off!!");
  }
}
