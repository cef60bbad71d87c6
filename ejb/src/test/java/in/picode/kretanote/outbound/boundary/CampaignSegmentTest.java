package in.picode.kretanote.outbound.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CampaignSegmentTest {

  @Test
  void aTagSegmentBindsTenantCursorAndTag() {
    CampaignSegment s = new CampaignSegment("vip", false);
    assertThat(s.nextIds())
        .startsWith("SELECT k.id FROM contact k WHERE k.tenant_id = ? AND k.id > ?")
        .contains("FROM contact_tag t WHERE t.tenant_id = k.tenant_id")
        .contains("t.tag = ?")
        .doesNotContain("contact_consent")
        .endsWith("ORDER BY k.id LIMIT ?");
    assertThat(s.parameters(7, 42)).containsExactly(7L, 42L, "vip");
    assertThat(s.describe()).contains("vip");
  }

  @Test
  void marketingConsentAloneNeedsNoTagParameter() {
    CampaignSegment s = new CampaignSegment(null, true);
    assertThat(s.count())
        .contains("contact_consent c WHERE c.tenant_id = k.tenant_id")
        .contains("c.category = 'MARKETING' AND c.granted = TRUE")
        .doesNotContain("contact_tag");
    assertThat(s.parameters(7, 0)).containsExactly(7L, 0L);
  }

  @Test
  void bothCriteriaMustHold() {
    CampaignSegment s = new CampaignSegment("vip", true);
    assertThat(s.count())
        .contains("contact_tag")
        .contains("contact_consent")
        .contains(" AND EXISTS");
    assertThat(s.nextIds().chars().filter(ch -> ch == '?').count())
        .as("tenant, cursor, tag, limit")
        .isEqualTo(4);
    assertThat(s.describe()).contains("marketing consent").contains("vip");
  }

  @Test
  void theTagIsAlwaysAParameterNeverSpliced() {
    CampaignSegment s = new CampaignSegment("x' OR '1'='1", false);
    assertThat(s.nextIds()).doesNotContain("OR '1'='1");
    assertThat(s.parameters(1, 0)).contains("x' OR '1'='1");
  }

  @Test
  void anEmptySegmentIsRefused() {
    assertThatThrownBy(() -> new CampaignSegment(null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segment is empty");
    assertThatThrownBy(() -> new CampaignSegment("  ", false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
