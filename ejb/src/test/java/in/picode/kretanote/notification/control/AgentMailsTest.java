package in.picode.kretanote.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.notification.boundary.AgentMailRequested;
import in.picode.kretanote.notification.entity.AgentNotification.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentMailsTest {

  private static AgentMailRequested mail(String language, Kind kind, String... words) {
    return new AgentMailRequested(
        1, 2, "ana@example.com", "bell title", "bell body", 42L, language, kind, List.of(words));
  }

  @Test
  void aMentionIsMailedInTheRecipientsLanguage() {
    AgentMailRequested es = mail("es", Kind.MENTIONED, "42", "Ana", "@Luis mira esto");
    assertThat(AgentMails.subject(es)).isEqualTo("Ana te mencionó en la conversación #42");
    assertThat(AgentMails.text(es, "https://kn.example"))
        .startsWith("Ana escribió en una nota privada:\n\n@Luis mira esto")
        .contains("Ábrela en KretaNote: https://kn.example/app/conversation.xhtml?id=42");

    AgentMailRequested ar = mail("ar", Kind.ASSIGNED, "42");
    assertThat(AgentMails.subject(ar)).isEqualTo("أُسندت إليك المحادثة #42");
  }

  @Test
  void englishIsTheBellsWordingAndTheFallback() {
    AgentMailRequested none = mail(null, Kind.SLA_WARNING, "7", "response", "14:05 UTC");
    assertThat(AgentMails.subject(none)).isEqualTo("SLA: conversation #7 needs a response soon");
    assertThat(AgentMails.text(none, "http://h/"))
        .startsWith("The response is due at 14:05 UTC.")
        .contains("You receive this because you chose mail");
    assertThat(AgentMails.subject(mail("fr", Kind.ASSIGNED, "9")))
        .isEqualTo("Conversation #9 was assigned to you");
    assertThat(AgentMails.subject(mail("es", Kind.SLA_WARNING, "7", "response", "14:05 UTC")))
        .isEqualTo("SLA: la conversación #7 necesita pronto una respuesta");
  }

  @Test
  void everyLanguageHasEveryText() throws IOException {
    Properties english = load("");
    for (Kind kind : Kind.values()) {
      assertThat(english).containsKeys(kind + ".subject", kind + ".body");
    }
    for (String suffix : List.of("_hi", "_es", "_pt_BR", "_id", "_ar")) {
      Properties other = load(suffix);
      assertThat(other.keySet()).as(suffix).isEqualTo(english.keySet());
      other.values().forEach(v -> assertThat((String) v).as(suffix).isNotBlank());
    }
  }

  private static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    String name = "/in/picode/kretanote/notification/control/MailTexts" + suffix + ".properties";
    try (InputStream in = AgentMailsTest.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
