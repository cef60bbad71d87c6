package in.picode.kretanote.retention.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.billing.control.BillingData;
import in.picode.kretanote.connection.control.ConnectionData;
import in.picode.kretanote.contact.control.ConsentData;
import in.picode.kretanote.contact.control.ContactData;
import in.picode.kretanote.contact.control.ContactHolds;
import in.picode.kretanote.crypto.control.DataKeyData;
import in.picode.kretanote.inbound.control.InboundData;
import in.picode.kretanote.messaging.control.MediaFolder;
import in.picode.kretanote.messaging.control.MessagingData;
import in.picode.kretanote.outbound.control.OutboundData;
import in.picode.kretanote.platform.control.AuditData;
import in.picode.kretanote.platform.control.TableStep;
import in.picode.kretanote.tenant.control.TenantAccountData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgeStepsTest {

  /** Every feature's part, handed over in an order unrelated to the purge order. */
  static final PurgeSteps STEPS =
      PurgeSteps.of(
          List.of(
              new DataKeyData(),
              new ContactData(),
              new TenantAccountData(),
              new AuditData(),
              new RetentionData(),
              new MessagingData(),
              new BillingData(),
              new ConnectionData(),
              new ConsentData(),
              new OutboundData(),
              new InboundData()));

  @Test
  void childrenComeBeforeTheTablesTheyReference() {
    List<String> order = List.copyOf(STEPS.tables());
    assertThat(order.indexOf("outbox")).isLessThan(order.indexOf("message"));
    assertThat(order.indexOf("campaign_recipient")).isLessThan(order.indexOf("contact"));
    assertThat(order.indexOf("contact_consent")).isLessThan(order.indexOf("contact"));
    assertThat(order.indexOf("message_template")).isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order.indexOf("canned_response")).isLessThan(order.indexOf("user_account"));
    assertThat(order.indexOf("media")).isLessThan(order.indexOf("message"));
    assertThat(order.indexOf("reaction")).isLessThan(order.indexOf("message"));
    assertThat(order.indexOf("message")).isLessThan(order.indexOf("conversation"));
    assertThat(order.indexOf("conversation")).isLessThan(order.indexOf("contact"));
    assertThat(order.indexOf("conversation")).isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order.indexOf("whatsapp_health_check"))
        .isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order.indexOf("audit_event")).isLessThan(order.indexOf("user_account"));
    assertThat(order.indexOf("invitation")).isLessThan(order.indexOf("user_account"));
    assertThat(order.indexOf("user_account")).isLessThan(order.indexOf("tenant_data_key"));
    // raw events are redacted with the tenant's numbers before the connections go
    assertThat(order.indexOf("webhook_event_route"))
        .isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order).doesNotHaveDuplicates().doesNotContain("tenant");
  }

  @Test
  void anAgedStepDeletesByAgeInBoundedBatchesAndSparesHeldContacts() {
    String sql =
        TableStep.aged("reaction", "reacted_at")
            .heldBy("contact_id")
            .onlyWhere("message_id IS NULL")
            .olderSql(ContactHolds.RULE);
    assertThat(sql)
        .startsWith("DELETE FROM reaction WHERE tenant_id = ? AND reacted_at < ?")
        .contains("h.legal_hold")
        .contains("(message_id IS NULL)")
        .endsWith("LIMIT ?");
  }

  @Test
  void namesThatAreNotPlainIdentifiersAreRefused() {
    assertThatThrownBy(() -> TableStep.whole("contact; DROP TABLE tenant"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TableStep.aged("message", "created_at OR 1=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mediaPathsOutsideTheMediaFolderAreRefused(@TempDir Path dir) throws Exception {
    MediaFolder media = new MediaFolder(dir.resolve("media"));
    Path file = dir.resolve("media/7/1.media");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    Path outside = dir.resolve("2.media");
    Files.writeString(outside, "keep");
    assertThatThrownBy(() -> media.delete(List.of("../2.media")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> media.resolve(".")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(outside)).isTrue();
    assertThat(media.delete(List.of("7/1.media", "7/9.media"))).isEqualTo(1);
    Files.writeString(dir.resolve("media/7/3.media"), "y");
    assertThat(media.deleteTenantFolder(7)).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("media/7"))).isFalse();
    assertThat(media.deleteTenantFolder(8)).isZero();
    Files.delete(outside);
  }
}
