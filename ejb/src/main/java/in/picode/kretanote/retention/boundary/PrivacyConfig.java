package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.messaging.control.MediaFolder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of retention and account deletion (README, configuration). A grace period longer than 30
 * days is refused at startup: the privacy policy promises the purge within 30 days.
 */
@ApplicationScoped
public class PrivacyConfig {

  static final Duration MAX_GRACE = Duration.ofDays(30);

  @Inject
  @ConfigProperty(name = "kretanote.retention.default-days", defaultValue = "180")
  int defaultDays;

  @Inject
  @ConfigProperty(name = "kretanote.retention.min-days", defaultValue = "30")
  int minDays;

  @Inject
  @ConfigProperty(name = "kretanote.retention.max-days", defaultValue = "730")
  int maxDays;

  @Inject
  @ConfigProperty(name = "kretanote.retention.webhook-event-days", defaultValue = "30")
  int webhookEventDays;

  @Inject
  @ConfigProperty(name = "kretanote.retention.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kretanote.retention.run-interval", defaultValue = "PT24H")
  Duration runInterval;

  @Inject
  @ConfigProperty(name = "kretanote.retention.lease", defaultValue = "PT30M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kretanote.deletion.grace", defaultValue = "P30D")
  Duration grace;

  /**
   * How long backups are kept (days): what {@code server-config/backup.sh --prune} enforces with
   * {@code KRETANOTE_BACKUP_RETENTION_DAYS}; set both to the same value. Shown on the privacy page
   * and in the deletion receipt.
   */
  @Inject
  @ConfigProperty(name = "kretanote.backup.retention-days", defaultValue = "30")
  int backupRetentionDays;

  @Inject
  @ConfigProperty(name = "kretanote.media.dir", defaultValue = "/opt/kretanote/data/media")
  String mediaDir;

  private RetentionPolicy policy;

  @PostConstruct
  void check() {
    policy = new RetentionPolicy(defaultDays, minDays, maxDays, webhookEventDays);
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw new IllegalStateException(
          "kretanote.deletion.grace must be between 0 and 30 days (P30D), is " + grace);
    }
    if (backupRetentionDays < 1) {
      throw new IllegalStateException("kretanote.backup.retention-days must be at least 1");
    }
    if (batchSize < 1 || batchSize > 5000) {
      throw new IllegalStateException("kretanote.retention.batch-size must be 1..5000");
    }
  }

  public RetentionPolicy policy() {
    return policy;
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration runInterval() {
    return runInterval;
  }

  public Duration lease() {
    return lease;
  }

  public Duration grace() {
    return grace;
  }

  public int backupRetentionDays() {
    return backupRetentionDays;
  }

  public MediaFolder mediaFolder() {
    return new MediaFolder(Path.of(mediaDir));
  }
}
