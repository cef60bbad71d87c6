package in.picode.kretanote.retention.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.boundary.WordingTexts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeletionReceiptTest {

  private static final Instant ASKED = Instant.parse("2027-01-02T08:15:00Z");
  private static final Instant PURGED = Instant.parse("2027-02-01T03:00:00Z");

  @Test
  void theReceiptSaysWhatWhenAndForHowLongBackupsRemain() {
    List<Wording> receipt =
        DeletionReceipt.paragraphs(
            "Acme", 42, ASKED, PURGED, "contact: 3, message: 10, webhook_event: 1", 35);
    String english = String.join("\n\n", Wording.english(receipt));
    assertThat(english)
        .startsWith(
            "As requested on 2 Jan 2027 08:15 UTC, the KretaNote account Acme (account number 42)"
                + " was deleted on 1 Feb 2027 03:00 UTC.")
        .contains("raw webhook copies", "at most 35 days", "by table: contact: 3, message: 10")
        .doesNotContain("http");
    assertThat(
            Wording.english(
                DeletionReceipt.paragraphs(null, 42, ASKED, PURGED, "tenant: 1", 35).subList(0, 1)))
        .containsExactly(
            "As requested on 2 Jan 2027 08:15 UTC, the KretaNote account number 42 was deleted on"
                + " 1 Feb 2027 03:00 UTC.");
  }

  @Test
  void theOwnerReadsItInTheLanguageTheyHadChosen() {
    List<Wording> receipt =
        DeletionReceipt.paragraphs("Acme", 42, ASKED, PURGED, "webhook_event: 1", 35);
    String spanish = WordingTexts.all(receipt, Locale.forLanguageTag("es"), "\n\n");
    assertThat(spanish)
        .startsWith("Tal como se pidió el 2 ene 2027 08:15 UTC")
        .contains("(número de cuenta 42)", "1 feb 2027 03:00 UTC", "máximo de 35 días")
        .contains("Eliminado, por tabla: webhook_event: 1.")
        .doesNotContain("deleted", "Backups");
    assertThat(WordingTexts.of(PrivacyWords.RECEIPT_SUBJECT.with(), Locale.forLanguageTag("hi")))
        .contains("KretaNote")
        .doesNotContain("Deletion receipt");
  }
}
