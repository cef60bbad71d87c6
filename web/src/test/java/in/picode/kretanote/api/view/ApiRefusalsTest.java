package in.picode.kretanote.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import in.picode.kretanote.api.boundary.WebhookRefusedException;
import in.picode.kretanote.api.control.AddressGuard;
import in.picode.kretanote.platform.view.Wordings;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The outgoing-webhook settings' refusals read in the page's language; the API's stay English. */
class ApiRefusalsTest {

  @Test
  void aPlainHttpAddressIsRefusedInPortuguese() {
    AddressGuard.RefusedException refused =
        catchThrowableOfType(
            () -> new AddressGuard(false, Set.of()).parse("http://hooks.example.com/in"),
            AddressGuard.RefusedException.class);
    WebhookRefusedException shown = new WebhookRefusedException(refused.wording());
    assertThat(shown.getMessage()).isEqualTo("The URL must use HTTPS.");
    assertThat(Wordings.of(shown.wordings().get(0), Locale.forLanguageTag("pt-BR")))
        .isEqualTo("A URL deve usar HTTPS.");
  }
}
