package in.picode.kretanote.meta.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.picode.kretanote.meta.control.GraphSettings;
import in.picode.kretanote.sandbox.meta.Fault;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.meta.SimState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Graph client against the Meta simulator: shapes, errors, classification, token hygiene. */
class GraphApiTest {

  static final String APP_ID = "100000000000077";
  static final List<String> issued = new CopyOnWriteArrayList<>();
  static MetaSimulator sim;
  static GraphApi graph;

  String waba;
  String pnid;

  @BeforeAll
  static void start() throws Exception {
    sim =
        MetaSimulator.builder()
            .appId(APP_ID)
            .appSecret("unit-secret")
            .onTokenIssued(issued::add)
            .start();
    graph =
        new GraphApi(
            new GraphSettings(
                sim.baseUrl(),
                "v23.0",
                APP_ID,
                "unit-secret",
                Duration.ofSeconds(2),
                Duration.ofMillis(1500)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void ids() {
    waba = "1" + System.nanoTime() % 1_000_000_000_000L;
    pnid = "2" + System.nanoTime() % 1_000_000_000_000L;
    sim.clearFaults();
  }

  AccessToken token() {
    return graph.exchangeCode(sim.issueSignupCode(waba, pnid, "+1 555 0100 200", "Acme"));
  }

  @Test
  void signupCallsInMetasShapes() {
    AccessToken token = token();
    TokenInfo info = graph.debugToken(token);
    assertThat(info.valid()).isTrue();
    assertThat(info.appId()).isEqualTo(APP_ID);
    assertThat(info.grants(TokenInfo.MANAGEMENT, waba)).isTrue();
    assertThat(info.grants(TokenInfo.MESSAGING, waba)).isTrue();
    assertThat(info.grants(TokenInfo.MESSAGING, "999")).isFalse();
    assertThat(info.expiry()).isEmpty();

    assertThat(graph.phoneNumbers(token, waba))
        .extracting(PhoneNumberInfo::id)
        .containsExactly(pnid);
    assertThat(graph.isSubscribed(token, waba)).isFalse();
    graph.subscribeApp(token, waba);
    assertThat(graph.isSubscribed(token, waba)).isTrue();
    graph.register(token, pnid, "123456");
    assertThat(sim.isRegistered(pnid)).isTrue();

    PhoneNumberInfo number = graph.phoneNumber(token, pnid);
    assertThat(number.displayPhoneNumber()).isEqualTo("+1 555 0100 200");
    assertThat(number.verifiedName()).isEqualTo("Acme");
    assertThat(number.qualityRating()).isEqualTo("GREEN");
    assertThat(number.status()).isEqualTo("CONNECTED");
    assertThat(number.messagingLimit()).isEqualTo("TIER_250");
    assertThat(number.throughputLevel()).isEqualTo("STANDARD");
    assertThat(graph.healthStatus(token, pnid).isAvailable()).isTrue();

    graph.unsubscribeApp(token, waba);
    assertThat(graph.isSubscribed(token, waba)).isFalse();
    graph.deregister(token, pnid);
    assertThat(sim.isRegistered(pnid)).isFalse();
    assertThat(graph.healthStatus(token, pnid).canSendMessage()).isEqualTo("BLOCKED");
  }

  @Test
  void tokenTravelsOnlyInTheAuthorizationHeader() {
    AccessToken token = token();
    graph.subscribeApp(token, waba);
    graph.phoneNumber(token, pnid);
    graph.debugToken(token);
    List<SimState.Call> ours =
        sim.calls().stream()
            .filter(c -> c.path().contains(pnid) || c.path().contains(waba))
            .toList();
    assertThat(ours).isNotEmpty().allSatisfy(c -> assertThat(c.authorizationPresent()).isTrue());
    assertThat(ours)
        .allSatisfy(c -> assertThat(String.valueOf(c.query())).doesNotContain("access_token"));
  }

  @Test
  void replayedOrForeignCodeIsAPermanentError() {
    String code = sim.issueSignupCode(waba, pnid, "+1 555 0100 201", "Acme");
    graph.exchangeCode(code);
    assertThatThrownBy(() -> graph.exchangeCode(code))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.hasCode(100)).isTrue();
              assertThat(e.subcode()).contains(36009);
              assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT);
              assertThat(e.fbtraceId()).isPresent();
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).contains("exchange code").doesNotContain(code);
            });
    assertThatThrownBy(() -> graph.exchangeCode("AQnotarealcode"))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.hasCode(100)).isTrue());
  }

  @Test
  void errorsAreClassifiedByCode() {
    AccessToken token = token();
    sim.inject(Fault.metaError(190).withSubcode(463));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
              assertThat(e.subcode()).contains(463);
            });
    sim.inject(Fault.metaError(130429));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.THROTTLED));
    sim.inject(Fault.metaError(131000));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
    sim.inject(Fault.metaError(133010));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT));
    sim.inject(Fault.httpStatus(502).withBody("<html>bad gateway</html>"));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.code()).isEmpty();
              assertThat(e.httpStatus()).isEqualTo(502);
            });
    sim.inject(Fault.httpStatus(429));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.THROTTLED));
  }

  @Test
  void noAnswerIsTransientAndSaysSo() {
    AccessToken token = token();
    sim.inject(Fault.delay(Duration.ofMillis(2500)));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.getMessage()).contains("no answer");
            });
    // The JDK's HTTP client retries an idempotent GET once on its own.
    sim.inject(Fault.disconnect().times(2));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
  }

  @Test
  void aTokenEchoedByAnErrorIsCutOut() {
    AccessToken token = token();
    sim.inject(
        Fault.metaError(100).withMessage("bad token " + token.value()).withDetails(token.value()));
    assertThatThrownBy(() -> graph.phoneNumber(token, pnid))
        .isInstanceOfSatisfying(
            GraphException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(token.value()).contains("[redacted]");
              assertThat(e.details()).contains("[redacted]");
            });
    assertThat(token.toString()).doesNotContain(token.value());
    assertThat(issued).contains(token.value());
  }

  @Test
  void idsThatAreNotDigitsNeverReachAUrl() {
    AccessToken token = token();
    assertThatThrownBy(() -> graph.phoneNumber(token, "../me"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.subscribeApp(token, "1?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.register(token, pnid, "12ab56"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAppCredentialsNoCodeCanBeExchanged() {
    GraphApi unconfigured =
        new GraphApi(
            new GraphSettings(
                sim.baseUrl(), "v23.0", null, null, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThatThrownBy(() -> unconfigured.exchangeCode("AQx"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kretanote.meta.app-id");
    assertThat(unconfigured.settings().toString()).contains("appSecret=unset");
    assertThat(graph.settings().toString()).doesNotContain("unit-secret");
  }
}
