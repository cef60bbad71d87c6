package in.picode.kretanote.contact.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import in.picode.kretanote.contact.boundary.ContactWords;
import in.picode.kretanote.contact.boundary.CsvCheck;
import in.picode.kretanote.contact.control.ContactCsv;
import in.picode.kretanote.contact.control.PhoneNumbers;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact feature's refusals (the CSV import, phone numbers) reach a page in its language. */
class ContactRefusalsTest {

  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  private final ContactCsv csv = new ContactCsv(10_000, 5);

  @Test
  void aRowProblemOfTheImportReadsInSpanish() {
    CsvCheck checked =
        csv.check(
            "phone\n+49 151 1\n".getBytes(StandardCharsets.UTF_8),
            Map.of("phone", "phone"),
            Map.of());
    Wording problem = checked.problems().get(0).wordings().get(0);
    assertThat(checked.problems().get(0).message())
        .isEqualTo(
            "\"+49 151 1\" is not an international phone number (8 to 15 digits, country code"
                + " first).");
    assertThat(Wordings.of(problem, ES))
        .isEqualTo(
            "«+49 151 1» no es un número de teléfono internacional (de 8 a 15 dígitos, primero el"
                + " código de país).");
  }

  @Test
  void anUnreadableFileAndANumberWithoutCountryCodeReadInArabicAndSpanish() {
    Throwable empty = catchThrowable(() -> csv.headers(new byte[0]));
    assertThat(empty).hasMessage("The file is empty.");
    assertThat(Wordings.of(Wording.of(empty), AR)).isEqualTo("الملف فارغ.");
    Throwable local = catchThrowable(() -> PhoneNumbers.normalise("0151 1234567"));
    assertThat(Wordings.of(Wording.of(local), ES))
        .isEqualTo("«0151 1234567» no tiene código de país; escríbelo así: +49 151 1234567.");
  }

  @Test
  void theImportSummaryCountsRowsInTheLanguagesPluralForms() {
    assertThat(Wordings.of(ContactWords.ROWS_TO_FIX.with(1), ES))
        .startsWith("1 fila tiene problemas.");
    assertThat(Wordings.of(ContactWords.ROWS_TO_FIX.with(3), ES))
        .startsWith("3 filas tienen problemas.");
    assertThat(Wordings.of(ContactWords.ROWS_HAVE_PROBLEMS.with(2), AR))
        .startsWith("صفان فيهما مشكلات");
    assertThat(ContactWords.ROWS_HAVE_PROBLEMS.with(1).english())
        .isEqualTo("1 row has problems; nothing was imported.");
  }
}
