package in.picode.kretanote.api.boundary;

import in.picode.kretanote.api.control.AddressGuard;
import in.picode.kretanote.api.control.WebhookSignature;
import in.picode.kretanote.api.control.WebhookTransport;
import in.picode.kretanote.platform.control.Tenancy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every second, on every server: claims due webhook deliveries and posts them, one after the other,
 * outside any transaction (a slow receiver holds no database connection), each to the address the
 * SSRF guard checked.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookTimer {

  private static final System.Logger LOG = System.getLogger(WebhookTimer.class.getName());
  private static final int BATCH = 50;

  @Inject WebhookDeliveries deliveries;
  @Inject WebhookSettings settings;

  private final AtomicBoolean running = new AtomicBoolean();
  private final String owner = "webhooks-" + UUID.randomUUID().toString().substring(0, 8);

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "webhook-sender")
  void everySecond() {
    if (!settings.enabled() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      drainOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook round failed: {0}", e.toString());
    } finally {
      running.set(false);
    }
  }

  /** One round; returns the rows attempted. */
  public int drainOnce() {
    Instant now = Instant.now();
    Duration lease = settings.timeout().multipliedBy(2).plusSeconds(5);
    List<WebhookDeliveries.Claimed> claimed =
        deliveries.claim(BATCH, now, now.plus(lease.multipliedBy(BATCH)), owner);
    for (WebhookDeliveries.Claimed c : claimed) {
      try {
        Tenancy.runAs(c.tenantId(), () -> attempt(c.id()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Webhook delivery {0} failed: {1}", c.id(), e.toString());
      }
    }
    return claimed.size();
  }

  private void attempt(long id) {
    Optional<WebhookDeliveries.Attempt> prepared = deliveries.prepare(id, Instant.now());
    if (prepared.isEmpty()) {
      return;
    }
    WebhookDeliveries.Attempt a = prepared.get();
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Instant at = Instant.now();
    Integer status = null;
    String error = null;
    String response = null;
    try {
      AddressGuard guard = settings.guard();
      URI uri = guard.parse(a.url());
      InetAddress pinned = guard.pin(uri);
      String signature = WebhookSignature.header(a.secret(), at.getEpochSecond(), body);
      WebhookTransport.Answer answer =
          new WebhookTransport(settings.timeout(), settings.timeout())
              .post(
                  uri,
                  pinned,
                  Map.of(WebhookSignature.HEADER, signature, "KretaNote-Event-Id", a.eventId()),
                  body);
      status = answer.status();
      response = answer.excerpt();
      if (status >= 300 && status < 400) {
        error =
            "The receiver answered with a redirect (HTTP " + status + "), which is not followed.";
      }
    } catch (AddressGuard.RefusedException e) {
      error = e.getMessage();
    } catch (IOException e) {
      error = "No answer: " + e.getMessage();
    }
    int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    deliveries.record(id, at, status, latency, error, response);
  }
}
