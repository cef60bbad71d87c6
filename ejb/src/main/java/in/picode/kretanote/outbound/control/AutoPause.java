package in.picode.kretanote.outbound.control;

import in.picode.kretanote.outbound.boundary.CampaignWords;
import in.picode.kretanote.platform.boundary.Wording;
import java.util.Locale;
import java.util.Optional;

/**
 * When a running campaign stops itself: Meta's spam and quality refusals (131048, 131049) reach a
 * share of the campaign's attempted sends (after a minimum, so two early failures do not stop a
 * campaign of thousands), or the number's quality rating is RED. Sending on would risk the number
 * being limited or blocked; a person should look at the template and the audience first.
 */
public final class AutoPause {

  public static final int SPAM = 131048;
  public static final int QUALITY = 131049;

  private AutoPause() {}

  /**
   * @param attempted sends of the campaign that Meta answered (accepted or failed)
   * @param spamFailures of these, failures with 131048 or 131049
   * @param qualityRating the number's rating (GREEN, YELLOW, RED, UNKNOWN or null)
   * @param threshold share of failures that pauses, 0 < threshold <= 1
   * @param minimum attempted sends before the share counts
   */
  public static Optional<Wording> reason(
      long attempted, long spamFailures, String qualityRating, double threshold, int minimum) {
    if (qualityRating != null && "RED".equals(qualityRating.strip().toUpperCase(Locale.ROOT))) {
      return Optional.of(CampaignWords.PAUSED_QUALITY_RED.with());
    }
    if (attempted <= 0 || attempted < minimum || spamFailures <= 0) {
      return Optional.empty();
    }
    double share = (double) spamFailures / attempted;
    if (share + 1e-9 < threshold) {
      return Optional.empty();
    }
    return Optional.of(
        CampaignWords.PAUSED_SPAM.with(spamFailures, attempted, share * 100, threshold * 100));
  }
}
