package in.picode.kretanote.connection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import in.picode.kretanote.connection.boundary.ConnectRefusedException;
import in.picode.kretanote.connection.boundary.SignupRequest;
import in.picode.kretanote.connection.control.FailureWording;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.view.Wordings;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the WhatsApp settings page shows when a connection is refused, in the reader's language. */
class ConnectionRefusalsTest {

  @Test
  void aSignupWithoutTheNumbersIdIsRefusedInSpanish() {
    ConnectRefusedException refused =
        catchThrowableOfType(
            () -> SignupRequest.of("abc123", "1234", " ", null), ConnectRefusedException.class);
    assertThat(refused.getMessage()).startsWith("Meta did not tell which phone number id");
    assertThat(Wordings.of(refused.wordings().get(0), Locale.forLanguageTag("es")))
        .isEqualTo(
            "Meta no indicó qué ID de número de teléfono elegiste. Completa todos los pasos en la"
                + " ventana de Meta y vuelve a intentarlo.");
  }

  @Test
  void aFailedStepSaysWhatAndWhyInArabicAndTheSameEnglishAsStored() {
    GraphException e = GraphException.unreachable("op", "Meta did not answer");
    List<Wording> sentences = FailureWording.wordings(Step.SUBSCRIBE_APP, e);
    assertThat(String.join(" ", Wording.english(sentences)))
        .isEqualTo(FailureWording.of(Step.SUBSCRIBE_APP, e))
        .startsWith("KretaNote could not subscribe");
    assertThat(Wordings.of(sentences.get(1), Locale.forLanguageTag("ar")))
        .isEqualTo("لم تُجب Meta في الوقت المحدد. أعد المحاولة بعد قليل.");
  }
}
