package in.picode.kretanote.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.messaging.boundary.MessageView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeBeanTest {

  static MessageView outbound(long id, String status) {
    return new MessageView(
        id,
        "OUTBOUND",
        "text",
        "Hi",
        Instant.EPOCH,
        status,
        null,
        null,
        false,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        false,
        false,
        null,
        false,
        false,
        null,
        null);
  }

  @Test
  void sendingShowsUntilTheMessageLeavesPendingAndNotAfterItIsRead() {
    assertThat(ComposeBean.stillSending(null, List.of())).isFalse();
    assertThat(ComposeBean.stillSending(7L, List.of()))
        .as("not among the messages shown")
        .isFalse();
    assertThat(ComposeBean.stillSending(7L, List.of(outbound(7, "PENDING")))).isTrue();
    assertThat(ComposeBean.stillSending(7L, List.of(outbound(7, "SENT")))).isFalse();
    assertThat(ComposeBean.stillSending(7L, List.of(outbound(6, "PENDING"), outbound(7, "READ"))))
        .isFalse();
  }
}
