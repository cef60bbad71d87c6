package in.picode.kretanote.sla.entity;

import static java.time.temporal.ChronoUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Function<SlaClock.Target, Instant> DUE =
      t ->
          t.from()
              .plus(
                  switch (t.kind()) {
                    case FIRST_RESPONSE -> Duration.ofMinutes(10);
                    case NEXT_RESPONSE -> Duration.ofMinutes(5);
                    case RESOLUTION -> Duration.ofMinutes(60);
                  });

  @Test
  void theFirstAnswerIsDueByTheFirstTargetThenTheNext() {
    SlaClock c = new SlaClock(1, null, T0, DUE);
    c.customerWrote(T0, DUE);
    assertThat(c.getResponseDue()).isEqualTo(T0.plusSeconds(600));
    assertThat(c.isBreached(T0.plusSeconds(599))).isFalse();
    assertThat(c.isBreached(T0.plusSeconds(601))).isTrue();
    c.businessReplied(T0.plusSeconds(120));
    assertThat(c.getResponseDue()).isNull();
    assertThat(c.getResponsesBreached()).isZero();
    // A second customer message while nobody waits: next-response target from then.
    c.customerWrote(T0.plusSeconds(300), DUE);
    c.customerWrote(T0.plusSeconds(400), DUE);
    assertThat(c.getResponseDue()).isEqualTo(T0.plusSeconds(600));
    c.businessReplied(T0.plusSeconds(900));
    assertThat(c.getResponses()).isEqualTo(2);
    assertThat(c.getResponsesBreached()).isEqualTo(1);
  }

  @Test
  void resolutionStopsEverythingAndAWarningIsGivenOncePerDueTime() {
    SlaClock c = new SlaClock(1, 5L, T0, DUE);
    c.customerWrote(T0, DUE);
    assertThat(c.warn()).isTrue();
    assertThat(c.warn()).isFalse();
    c.resolved(T0.plus(Duration.ofMinutes(61)));
    assertThat(c.isResolutionBreached()).isTrue();
    assertThat(c.nextDue()).isNull();
    assertThat(c.warn()).isFalse();
    c.businessReplied(T0.plus(Duration.ofMinutes(62)));
    assertThat(c.getResponses()).isZero();
    // The customer writes again: the conversation's clock starts over.
    c.customerWrote(T0.plus(Duration.ofMinutes(70)), DUE);
    assertThat(c.getResolutionDue()).isEqualTo(T0.plus(Duration.ofMinutes(130)));
    assertThat(c.getResponseDue()).isEqualTo(T0.plus(Duration.ofMinutes(80)));
  }

  @Test
  void aMoveToATeamRetimesTheOpenWaitsByItsTargetsFromWhenTheyStarted() {
    Function<SlaClock.Target, Instant> team =
        t -> t.from().plus(t.kind() == SlaClock.Target.Kind.RESOLUTION ? 30 : 2, MINUTES);
    SlaClock c = new SlaClock(1, null, T0, DUE);
    c.customerWrote(T0, DUE);
    assertThat(c.warn()).isTrue();
    c.movedToTeam(7L, team);
    assertThat(c.getTeamId()).isEqualTo(7L);
    assertThat(c.getResponseDue()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    assertThat(c.getResolutionDue()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(c.warn()).as("a new due time is warned about again").isTrue();
    // Resolved: nothing is due any more, whichever team it moves to.
    c.resolved(T0.plus(Duration.ofMinutes(40)));
    c.movedToTeam(null, DUE);
    assertThat(c.nextDue()).isNull();
    assertThat(c.isResolutionBreached()).isTrue();
  }
}
