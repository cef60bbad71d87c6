package in.picode.kretanote.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import in.picode.kretanote.messaging.entity.CannedResponse;
import in.picode.kretanote.messaging.entity.ConversationNote;
import in.picode.kretanote.messaging.entity.Label;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The messaging feature's refusals (notes, labels, canned responses) read in the page's language.
 */
class ConversationRefusalsTest {

  @Test
  void anEmptyNoteAndALabelWithMarkupAreRefusedInSpanishAndArabic() {
    Throwable note = catchThrowable(() -> new ConversationNote(1, 2, " ", Instant.now()));
    assertThat(note).hasMessage("A note cannot be empty");
    assertThat(Wordings.of(Wording.of(note), Locale.forLanguageTag("es")))
        .isEqualTo("Una nota no puede estar vacía");
    Throwable label = catchThrowable(() -> Label.checkName("<b>vip</b>"));
    assertThat(Wordings.of(Wording.of(label), Locale.forLanguageTag("ar")))
        .isEqualTo("لا يمكن أن يحتوي التصنيف على < أو > أو أحرف تحكم.");
  }

  @Test
  void aCannedResponseTooLongShowsBothNumbersInTheReadersForm() {
    Throwable body = catchThrowable(() -> CannedResponse.checkBody("x".repeat(5000)));
    assertThat(body)
        .hasMessage("The text has 5000 characters; a WhatsApp message holds at most 4,096.");
    assertThat(Wordings.of(Wording.of(body), Locale.forLanguageTag("es")))
        .isEqualTo(
            "El texto tiene 5000 caracteres; un mensaje de WhatsApp admite como máximo 4.096.");
  }
}
