package in.picode.kretanote.platform.view;

import static org.assertj.core.api.Assertions.assertThat;

import in.picode.kretanote.inbound.control.EventLog;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.boundary.JobStatus;
import in.picode.kretanote.tenant.entity.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OperatorNamesTest {

  /** Every state an operator page lists, by its kind: the enums, and the names stored as text. */
  static final Map<String, List<String>> STATES =
      Map.of(
          "tenant.status", names(Tenant.Status.values()),
          "event.state", names(EventLog.State.values()),
          "outbox.state", names(OutboxEntry.State.values()),
          "job.verdict", names(JobStatus.Verdict.values()),
          "deletion.status", List.of("PENDING", "CANCELLED", "PURGED"),
          "purge.kind", List.of("RETENTION", "ACCOUNT", "WEBHOOK_EVENTS", "ERASURE"));

  static List<String> names(Enum<?>[] values) {
    return Stream.of(values).map(Enum::name).toList();
  }

  static ResourceBundle texts(String language) {
    return ResourceBundle.getBundle(OperatorNames.TEXTS, Locale.forLanguageTag(language));
  }

  /** Every language has every key of the English bundle: {@code BundlesTest}. */
  @Test
  void everyStateTheOperatorPagesListHasAWord() {
    ResourceBundle english = texts("en");
    List<String> missing = new ArrayList<>();
    STATES.forEach(
        (kind, names) -> {
          for (String name : names) {
            if (!english.containsKey(kind + "." + name)) {
              missing.add(kind + "." + name);
            }
          }
        });
    assertThat(missing).isEmpty();
  }

  @Test
  void aStateIsReadInTheOperatorsLanguageAndAnUnknownOneAsStored() {
    assertThat(OperatorNames.of(texts("en"), "tenant.status", Tenant.Status.DELETION_PENDING))
        .isEqualTo("Deletion scheduled");
    assertThat(OperatorNames.of(texts("es"), "event.state", "UNROUTABLE")).isEqualTo("Sin destino");
    assertThat(OperatorNames.of(texts("hi"), "job.verdict", JobStatus.Verdict.STUCK))
        .isEqualTo("अटका हुआ");
    assertThat(OperatorNames.of(texts("ar"), "outbox.state", "SOMETHING_NEW"))
        .isEqualTo("SOMETHING_NEW");
    assertThat(OperatorNames.of(texts("ar"), "outbox.state", null)).isEmpty();
  }
}
