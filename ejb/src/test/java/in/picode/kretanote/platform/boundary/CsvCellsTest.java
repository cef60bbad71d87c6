package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void finding08_cellsASpreadsheetWouldRunAreShownAsText() {
    assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvCells.neutralise("+1+2")).isEqualTo("'+1+2");
    assertThat(CsvCells.neutralise("-2+3+cmd|' /C calc'!A0")).startsWith("'-");
    assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvCells.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
  }

  @Test
  void finding08_textAndNumbersStayAsTheyAre() {
    assertThat(CsvCells.neutralise("Ana")).isEqualTo("Ana");
    assertThat(CsvCells.neutralise("-12.5")).isEqualTo("-12.5");
    assertThat(CsvCells.neutralise("+4915112345678")).isEqualTo("+4915112345678");
    assertThat(CsvCells.neutralise(null)).isEmpty();
    assertThat(CsvCells.neutralise("")).isEmpty();
  }

  @Test
  void finding08_aFieldIsNeutralisedThenQuotedWhenItMustBe() {
    assertThat(CsvCells.field("=A1,B1")).isEqualTo("\"'=A1,B1\"");
    assertThat(CsvCells.field("\rline")).isEqualTo("\"'\rline\"");
    assertThat(CsvCells.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.field("plain")).isEqualTo("plain");
  }
}
