package in.picode.kretanote.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.boundary.InboxRow;
import in.picode.kretanote.messaging.boundary.MessageView;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessageWordsTest {

  static final ResourceBundle EN = MessageWords.bundle(Locale.ENGLISH);
  static final ResourceBundle AR = MessageWords.bundle(Locale.forLanguageTag("ar"));
  static final ResourceBundle ES = MessageWords.bundle(Locale.forLanguageTag("es"));

  @Test
  void everyKindTheEjbSideNamesHasTheSameEnglishWords() {
    for (String type :
        List.of(
            "text",
            "image",
            "video",
            "audio",
            "document",
            "sticker",
            "location",
            "contacts",
            "reaction",
            "interactive",
            "button",
            "order",
            "system",
            "unsupported")) {
      assertThat(MessageWords.type(EN, type)).as(type).isEqualTo(MessageView.describeType(type));
    }
  }

  @Test
  void statusAndDownloadWordsMatchTheEnglishOnesAndUnknownCodesShowNothing() {
    for (String status : List.of("PENDING", "SENT", "DELIVERED", "READ", "FAILED")) {
      MessageView m = view(status, null);
      assertThat(MessageWords.status(EN, status)).isEqualTo(m.statusWords());
    }
    for (String state : List.of("PENDING", "DOWNLOADED", "FAILED")) {
      assertThat(MessageWords.mediaState(EN, state)).isEqualTo(view(null, state).mediaStateWords());
    }
    assertThat(MessageWords.status(EN, null)).isEmpty();
    assertThat(MessageWords.status(EN, "WHATEVER")).isEmpty();
    assertThat(MessageWords.mediaState(EN, null)).isEmpty();
  }

  @Test
  void theWordsFollowThePageLanguage() {
    assertThat(MessageWords.type(ES, "image")).isEqualTo("📷 Foto");
    assertThat(MessageWords.status(AR, "READ")).isEqualTo("قُرئت");
    assertThat(MessageWords.mediaState(ES, "FAILED")).isEqualTo("Error al descargar");
    assertThat(MessageWords.type(AR, "unsupported")).isEqualTo("رسالة (unsupported)");
  }

  @Test
  void theInboxPreviewReadsAsBeforeInEnglishAndFollowsThePageLanguage() {
    for (String[] c :
        new String[][] {
          {"INBOUND", "text", "Hello"},
          {"OUTBOUND", "text", "On my way"},
          {"OUTBOUND", "image", null},
          {"INBOUND", "audio", ""},
          {"INBOUND", null, null}
        }) {
      InboxRow row =
          new InboxRow(
              1, "OPEN", false, 0, null, null, null, null, null, null, c[0], c[1], c[2], List.of());
      assertThat(MessageWords.preview(EN, c[0], c[1], c[2])).isEqualTo(row.preview());
    }
    assertThat(MessageWords.preview(ES, "OUTBOUND", "image", null)).isEqualTo("Tú: 📷 Foto");
    assertThat(MessageWords.preview(AR, "OUTBOUND", "text", "{0} it''s"))
        .isEqualTo("أنت: {0} it''s");
  }

  private static MessageView view(String status, String mediaState) {
    return new MessageView(
        1,
        "OUTBOUND",
        "image",
        null,
        null,
        status,
        null,
        null,
        false,
        null,
        List.of(),
        mediaState,
        null,
        null,
        null,
        false,
        false,
        null,
        false,
        false,
        null,
        null);
  }
}
