package in.picode.kretanote.connection.entity;

import static in.picode.kretanote.connection.entity.WhatsAppConnection.limit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * What Meta says about a connected number's health, kept in the connection's row: the number's
 * fields (quality rating, status, name status, messaging limit, throughput), whether it can send,
 * the problem codes the latest probe or account webhook found, and when it was probed and is probed
 * next. Every text is cut to its column; a blank value is none.
 */
@Embeddable
public class NumberHealth {

  public static final int PROBLEMS_MAX = 1000;

  @Column(name = "quality_rating", length = 16)
  private String qualityRating;

  @Column(name = "number_status", length = 32)
  private String numberStatus;

  @Column(name = "name_status", length = 40)
  private String nameStatus;

  @Column(name = "messaging_limit", length = 40)
  private String messagingLimit;

  @Column(name = "throughput_level", length = 32)
  private String throughputLevel;

  @Column(name = "can_send_message", length = 16)
  private String canSendMessage;

  @Column(name = "health_problems", length = PROBLEMS_MAX)
  private String healthProblems;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  @Column(name = "next_probe_at")
  private Instant nextProbeAt;

  /** All steps of signup done: no problems known, the first probe at {@code firstProbe}. */
  void connected(Instant firstProbe) {
    this.healthProblems = null;
    this.nextProbeAt = firstProbe;
  }

  /** The number's fields as read from Meta when signup finished. */
  void numberFields(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String throughputLevel) {
    this.qualityRating = limit(qualityRating, 16);
    this.numberStatus = limit(numberStatus, 32);
    this.nameStatus = limit(nameStatus, 40);
    this.messagingLimit = limit(messagingLimit, 40);
    this.throughputLevel = limit(throughputLevel, 32);
  }

  /**
   * An account webhook: only the fields it carried change; the problems become {@code problems}.
   */
  void reported(
      String qualityRating,
      String numberStatus,
      String nameStatus,
      String messagingLimit,
      String problems) {
    if (qualityRating != null) {
      this.qualityRating = limit(qualityRating, 16);
    }
    if (numberStatus != null) {
      this.numberStatus = limit(numberStatus, 32);
    }
    if (nameStatus != null) {
      this.nameStatus = limit(nameStatus, 40);
    }
    if (messagingLimit != null) {
      this.messagingLimit = limit(messagingLimit, 40);
    }
    this.healthProblems = limit(problems, PROBLEMS_MAX);
  }

  /** A health probe's answer, and when to probe next. */
  void observed(String canSendMessage, String problems, Instant now, Instant nextProbe) {
    this.canSendMessage = limit(canSendMessage, 16);
    this.healthProblems = limit(problems, PROBLEMS_MAX);
    this.lastCheckedAt = now;
    this.nextProbeAt = nextProbe;
  }

  /** A disconnected number is not probed any more. */
  void stopProbing() {
    this.nextProbeAt = null;
  }

  public String getQualityRating() {
    return qualityRating;
  }

  public String getNumberStatus() {
    return numberStatus;
  }

  public String getNameStatus() {
    return nameStatus;
  }

  public String getMessagingLimit() {
    return messagingLimit;
  }

  public String getThroughputLevel() {
    return throughputLevel;
  }

  public String getCanSendMessage() {
    return canSendMessage;
  }

  public String getHealthProblems() {
    return healthProblems;
  }

  public Instant getLastCheckedAt() {
    return lastCheckedAt;
  }

  public Instant getNextProbeAt() {
    return nextProbeAt;
  }
}
