package in.picode.kretanote.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignatureRefusalsTest {

  @Test
  void countsRefusalsButNotValidSignatures() {
    AtomicLong now = new AtomicLong();
    SignatureRefusals refusals = new SignatureRefusals(Duration.ofMinutes(1), now::get);
    refusals.record(WebhookSignature.Verdict.VALID);
    refusals.record(WebhookSignature.Verdict.MISSING);
    refusals.record(WebhookSignature.Verdict.MISMATCH);
    refusals.record(WebhookSignature.Verdict.MISMATCH);
    refusals.record(WebhookSignature.Verdict.VALID_WITH_PREVIOUS_SECRET);
    assertThat(refusals.totalRefused()).isEqualTo(3);
    assertThat(refusals.total(WebhookSignature.Verdict.MISMATCH)).isEqualTo(2);
    assertThat(refusals.total(WebhookSignature.Verdict.VALID_WITH_PREVIOUS_SECRET)).isEqualTo(1);
    assertThat(refusals.total(WebhookSignature.Verdict.VALID)).isZero();
  }
}
