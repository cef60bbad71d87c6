package in.picode.kretanote.retention.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeletionReceiptTest {

  @Test
  void theReceiptSaysWhatWasDeletedAndWhenAndHowLongBackupsRemain() {
    String receipt =
        DeletionReceipt.text(
            "Acme GmbH",
            42,
            Instant.parse("2026-11-01T10:00:00Z"),
            Instant.parse("2026-12-01T10:05:00Z"),
            "message: 3, webhook_event: 2",
            14);
    assertThat(receipt)
        .contains("Acme GmbH (account number 42)")
        .contains("deleted on 2026-12-01")
        .contains("2026-11-01")
        .contains("media files", "raw webhook copies", "data key was destroyed")
        .contains("at most 14 days")
        .contains("message: 3, webhook_event: 2")
        .doesNotContain("http", "/app/", "owner or admin");
  }
}
