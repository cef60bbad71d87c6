package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.boundary.HealthWords;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.retention.boundary.PrivacyWords;
import in.picode.kretanote.tenant.boundary.NotificationMailRequested;
import in.picode.kretanote.tenant.boundary.NotificationMailRequested.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NotificationMailsTest {

  private static final List<Recipient> TO = List.of(new Recipient("a@example.test", null));

  @Test
  void aLiveAccountsNotificationLinksToTheAppAndSaysWhyTheReaderGetsIt() {
    String text =
        NotificationMails.text(
            new NotificationMailRequested(
                TO, "Acme", Wording.unworded("s"), List.of(Wording.unworded("Number down."))),
            Locale.ENGLISH,
            "https://kretanote.example");
    assertThat(text)
        .startsWith("Number down.")
        .contains("https://kretanote.example/app/", "owner or admin of Acme");
  }

  @Test
  void aMailAboutADeletedAccountLinksNowhereAndAddressesNobodyAsItsOwner() {
    String text =
        NotificationMails.text(
            new NotificationMailRequested(
                TO,
                "Acme",
                Wording.unworded("Deletion receipt"),
                List.of(Wording.unworded("Deleted.")),
                false),
            Locale.ENGLISH,
            "https://kretanote.example");
    assertThat(text).isEqualTo("Deleted.\n").doesNotContain("/app/", "owner or admin");
  }

  @Test
  void eachReaderGetsTheNoticeInTheirLanguage() {
    NotificationMailRequested request =
        new NotificationMailRequested(
            TO,
            "Acme",
            HealthWords.NOTICE_HEALTHY.with("+91 98765 43210"),
            List.of(
                HealthWords.NOTICE_GONE.with(HealthWords.QUALITY_RED_TITLE.with()),
                Wording.unworded("Meta: QUALITY_LOW")));
    assertThat(NotificationMails.subject(request, Locale.ENGLISH))
        .isEqualTo("WhatsApp +91 98765 43210 is healthy again");
    String spanish = NotificationMails.text(request, Locale.forLanguageTag("es"), "https://k.test");
    assertThat(spanish)
        .startsWith("Resuelto: ")
        .contains("\n\nMeta: QUALITY_LOW\n\n")
        .contains("propietario o administrador de Acme")
        .doesNotContain("Resolved", "owner or admin");
    assertThat(NotificationMails.subject(request, Locale.forLanguageTag("ar")))
        .contains("+91 98765 43210")
        .doesNotContain("healthy");
  }

  @Test
  void theDeletionMailSaysWhenInTheOwnersLanguage() {
    NotificationMailRequested request =
        new NotificationMailRequested(
            List.of(new Recipient("o@example.test", "pt-BR")),
            "Acme",
            PrivacyWords.DELETION_MAIL_SUBJECT.with(),
            List.of(
                PrivacyWords.DELETION_MAIL_BODY.with("Acme", Instant.parse("2027-01-15T10:30:00Z")),
                PrivacyWords.DELETION_MAIL_CANCEL.with("https://k.test/cancel-deletion.xhtml")),
            false);
    assertThat(NotificationMails.text(request, Locale.ENGLISH, "https://k.test"))
        .contains("account Acme.", "deleted after 15 Jan 2027 10:30 UTC.")
        .contains("\n\nChanged your mind? Until then, the owner can cancel at https://k.test/")
        .doesNotContain("/app/");
    Locale portuguese = Locale.forLanguageTag("pt-BR");
    assertThat(NotificationMails.subject(request, portuguese))
        .isEqualTo("Sua conta do KretaNote será excluída");
    assertThat(NotificationMails.text(request, portuguese, "https://k.test"))
        .contains("após 15 jan. 2027 10:30 UTC.", "Mudou de ideia?")
        .doesNotContain("deleted", "Changed");
  }
}
