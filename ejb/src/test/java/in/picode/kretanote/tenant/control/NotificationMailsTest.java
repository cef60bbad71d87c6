package in.picode.kretanote.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.tenant.boundary.NotificationMailRequested;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationMailsTest {

  @Test
  void aLiveAccountsNotificationLinksToTheAppAndSaysWhyTheReaderGetsIt() {
    String text =
        NotificationMails.text(
            new NotificationMailRequested(List.of("a@example.test"), "Acme", "s", "Number down."),
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
                List.of("a@example.test"), "Acme", "Deletion receipt", "Deleted.", false),
            "https://kretanote.example");
    assertThat(text).isEqualTo("Deleted.\n").doesNotContain("/app/", "owner or admin");
  }
}
