package in.picode.kretanote.outbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadPermitsTest {

  @Test
  void aTenantGetsItsShareAndTheServerItsCapAndClosingGivesThemBack() {
    UploadPermits permits = new UploadPermits(3, 2);
    UploadPermits.Permit a1 = permits.take(1);
    UploadPermits.Permit a2 = permits.take(1);
    assertThat(a1.refusal()).isNull();
    assertThat(a2.refusal()).isNull();
    assertThat(permits.take(1).refusal()).as("tenant 1's share is used").contains("your team");

    UploadPermits.Permit b1 = permits.take(2);
    assertThat(b1.refusal()).as("another tenant still gets one").isNull();
    assertThat(permits.take(2).refusal()).as("the server's cap").contains("busy");
    assertThat(permits.inUse()).isEqualTo(3);

    a1.close();
    a1.close();
    assertThat(permits.inUse()).as("a permit closed twice is given back once").isEqualTo(2);
    assertThat(permits.take(1).refusal()).isNull();
  }
}
