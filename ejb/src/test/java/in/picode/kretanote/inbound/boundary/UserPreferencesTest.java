package in.picode.kretanote.inbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.inbound.control.ContactKey;
import in.picode.kretanote.inbound.control.MessagesChange.PreferenceUpdate;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserPreferencesTest {

  private static PreferenceUpdate pref(String category, String value) {
    return new PreferenceUpdate(
        new ContactKey(ContactKey.Kind.WA_ID, "1"),
        category,
        value,
        Instant.ofEpochSecond(5),
        Optional.empty());
  }

  @Test
  void stopWithdrawsResumeGrantsAndAnythingElseChangesNothing() {
    assertThat(UserPreferences.granted(pref("marketing_messages", "stop"))).contains(false);
    assertThat(UserPreferences.granted(pref("marketing_messages", "resume"))).contains(true);
    assertThat(UserPreferences.granted(pref("marketing_messages", "pause"))).isEmpty();
    assertThat(UserPreferences.granted(pref("utility_messages", "stop"))).isEmpty();
  }

  @Test
  void metasTimeIsReadBackFromTheEvidence() {
    assertThat(UserPreferences.metaTime("stop marketing_messages at 1731705721 event 42"))
        .isEqualTo(1731705721L);
    assertThat(UserPreferences.metaTime("STOP wamid.X")).isEqualTo(-1);
    assertThat(UserPreferences.metaTime(null)).isEqualTo(-1);
  }
}
