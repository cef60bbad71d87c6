package in.picode.kretanote.connection.control;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.ErrorClass;
import in.picode.kretanote.meta.boundary.GraphException;
import org.junit.jupiter.api.Test;

class FailureWordingTest {

  static GraphException error(Integer code, ErrorClass c, String details) {
    return new GraphException(
        "op", code == null ? 0 : 400, code, null, "msg", details, "Atrace", c);
  }

  @Test
  void saysWhatWhyAndWhatToDo() {
    assertThat(FailureWording.of(Step.SUBSCRIBE_APP, error(131000, ErrorClass.TRANSIENT, null)))
        .startsWith("KretaNote could not subscribe")
        .contains("temporary problem. Retry")
        .endsWith("(Meta error 131000, trace Atrace)");
    assertThat(FailureWording.of(Step.REGISTER_NUMBER, error(133005, ErrorClass.PERMANENT, null)))
        .contains("two-step verification PIN");
    assertThat(FailureWording.of(Step.READ_NUMBER, error(190, ErrorClass.AUTH, null)))
        .contains("Connect again");
    assertThat(FailureWording.of(Step.READ_NUMBER, error(4, ErrorClass.THROTTLED, null)))
        .contains("limiting requests");
    assertThat(FailureWording.of(Step.EXCHANGE_CODE, error(100, ErrorClass.PERMANENT, null)))
        .contains("already used, has expired, or was not issued for KretaNote");
    assertThat(
            FailureWording.of(Step.REGISTER_NUMBER, error(131009, ErrorClass.PERMANENT, "Bad pin")))
        .contains("Meta refused the request: Bad pin.");
    assertThat(
            FailureWording.of(
                Step.SUBSCRIBE_APP, GraphException.unreachable("op", "Meta did not answer")))
        .contains("did not answer in time")
        .doesNotContain("(");
  }
}
