package in.picode.kretanote.contact.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.contact.control.ConsentKeywords.Keyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentKeywordsTest {

  final ConsentKeywords keywords = ConsentKeywords.defaults();

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STOP|STOP",
        "stop|STOP",
        "  Stop!  |STOP",
        "Stopp|STOP",
        "STOP ALL|STOP",
        "stop   all|STOP",
        "Arrêt|STOP",
        "ARRET.|STOP",
        "Basta|STOP",
        "abmelden|STOP",
        "unsubscribe|STOP",
        "START|START",
        "start.|START",
        "Anmelden|START",
        "Commencer|START",
        "unstop|START",
      })
  void recognisesKeywordsInSeveralLanguages(String message, Keyword expected) {
    assertThat(keywords.match(message)).contains(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is no keyword")
  @ValueSource(
      strings = {
        "please don't stop the delivery",
        "stop it, where is my order?",
        "STOPPED",
        "restart",
        "Start the order please",
        "👍",
        "?",
        "STOP STOP STOP STOP STOP STOP STOP STOP STOP STOP",
      })
  void ordinaryMessagesAreNoKeywords(String message) {
    assertThat(keywords.match(message)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void nothingIsNoKeyword(String message) {
    assertThat(keywords.match(message)).isEmpty();
  }

  @Test
  void listsAreConfigurable() {
    ConsentKeywords custom = new ConsentKeywords("halt, genug", "weiter");
    assertThat(custom.match("Genug!")).contains(Keyword.STOP);
    assertThat(custom.match("weiter")).contains(Keyword.START);
    assertThat(custom.match("STOP")).isEmpty();
  }

  @Test
  void aWordCannotBeBothStopAndStart() {
    assertThatThrownBy(() -> new ConsentKeywords("STOP,HALT", "halt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HALT");
  }
}
