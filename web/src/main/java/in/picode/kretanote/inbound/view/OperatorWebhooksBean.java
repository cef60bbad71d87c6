package in.picode.kretanote.inbound.view;

import in.picode.kretanote.inbound.boundary.WebhookEvents;
import in.picode.kretanote.inbound.boundary.WebhookInbox;
import in.picode.kretanote.inbound.boundary.WriterStats;
import in.picode.kretanote.outbound.boundary.OutboxOverview;
import in.picode.kretanote.platform.boundary.BackgroundJobs;
import in.picode.kretanote.platform.boundary.JobStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The platform operator's view of the webhook event log: counts by state, the apply backlog and the
 * events that could not be used, with their reasons. Never message content.
 */
@Named
@RequestScoped
public class OperatorWebhooksBean {

  @Inject WebhookEvents events;

  @Inject WebhookInbox inbox;

  @Inject BackgroundJobs jobs;

  @Inject OutboxOverview outbox;

  private OutboxOverview.Figures outboxFigures;

  private Map<String, Long> counts;
  private WebhookEvents.Backlog backlog;
  private List<WebhookEvents.Problem> problems;

  @PostConstruct
  void load() {
    counts = events.countsByState();
    backlog = events.backlog();
    problems = events.problems(100);
  }

  /** This server's counters since it started: commits, refusals, signatures refused. */
  public WriterStats getWriter() {
    return inbox.stats();
  }

  /** The outbox of all tenants: counts by state, oldest waiting, sends of the last hour. */
  public OutboxOverview.Figures getOutbox() {
    if (outboxFigures == null) {
      outboxFigures = outbox.figures();
    }
    return outboxFigures;
  }

  /** This server's background jobs and how each is doing (see {@code /health/ready}). */
  public List<JobStatus> getJobs() {
    return jobs.statuses();
  }

  public long getRefusedSignatures() {
    return inbox.refusedSignatures();
  }

  public Map<String, Long> getCounts() {
    return counts;
  }

  public WebhookEvents.Backlog getBacklog() {
    return backlog;
  }

  public List<WebhookEvents.Problem> getProblems() {
    return problems;
  }

  public String requeue(long id) {
    events.requeue(id);
    return "/operator/webhooks?faces-redirect=true";
  }
}
