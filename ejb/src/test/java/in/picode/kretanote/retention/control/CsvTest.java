package in.picode.kretanote.retention.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.control.ExportSection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhatNeedsQuotingAndEndsLinesWithCrLf() {
    assertThat(Csv.line(List.of("a", "b,c", "say \"hi\"", "two\nlines")))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    assertThat(Csv.line(Arrays.asList("x", null, ""))).isEqualTo("x,,\r\n");
  }

  @Test
  void aCustomerTextThatLooksLikeAFormulaIsNotRunBySpreadsheets() {
    assertThat(Csv.field("=HYPERLINK(\"http://evil\")")).startsWith("\"'=");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("-12.5")).isEqualTo("-12.5");
    assertThat(Csv.field("+4915112345678")).isEqualTo("+4915112345678");
  }

  @Test
  void finding08_aLeadingTabOrCarriageReturnIsNeutralisedInTheDataSubjectExport() {
    assertThat(Csv.line(java.util.List.of("\t=1+1", "\r@SUM(A1)")))
        .isEqualTo("'\t=1+1,\"'\r@SUM(A1)\"\r\n");
  }

  @Test
  void anArchiveHasTheJsonAndOneCsvPerSection() throws Exception {
    ExportSection s =
        new ExportSection(
            "messages",
            List.of("id", "text", "at", "raw"),
            List.of(
                Map.of(
                    "id",
                    7L,
                    "text",
                    "hi, there",
                    "at",
                    java.sql.Timestamp.from(java.time.Instant.parse("2026-01-02T03:04:05Z")),
                    "raw",
                    new byte[] {1, 2})));
    String json = ExportArchive.json(Map.of("contact_id", 3L), List.of(s));
    assertThat(json).contains("\"id\": 7").contains("2026-01-02T03:04:05Z").contains("AQI=");
    assertThat(ExportArchive.csv(s))
        .isEqualTo("id,text,at,raw\r\n7,\"hi, there\",2026-01-02T03:04:05Z,AQI=\r\n");
    byte[] zip = ExportArchive.zip(Map.of(), List.of(s));
    assertThat(zip).isNotEmpty();
  }
}
