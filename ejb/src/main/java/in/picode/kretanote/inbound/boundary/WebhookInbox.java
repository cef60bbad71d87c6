package in.picode.kretanote.inbound.boundary;

import in.picode.kretanote.inbound.control.EventLog;
import in.picode.kretanote.inbound.control.GroupCommitLog;
import in.picode.kretanote.inbound.control.LogUnavailableException;
import in.picode.kretanote.inbound.control.SignatureRefusals;
import in.picode.kretanote.inbound.control.VerifyToken;
import in.picode.kretanote.inbound.control.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Meta's webhooks enter: the subscription handshake, the signature check on the raw bytes,
 * and the durable append to the event log before the acknowledgement.
 *
 * <p>A POST is acknowledged only once its body is committed to {@code webhook_event}; bodies of
 * concurrent requests share commits ({@link GroupCommitLog}). Applying the events happens later
 * ({@link WebhookProcessor}), so a slow or failing apply never delays or fails an acknowledgement.
 *
 * <p>Bean-managed concurrency: requests must run in parallel to share commits; all state here is
 * thread-safe. The app secret and verify token are read from the configuration again every few
 * seconds, so rotating them needs no restart.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookInbox {

  private static final System.Logger LOG = System.getLogger(WebhookInbox.class.getName());

  /** The request header that carries Meta's signature of the raw body. */
  public static final String SIGNATURE_HEADER = WebhookSignature.HEADER;

  public static final String APP_SECRET = "kretanote.meta.app-secret";
  public static final String APP_SECRET_PREVIOUS = "kretanote.meta.app-secret-previous";
  public static final String VERIFY_TOKEN = "kretanote.meta.verify-token";
  static final Duration SECRETS_REFRESH = Duration.ofSeconds(10);

  @Resource(lookup = "jdbc/kretanote")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject Config config;

  @EJB WebhookProcessor processor;

  @Inject PipelineMetrics metrics;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.max-bytes", defaultValue = "5242880")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.queue-capacity", defaultValue = "10000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.queue-max-bytes", defaultValue = "67108864")
  long queueMaxBytes;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.batch-max-rows", defaultValue = "200")
  int batchMaxRows;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.batch-max-bytes", defaultValue = "4194304")
  long batchMaxBytes;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.ack-timeout", defaultValue = "PT10S")
  String ackTimeout;

  @Inject
  @ConfigProperty(name = "kretanote.webhook.baseline-endpoint", defaultValue = "false")
  boolean baselineEndpoint;

  private final SignatureRefusals refusals =
      new SignatureRefusals(Duration.ofMinutes(1), System::nanoTime);
  private GroupCommitLog log;
  private EventLog.Appender appender;
  private ExecutorService acknowledgements;
  private volatile Secrets secrets;

  /** The configured secrets, parsed once per refresh interval. */
  private record Secrets(
      Optional<WebhookSignature> signature, Optional<VerifyToken> verifyToken, long loadedAt) {}

  @PostConstruct
  void start() {
    Duration timeout = Duration.parse(ackTimeout);
    appender = new EventLog(dataSource, Runnable::run, timeout).appender();
    log =
        new GroupCommitLog(
            appender::append,
            rows -> processor.wakeUp(),
            threads,
            new GroupCommitLog.Limits(
                queueCapacity, queueMaxBytes, batchMaxRows, batchMaxBytes, timeout),
            Clock.systemUTC());
    // Resuming the suspended HTTP responses happens here, not on the writer thread, so that the
    // writer can start the next commit at once.
    acknowledgements = Executors.newFixedThreadPool(2, threads);
    secrets();
  }

  @PreDestroy
  void stop() {
    log.close(Duration.ofSeconds(10));
    appender.close();
    acknowledgements.shutdown();
    try {
      acknowledgements.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Meta's subscription handshake; refused when no verify token is configured. */
  public Handshake handshake(String mode, String token, String challenge) {
    Optional<VerifyToken> verifyToken = secrets().verifyToken();
    if (verifyToken.isEmpty()) {
      LOG.log(Level.WARNING, "Webhook handshake refused: {0} is not configured", VERIFY_TOKEN);
      return new Handshake.Refused(VERIFY_TOKEN + " is not configured");
    }
    Handshake result = verifyToken.get().check(mode, token, challenge);
    if (result instanceof Handshake.Refused refused) {
      LOG.log(Level.INFO, "Webhook handshake refused: {0}", refused.reason());
    }
    return result;
  }

  public long maxBodyBytes() {
    return maxBytes;
  }

  /**
   * Checks the signature of {@code body} and appends it to the event log.
   *
   * @return completes when the body is durable; exceptionally with {@link LogUnavailableException}
   *     when it could not be stored
   */
  public CompletableFuture<Void> receive(byte[] body, String signatureHeader)
      throws WebhookRefusedException, WebhookUnavailableException {
    verify(body, signatureHeader);
    try {
      return log.append(body);
    } catch (LogUnavailableException e) {
      throw new WebhookUnavailableException("event log: " + e.reason(), e);
    }
  }

  /**
   * Only the signature check: the benchmark's HTTP ceiling. Refused unless enabled by {@code
   * kretanote.webhook.baseline-endpoint}.
   */
  public boolean baselineEnabled() {
    return baselineEndpoint;
  }

  /**
   * Refuses a missing or malformed signature header before the body is read, so a client without a
   * signature cannot make the server read megabytes.
   */
  public void checkHeader(String signatureHeader) throws WebhookRefusedException {
    WebhookSignature.Verdict verdict = WebhookSignature.shape(signatureHeader);
    if (!verdict.isValid()) {
      refusals.record(verdict);
      metrics.signatureRefused();
      throw new WebhookRefusedException(verdict);
    }
  }

  public void verify(byte[] body, String signatureHeader)
      throws WebhookRefusedException, WebhookUnavailableException {
    Optional<WebhookSignature> signature = secrets().signature();
    if (signature.isEmpty()) {
      throw new WebhookUnavailableException(APP_SECRET + " is not configured");
    }
    WebhookSignature.Verdict verdict = signature.get().verify(body, signatureHeader);
    refusals.record(verdict);
    if (!verdict.isValid()) {
      metrics.signatureRefused();
      throw new WebhookRefusedException(verdict);
    }
  }

  /** Where completions of {@link #receive} should run: not on the writer thread. */
  public Executor acknowledgements() {
    return acknowledgements;
  }

  public WriterStats stats() {
    return log.stats();
  }

  public long refusedSignatures() {
    return refusals.totalRefused();
  }

  private Secrets secrets() {
    Secrets current = secrets;
    long now = System.nanoTime();
    if (current != null && now - current.loadedAt() < SECRETS_REFRESH.toNanos()) {
      return current;
    }
    Optional<String> secret = value(APP_SECRET);
    Optional<String> previous = value(APP_SECRET_PREVIOUS);
    Optional<String> token = value(VERIFY_TOKEN);
    Secrets loaded =
        new Secrets(
            secret.map(s -> new WebhookSignature(s, previous)), token.map(VerifyToken::new), now);
    if (secret.isEmpty() && (current == null || current.signature().isPresent())) {
      LOG.log(
          Level.ERROR,
          "{0} is not configured: webhooks are answered 503 until it is, so Meta keeps them",
          APP_SECRET);
    }
    secrets = loaded;
    return loaded;
  }

  private Optional<String> value(String key) {
    return config
        .getOptionalValue(key, String.class)
        .filter(v -> !v.isBlank())
        .map(Objects::toString);
  }
}
