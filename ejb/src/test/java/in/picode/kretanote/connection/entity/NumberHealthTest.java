package in.picode.kretanote.connection.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the settings page shows of a number's health after signup, webhooks, probes, disconnect. */
class NumberHealthTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static WhatsAppConnection connected() {
    WhatsAppConnection c = new WhatsAppConnection("111", "222", null, new byte[] {1}, null, T0);
    c.connected("+1 555 0100", "Shop", T0, T0.plusSeconds(60));
    c.numberFields("GREEN", "CONNECTED", "APPROVED", "TIER_1K", "STANDARD");
    return c;
  }

  @Test
  void anAccountWebhookChangesOnlyTheFieldsItCarried() {
    WhatsAppConnection c = connected();
    c.metaReported(null, "FLAGGED", null, null, null, "QUALITY_LOW", T0.plusSeconds(5));
    assertThat(c.getQualityRating()).isEqualTo("GREEN");
    assertThat(c.getNumberStatus()).isEqualTo("FLAGGED");
    assertThat(c.getMessagingLimit()).isEqualTo("TIER_1K");
    assertThat(c.getVerifiedName()).isEqualTo("Shop");
    assertThat(c.getHealthProblems()).isEqualTo("QUALITY_LOW");
    assertThat(c.getUpdatedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void aProbeRecordsWhenItLookedAndWhenToLookAgainAndDisconnectStopsProbing() {
    WhatsAppConnection c = connected();
    assertThat(c.getHealth().getNextProbeAt()).isEqualTo(T0.plusSeconds(60));
    c.observed("AVAILABLE", "  ", null, T0.plusSeconds(60), T0.plusSeconds(3660));
    assertThat(c.getCanSendMessage()).isEqualTo("AVAILABLE");
    assertThat(c.getHealthProblems()).as("blank is none").isNull();
    assertThat(c.getLastCheckedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(c.getHealth().getNextProbeAt()).isEqualTo(T0.plusSeconds(3660));
    c.disconnect(T0.plusSeconds(4000));
    assertThat(c.getHealth().getNextProbeAt()).isNull();
    assertThat(c.getLastCheckedAt()).as("the history stays").isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aRowWhoseHealthColumnsAreAllEmptyReadsAsNoHealthYet() throws Exception {
    WhatsAppConnection c = new WhatsAppConnection("111", "222", null, new byte[] {1}, null, T0);
    // What EclipseLink leaves in the field when every embedded column is NULL.
    var field = WhatsAppConnection.class.getDeclaredField("health");
    field.setAccessible(true);
    field.set(c, null);
    assertThat(c.getQualityRating()).isNull();
    assertThat(c.getHealth().getNextProbeAt()).isNull();
    assertThat(field.get(c)).as("reading does not change the row").isNull();
    c.observed("BLOCKED", "TOKEN", null, T0, T0.plusSeconds(60));
    assertThat(c.getCanSendMessage()).isEqualTo("BLOCKED");
  }
}
