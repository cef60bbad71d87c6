package in.picode.kretanote.messaging.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AnalyticsTest {

  @Test
  void theRateCardIsReadLeniently() {
    assertThat(Analytics.rateCard("Marketing=0.025, utility = 0.004,broken=x,nonsense"))
        .containsEntry("marketing", new BigDecimal("0.025"))
        .containsEntry("utility", new BigDecimal("0.004"))
        .doesNotContainKey("broken")
        .hasSize(2);
    assertThat(Analytics.rateCard(null)).isEmpty();
  }

  @Test
  void aLocationPayloadGivesItsCoordinates() {
    assertThat(Conversations.location("{\"latitude\":52.52,\"longitude\":13.405,\"name\":\"x\"}"))
        .containsExactly(52.52, 13.405);
    assertThat(Conversations.location("{\"name\":\"no coordinates\"}")).isNull();
    assertThat(Conversations.location("not json")).isNull();
  }
}
