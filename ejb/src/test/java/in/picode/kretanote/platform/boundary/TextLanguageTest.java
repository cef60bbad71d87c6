package in.picode.kretanote.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextLanguageTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I want my money back, where is my order? | en",
        "Hola, quiero saber dónde está mi pedido | es",
        "¿Cuándo llega? | es",
        "Olá, quero saber onde está o meu pedido | pt",
        "Não recebi nada | pt",
        "Terima kasih, kapan pesanan saya sampai? | id",
        "Bonjour, où est ma commande ? | fr",
        "Danke, wann kommt meine Bestellung? | de",
        "Grazie, quando arriva il mio ordine? | it",
        "Merhaba, siparişim nerede? | tr",
        "Mujhe refund chahiye bhai | hi",
        "मुझे मेरा ऑर्डर कब मिलेगा? | hi",
        "أين طلبي؟ شكرا | ar",
        "میرا آرڈر کہاں ہے؟ | ur",
        "Где мой заказ? | ru",
        "Де моє замовлення? Дякую, і все | uk",
        "注文はどこですか | ja",
        "我的订单在哪里 | zh",
        "주문이 어디에 있나요 | ko",
        "Γεια σας, πού είναι η παραγγελία μου; | el",
      })
  void tellsTheLanguageOfACustomersMessage(String text, String code) {
    assertThat(TextLanguage.detect(text)).contains(code);
    assertThat(TextLanguage.CODES).containsKey(code);
  }

  @Test
  void saysUnknownRatherThanGuessing() {
    assertThat(TextLanguage.detect(null)).isEmpty();
    assertThat(TextLanguage.detect("   ")).isEmpty();
    assertThat(TextLanguage.detect("12345 !!! 😀")).as("no letters").isEmpty();
    assertThat(TextLanguage.detect("Xyzzy plugh")).as("no known word").isEmpty();
    assertThat(TextLanguage.detect("de que")).as("a tie between Spanish and Portuguese").isEmpty();
  }

  @Test
  void aLongTextIsReadOnlyAtItsStartAndALatinWordInAnotherScriptDoesNotWin() {
    String huge = "Hola mi pedido ".repeat(10_000);
    assertThat(TextLanguage.detect(huge)).contains("es");
    assertThat(TextLanguage.detect("मेरा order कब आएगा")).contains("hi");
  }
}
