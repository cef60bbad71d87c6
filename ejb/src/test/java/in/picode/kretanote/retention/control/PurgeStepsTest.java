package in.picode.kretanote.retention.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurgeStepsTest {

  @Test
  void childrenComeBeforeTheTablesTheyReference() {
    List<String> order = List.copyOf(PurgeSteps.tables());
    assertThat(order.indexOf("media")).isLessThan(order.indexOf("message"));
    assertThat(order.indexOf("reaction")).isLessThan(order.indexOf("message"));
    assertThat(order.indexOf("message")).isLessThan(order.indexOf("conversation"));
    assertThat(order.indexOf("conversation")).isLessThan(order.indexOf("contact"));
    assertThat(order.indexOf("conversation")).isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order.indexOf("whatsapp_health_check"))
        .isLessThan(order.indexOf("whatsapp_connection"));
    assertThat(order.indexOf("audit_event")).isLessThan(order.indexOf("user_account"));
    assertThat(order.indexOf("invitation")).isLessThan(order.indexOf("user_account"));
    assertThat(order).doesNotHaveDuplicates().doesNotContain("tenant");
  }

  @Test
  void anAgedStepDeletesByAgeInBoundedBatchesAndSparesHeldContacts() {
    String sql =
        TableStep.aged("reaction", "reacted_at")
            .heldBy("contact_id")
            .onlyWhere("message_id IS NULL")
            .olderSql();
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
    MediaFolder media = new MediaFolder(dir);
    Path file = dir.resolve("7/a.bin");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    Path outside = dir.resolveSibling(dir.getFileName() + "-outside.txt");
    Files.writeString(outside, "keep");
    assertThatThrownBy(() -> media.delete(List.of("../" + outside.getFileName())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> media.resolve(".")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(outside)).isTrue();
    assertThat(media.delete(List.of("7/a.bin", "7/missing.bin"))).isEqualTo(1);
    Files.writeString(dir.resolve("7/b.bin"), "y");
    assertThat(media.deleteTenantFolder(7)).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("7"))).isFalse();
    assertThat(media.deleteTenantFolder(8)).isZero();
    Files.delete(outside);
  }
}
