package in.picode.kretanote.contact.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.contact.boundary.CsvCheck;
import in.picode.kretanote.contact.control.ContactCsv.UnreadableCsvException;
import in.picode.kretanote.contact.entity.CustomField;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactCsvTest {

  final ContactCsv csv = new ContactCsv(10_000, 5);

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static CustomField field(long id, String name, CustomField.Type type) throws Exception {
    CustomField f = new CustomField(name, type, Instant.now());
    Field idField = CustomField.class.getDeclaredField("id");
    idField.setAccessible(true);
    idField.set(f, id);
    return f;
  }

  @Test
  void aGoodFileGivesNormalisedRowsWithTagsAndTypedFields() throws Exception {
    CustomField birthday = field(7, "Birthday", CustomField.Type.DATE);
    CustomField spend = field(8, "Spend", CustomField.Type.NUMBER);
    byte[] file =
        utf8(
            "\uFEFFMobile,Name,E-Mail,Tags,Birthday,Spend\r\n"
                + "+49 (151) 123-4567,Ana,ana@example.com,vip; newsletter ,1990-02-03,12.50\r\n"
                + "0044 20 7946 0958,\"Ben, Jr.\",,,,\r\n");
    List<String> headers = csv.headers(file);
    Map<String, String> mapping = ContactCsv.guessMapping(headers, List.of(birthday, spend));
    assertThat(mapping.values())
        .containsExactly("phone", "name", "email", "tags", "field:7", "field:8");
    CsvCheck checked = csv.check(file, mapping, Map.of(7L, birthday, 8L, spend));
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.ok()).isTrue();
    assertThat(checked.rows()).hasSize(2);
    CsvCheck.Row ana = checked.rows().get(0);
    assertThat(ana.waId()).isEqualTo("491511234567");
    assertThat(ana.tags()).containsExactlyInAnyOrder("vip", "newsletter");
    assertThat(ana.fields()).containsEntry(7L, "1990-02-03").containsEntry(8L, "12.5");
    assertThat(checked.rows().get(1).waId()).isEqualTo("442079460958");
    assertThat(checked.rows().get(1).name()).isEqualTo("Ben, Jr.");
  }

  @Test
  void everyBadRowIsReportedByLineAndNothingIsAccepted() throws Exception {
    CustomField vip = field(3, "VIP", CustomField.Type.BOOLEAN);
    byte[] file =
        utf8(
            "phone,name,email,VIP\n"
                + "+49 151 1,Short,,\n"
                + "+49 151 2222222,Ana,,maybe\n"
                + "+49 151 3333333,Ben,ben@,yes\n"
                + "+49 151 4444444,Cem,,no\n"
                + "+49-151-4444444,Cem twice,,\n");
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("phone", "phone");
    mapping.put("name", "name");
    mapping.put("email", "email");
    mapping.put("VIP", "field:3");
    CsvCheck checked = csv.check(file, mapping, Map.of(3L, vip));
    assertThat(checked.ok()).isFalse();
    assertThat(checked.problems()).extracting(CsvCheck.Problem::line).containsExactly(2, 3, 4, 6);
    assertThat(checked.problems().get(0).message()).contains("not an international phone number");
    assertThat(checked.problems().get(1).message()).contains("VIP must be yes or no");
    assertThat(checked.problems().get(2).message()).contains("not an email address");
    assertThat(checked.problems().get(3).message()).contains("already on line 5");
  }

  @Test
  void unreadableFilesAreRefusedWithAReason() {
    assertThatThrownBy(() -> csv.headers(new byte[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> csv.headers(new byte[10_001])).hasMessageContaining("larger than");
    assertThatThrownBy(
            () -> csv.headers("phone\nJ\u00fcrgen".getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(UnreadableCsvException.class)
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> csv.headers("phone,name".getBytes(StandardCharsets.UTF_16LE)))
        .hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> csv.headers(utf8("phone,phone\n1,2\n")))
        .hasMessageContaining("header");
    assertThatThrownBy(() -> csv.check(utf8("name\nAna\n"), Map.of("name", "name"), Map.of()))
        .hasMessageContaining("phone numbers");
    assertThatThrownBy(
            () -> csv.check(utf8("a,b\n1,2\n"), Map.of("a", "phone", "b", "phone"), Map.of()))
        .hasMessageContaining("Only one column");
    assertThatThrownBy(() -> csv.check(utf8("a\n491511234567\n"), Map.of("x", "phone"), Map.of()))
        .hasMessageContaining("no column \"x\"");
    assertThatThrownBy(
            () -> csv.check(utf8("phone\n\"4915112345\n"), Map.of("phone", "phone"), Map.of()))
        .hasMessageContaining("not valid CSV");
  }

  @Test
  void tooManyRowsAndEmptyFilesAreRefused() {
    StringBuilder rows = new StringBuilder("phone\n");
    for (int i = 0; i < 6; i++) {
      rows.append("4915112345").append(i).append('\n');
    }
    assertThatThrownBy(() -> csv.check(utf8(rows.toString()), Map.of("phone", "phone"), Map.of()))
        .hasMessageContaining("more than 5 rows");
    CsvCheck empty = csv.check(utf8("phone\n"), Map.of("phone", "phone"), Map.of());
    assertThat(empty.ok()).isFalse();
    assertThat(empty.problems().get(0).message()).contains("no contacts");
  }

  @Test
  void rowsWithTheWrongNumberOfColumnsAreProblems() {
    CsvCheck checked =
        csv.check(
            utf8("phone,name\n491511234567,Ana,extra\n491517654321,Ben\n"),
            Map.of("phone", "phone", "name", "name"),
            Map.of());
    assertThat(checked.problems()).extracting(CsvCheck.Problem::line).containsExactly(2);
    assertThat(checked.rows()).hasSize(1);
  }

  @Test
  void phoneNumbersAreNormalisedToWhatsAppIds() {
    assertThat(PhoneNumbers.normalise("+49 151 1234 5678")).isEqualTo("4915112345678");
    assertThat(PhoneNumbers.normalise("0049.151.12345678")).isEqualTo("4915112345678");
    assertThatThrownBy(() -> PhoneNumbers.normalise("0151 12345678"))
        .hasMessageContaining("country code");
    assertThatThrownBy(() -> PhoneNumbers.normalise("+49 151 CALL ME")).hasMessageContaining("not");
    assertThatThrownBy(() -> PhoneNumbers.normalise("1234567890123456"))
        .hasMessageContaining("not");
  }
}
