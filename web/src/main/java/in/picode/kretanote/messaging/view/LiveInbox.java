package in.picode.kretanote.messaging.view;

import in.picode.kretanote.messaging.boundary.InboxFeed;
import in.picode.kretanote.tenant.boundary.Tenants;
import in.picode.kretanote.tenant.entity.Tenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pushes inbox changes to the browsers of their tenant ({@code <f:websocket channel="inbox">} on
 * the inbox and conversation pages), so a customer's message or a status shows within a second
 * instead of at the next 5-s poll, which stays as the fallback.
 *
 * <p><b>Across servers.</b> The applier writes an {@code inbox_change} row in the transaction that
 * changed the conversations; every server reads the rows after its cursor every 250 ms ({@link
 * InboxFeed}) and pushes them to its own sockets. The database is already what the servers share
 * (claims, leases, sessions fail over through it), so a change applied on one server reaches a
 * browser on the other without a broker and without depending on the Hazelcast cluster being
 * formed; the cost is one indexed read per server four times a second.
 *
 * <p><b>Tenants.</b> The socket is user-scoped with the tenant id as its user, evaluated on the
 * server from the signed-in session when the page renders; the browser only holds an opaque channel
 * id. A change is sent to its row's tenant only, so no browser hears of another tenant's messages.
 * The message is the changed conversations' ids, nothing of their content.
 */
@Named
@ApplicationScoped
public class LiveInbox {

  private static final System.Logger LOG = System.getLogger(LiveInbox.class.getName());

  /** Ids below the cursor read again, for rows that committed after a higher one. */
  static final int LATE_WINDOW = 200;

  @Inject InboxFeed feed;
  @Inject Tenants tenants;

  @Inject
  @Push(channel = "inbox")
  PushContext push;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "kretanote.inbox.poll-seconds", defaultValue = "5")
  int pollSeconds;

  @Inject
  @ConfigProperty(name = "kretanote.inbox.push-every", defaultValue = "PT0.25S")
  String pushEvery;

  private final TreeSet<Long> seen = new TreeSet<>();
  private long cursor = -1;
  private long purgedAt = System.nanoTime();
  private long purgeUpTo = -1;
  private long lastProblem;
  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    long every = Duration.parse(pushEvery).toMillis();
    task = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** The socket's user: the signed-in session's tenant (none outside a tenant). */
  public Long getChannelUser() {
    return tenants.current().map(Tenant::getId).orElse(0L);
  }

  /** The fallback poll's interval on the inbox and conversation pages, in seconds. */
  public int getPollSeconds() {
    return pollSeconds;
  }

  synchronized void tick() {
    try {
      if (cursor < 0) {
        cursor = feed.latest();
        purgeUpTo = cursor;
      }
      List<InboxFeed.Change> changes = feed.after(Math.max(0, cursor - LATE_WINDOW), 1000);
      for (InboxFeed.Change change : changes) {
        if (seen.add(change.id())) {
          push.send(change.conversationIds(), change.tenantId());
        }
        cursor = Math.max(cursor, change.id());
      }
      seen.headSet(cursor - LATE_WINDOW).clear();
      if (System.nanoTime() - purgedAt > TimeUnit.MINUTES.toNanos(1)) {
        // What every server's cursor passed a minute ago at the latest.
        feed.purgeUpTo(purgeUpTo - LATE_WINDOW);
        purgeUpTo = cursor;
        purgedAt = System.nanoTime();
      }
    } catch (Exception | LinkageError e) {
      long now = System.nanoTime();
      if (lastProblem == 0 || now - lastProblem > TimeUnit.MINUTES.toNanos(1)) {
        lastProblem = now;
        LOG.log(Level.WARNING, "Live inbox paused, the 5-s poll still works: {0}", e.toString());
      }
    }
  }
}
