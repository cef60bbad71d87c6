package in.picode.kretanote.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void notAMariaDbUrlIsReportedWithItsKey() {
    assertThatThrownBy(() -> new DatabaseSettings("postgres://x/y", "u", "p"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("KRETANOTE_DB_URL ");
  }

  @Test
  void absentUrlMeansEmbedded() {
    assertThat(DatabaseSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(DatabaseSettings.fromEnvironment(Map.of("KRETANOTE_DB_URL", "  "))).isEmpty();
  }

  @Test
  void databaseNameAndSwitchingDatabaseKeepParameters() {
    var db = new DatabaseSettings("jdbc:mariadb://h:3306/kretanote?useSsl=true", "u", "secret");
    assertThat(db.databaseName()).isEqualTo("kretanote");
    var other = db.withDatabase("kretanote_it");
    assertThat(other.url()).isEqualTo("jdbc:mariadb://h:3306/kretanote_it?useSsl=true");
    assertThat(other.password()).isEqualTo("secret");
  }

  @Test
  void urlWithoutDatabaseIsRefused() {
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:mariadb://h:3306/", "u", "").databaseName())
        .hasMessageContaining("names no database");
  }

  @Test
  void passwordNeverInToString() {
    assertThat(new DatabaseSettings("jdbc:mariadb://h/db", "u", "hunter2-secret").toString())
        .doesNotContain("hunter2-secret");
  }

  @Test
  void unreachableServerGivesOneLineNamingUrlAndCause() {
    var db = new DatabaseSettings("jdbc:mariadb://127.0.0.1:1/kretanote", "u", "p");
    assertThatThrownBy(db::check)
        .isInstanceOf(DatabaseUnreachableException.class)
        .hasMessageStartingWith("Cannot use the database at jdbc:mariadb://127.0.0.1:1/kretanote: ")
        .hasMessageNotContaining("\n");
  }
}
