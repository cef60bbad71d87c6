package in.picode.kretanote.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.messaging.entity.Label;
import in.picode.kretanote.platform.control.PlainText.Subject;
import in.picode.kretanote.tenant.entity.Role;
import in.picode.kretanote.tenant.entity.Tenant;
import in.picode.kretanote.tenant.entity.UserAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  static final String HOSTILE = "</script><meta http-equiv=refresh content=\"0;url=/x\">";

  @Test
  void finding02_markupAndControlCharactersAreNotPlainText() {
    assertThat(PlainText.hasMarkup(HOSTILE)).isTrue();
    assertThat(PlainText.hasMarkup("a > b")).isTrue();
    assertThat(PlainText.hasMarkup("line\u2028break")).isTrue();
    assertThat(PlainText.hasMarkup("para\u2029graph")).isTrue();
    assertThat(PlainText.hasMarkup("tab\there")).isTrue();
    assertThat(PlainText.hasMarkup("nul\u0000")).isTrue();
  }

  @Test
  void finding02_realNamesArePlainText() {
    assertThat(PlainText.hasMarkup("Zoë O'Brien-Smith")).isFalse();
    assertThat(PlainText.hasMarkup("Smith & Sons (Berlin) GmbH")).isFalse();
    assertThat(PlainText.hasMarkup("محمد علي")).isFalse();
    assertThat(PlainText.hasMarkup("VIP 🍰")).isFalse();
    assertThat(PlainText.hasMarkup(null)).isFalse();
  }

  @Test
  void finding02_displayBusinessAndLabelNamesRefuseMarkupWithTheBundlesText() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> new UserAccount(1L, "a@example.com", HOSTILE, "hash", Role.AGENT, now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(PlainText.refusal(Subject.PERSON_NAME).english())
        .hasMessageContaining("cannot contain < or >");
    assertThatThrownBy(() -> new Tenant("Bistro <b>", now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(PlainText.refusal(Subject.BUSINESS_NAME).english());
    assertThatThrownBy(() -> new Label("<img src=x>", now))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(PlainText.refusal(Subject.LABEL_NAME).english());
    assertThat(new Label("Reservations", now).getName()).isEqualTo("Reservations");
  }
}
