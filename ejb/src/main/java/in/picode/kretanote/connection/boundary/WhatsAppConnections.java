package in.picode.kretanote.connection.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.control.FailureWording;
import in.picode.kretanote.connection.control.HealthAssessment;
import in.picode.kretanote.connection.control.SandboxSignup;
import in.picode.kretanote.connection.control.TokenCheck;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Status;
import in.picode.kretanote.connection.entity.WhatsAppConnection.Step;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.meta.boundary.GraphException;
import in.picode.kretanote.meta.boundary.PhoneNumberInfo;
import in.picode.kretanote.meta.boundary.TokenInfo;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current tenant's WhatsApp numbers: connect through Embedded Signup, retry a failed step,
 * disconnect.
 *
 * <p>The flows run without a transaction of their own: each call to Meta happens between short
 * transactions of {@link ConnectionStore}, so a slow Meta never holds a database lock, and each
 * step that succeeded is recorded before the next begins. Until every step has succeeded a
 * connection is PENDING or FAILED (with the step and the reason in plain words), never CONNECTED.
 *
 * <p>Refusals ({@link ConnectRefusedException}) store nothing but an audit line: a malformed
 * request, a used, expired or foreign code, a token without both WhatsApp permissions or without
 * the chosen WABA, a number that is not in that WABA, a number another tenant holds.
 */
@Stateless
public class WhatsAppConnections {

  private static final System.Logger LOG = System.getLogger(WhatsAppConnections.class.getName());

  @Inject GraphApi graph;
  @Inject ConnectionStore store;
  @Inject ConnectionRouting routing;
  @Inject SandboxSignup sandbox;

  @Inject
  @ConfigProperty(name = "kretanote.meta.registration-pin")
  Optional<String> configuredPin;

  @Inject
  @ConfigProperty(name = "kretanote.meta.config-id")
  Optional<String> configId;

  @Inject
  @ConfigProperty(name = "kretanote.meta.deregister-on-disconnect", defaultValue = "false")
  boolean deregisterOnDisconnect;

  @Inject
  @ConfigProperty(name = "kretanote.health.interval", defaultValue = "PT15M")
  Duration healthInterval;

  private final Clock clock = Clock.systemUTC();

  public List<WhatsAppConnection> list() {
    return store.all();
  }

  public Optional<WhatsAppConnection> find(long id) {
    return store.find(id);
  }

  public boolean isSandbox() {
    return sandbox.isEnabled();
  }

  /** What the page needs to start Embedded Signup (nothing secret). */
  public EmbeddedSignupSettings signupSettings() {
    return new EmbeddedSignupSettings(
        graph.settings().appId(),
        configId.filter(s -> s.matches("[0-9]{1,32}")).orElse(null),
        graph.settings().version(),
        sandbox.isEnabled());
  }

  /** The "Why can't I send?" panel for a connection; empty when nothing stands in the way. */
  public List<SendingProblem> whyCannotSend(WhatsAppConnection c) {
    return HealthAssessment.explain(c, Instant.now(clock));
  }

  /**
   * Why a connection's signup step failed, as sentences the page words in the reader's language
   * (the stored English reason for a connection that failed before they were kept as codes).
   */
  public List<Wording> failureReason(WhatsAppConnection c) {
    return FailureWording.stored(c);
  }

  /**
   * Embedded Signup, server side: exchange the code, check the token, store it, subscribe the app,
   * register the number, read its details. Returns the connection: CONNECTED, or FAILED with the
   * step and reason (the tenant can {@link #retry}).
   *
   * @throws ConnectRefusedException when nothing could be stored; the message says why
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public WhatsAppConnection connect(SignupRequest request, Actor actor) {
    long tenant = Tenancy.require();
    try {
      return connect(tenant, request, actor);
    } catch (ConnectRefusedException e) {
      store.auditRefusal(actor, request.phoneNumberId(), e.getMessage());
      throw e;
    }
  }

  /** Sandbox mode: the same flow, with a code the Meta simulator issued for a new number. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public WhatsAppConnection connectSimulated(Actor actor) {
    Tenancy.require();
    return connect(sandbox.simulatedSignup(), actor);
  }

  /** The customer the sandbox's "Simulate a customer message" button writes as. */
  public static final String SIMULATED_CUSTOMER = "4915100000001";

  /**
   * Sandbox mode: a simulated customer ({@link #SIMULATED_CUSTOMER}) writes to one of this tenant's
   * live numbers; the message arrives through the webhook as a real one would.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void simulateCustomerMessage(long connectionId) {
    Tenancy.require();
    WhatsAppConnection c =
        store
            .find(connectionId)
            .filter(x -> x.getStatus() == WhatsAppConnection.Status.CONNECTED)
            .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    sandbox.customerWrites(
        c.getPhoneNumberId(),
        SIMULATED_CUSTOMER,
        "Ana (simulated)",
        "Hello! I would like to know whether my order has shipped.");
  }

  private WhatsAppConnection connect(long tenant, SignupRequest request, Actor actor) {
    String pnid = request.phoneNumberId();
    String waba = request.wabaId();
    refuseIfHeldElsewhere(tenant, pnid);
    AccessToken token;
    try {
      token = graph.exchangeCode(request.code());
    } catch (GraphException e) {
      throw new ConnectRefusedException(
          Step.EXCHANGE_CODE, FailureWording.wordings(Step.EXCHANGE_CODE, e));
    }
    TokenInfo info;
    try {
      info = graph.debugToken(token);
      TokenCheck.refusal(info, graph.settings().appId(), waba)
          .ifPresent(
              reason -> {
                throw new ConnectRefusedException(Step.CHECK_TOKEN, reason);
              });
      boolean inWaba = graph.phoneNumbers(token, waba).stream().anyMatch(n -> pnid.equals(n.id()));
      if (!inWaba) {
        throw new ConnectRefusedException(Step.CHECK_TOKEN, ConnectionWords.NOT_IN_WABA.with());
      }
    } catch (GraphException e) {
      throw new ConnectRefusedException(
          Step.CHECK_TOKEN, FailureWording.wordings(Step.CHECK_TOKEN, e));
    }
    refuseIfHeldElsewhere(tenant, pnid);
    ConnectionStore.Begun begun =
        store.begin(waba, pnid, request.businessId(), token, info.expiresAt());
    return finish(begun.connectionId(), token, begun.wasConnectedBefore(), actor);
  }

  private void refuseIfHeldElsewhere(long tenant, String pnid) {
    routing
        .byPhoneNumberId(pnid)
        .filter(route -> route.tenantId() != tenant)
        .ifPresent(
            route -> {
              throw new ConnectRefusedException(
                  Step.CHECK_TOKEN, ConnectionWords.HELD_ELSEWHERE.with());
            });
  }

  /**
   * Runs the signup steps again from the start of the one that failed, with the token stored at the
   * first attempt (no new code needed). For a connection whose token no longer works the tenant
   * must connect again instead.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public WhatsAppConnection retry(long id, Actor actor) {
    Tenancy.require();
    WhatsAppConnection c = store.get(id);
    if (c.getStatus() != Status.FAILED && c.getStatus() != Status.PENDING) {
      return c;
    }
    AccessToken token =
        store
            .token(id)
            .orElseThrow(
                () ->
                    new ConnectRefusedException(
                        c.getFailedStep(), ConnectionWords.NOTHING_TO_RETRY.with()));
    store.audit(actor, "WHATSAPP_TOKEN_USED", c, "retry of " + c.getFailedStep());
    return finish(id, token, c.getConnectedAt() != null, actor);
  }

  private WhatsAppConnection finish(
      long id, AccessToken token, boolean wasConnectedBefore, Actor actor) {
    WhatsAppConnection c = store.get(id);
    Step step = Step.SUBSCRIBE_APP;
    try {
      graph.subscribeApp(token, c.getWabaId());
      step = Step.REGISTER_NUMBER;
      String pin = store.registrationPin(id, configuredPin.filter(p -> p.matches("[0-9]{6}")));
      graph.register(token, c.getPhoneNumberId(), pin);
      step = Step.READ_NUMBER;
      PhoneNumberInfo number = graph.phoneNumber(token, c.getPhoneNumberId());
      Instant firstProbe = Instant.now(clock).plus(healthInterval);
      WhatsAppConnection done = store.connected(id, number, wasConnectedBefore, actor, firstProbe);
      LOG.log(
          Level.INFO,
          "WhatsApp number connected: connection {0}, phone number id {1}",
          String.valueOf(id),
          done.getPhoneNumberId());
      return done;
    } catch (GraphException e) {
      LOG.log(
          Level.INFO,
          "WhatsApp signup of connection {0} stopped at {1}: {2}",
          String.valueOf(id),
          step,
          e.getMessage());
      return store.failed(id, step, FailureWording.wordings(step, e), actor);
    }
  }

  /**
   * Disconnects at the tenant's request: unsubscribes our app from the WABA, deregisters the number
   * when {@code kretanote.meta.deregister-on-disconnect} is set, and destroys the stored token at
   * once. Meta refusing or not answering does not keep the token: the disconnect always happens
   * here, and the returned notes say what Meta could not be told.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Disconnected disconnect(long id, Actor actor) {
    Tenancy.require();
    WhatsAppConnection c = store.get(id);
    if (c.getStatus() == Status.DISCONNECTED) {
      return new Disconnected(c, List.of());
    }
    List<Wording> notes = new ArrayList<>();
    Optional<AccessToken> token;
    try {
      token = store.token(id);
    } catch (RuntimeException e) {
      // A token that cannot be decrypted (key destroyed or rotated away) is as good as gone.
      token = Optional.empty();
    }
    if (token.isEmpty()) {
      notes.add(ConnectionWords.DISCONNECT_NO_TOKEN.with());
    } else {
      try {
        graph.unsubscribeApp(token.get(), c.getWabaId());
      } catch (GraphException e) {
        notes.add(
            ConnectionWords.DISCONNECT_NOT_UNSUBSCRIBED.with(
                e.errorClass().name().toLowerCase(java.util.Locale.ROOT)));
      }
      if (deregisterOnDisconnect) {
        try {
          graph.deregister(token.get(), c.getPhoneNumberId());
        } catch (GraphException e) {
          notes.add(ConnectionWords.DISCONNECT_NOT_DEREGISTERED.with());
        }
      }
    }
    String detail =
        "access token destroyed"
            + (token.isPresent() ? "; token used to unsubscribe" : "")
            + (token.isPresent() && deregisterOnDisconnect ? " and deregister" : "")
            + (notes.isEmpty() ? "" : "; " + notes.size() + " step(s) Meta did not confirm");
    WhatsAppConnection done = store.disconnected(id, actor, detail);
    LOG.log(Level.INFO, "WhatsApp connection {0} disconnected", String.valueOf(id));
    return new Disconnected(done, List.copyOf(notes));
  }

  /** A disconnected connection and what Meta could not be told (empty when all went through). */
  public record Disconnected(WhatsAppConnection connection, List<Wording> wordings) {

    /** The notes in English. */
    public List<String> notes() {
      return Wording.english(wordings);
    }
  }
}
