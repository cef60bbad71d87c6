package in.picode.kretanote.messaging.control;

import in.picode.kretanote.messaging.boundary.DeliveryWords;
import in.picode.kretanote.platform.boundary.Wording;

/**
 * Plain words for why Meta did not deliver a message, from its error code (Meta's titles are
 * written for developers). Unknown codes fall back to Meta's title with the code, so nothing is
 * hidden.
 */
public final class DeliveryFailures {

  private DeliveryFailures() {}

  public static String explain(Integer code, String title) {
    return wording(code, title).english();
  }

  /** The explanation as a code, for the reader's language. */
  public static Wording wording(Integer code, String title) {
    boolean noTitle = title == null || title.isBlank();
    if (code == null) {
      return noTitle
          ? DeliveryWords.NO_REASON.with()
          : DeliveryWords.META_TITLE_ONLY.with(0, title);
    }
    DeliveryWords words =
        switch (code) {
          case 131047, 470 -> DeliveryWords.WINDOW;
          case 131026 -> DeliveryWords.UNDELIVERABLE;
          case 131049 -> DeliveryWords.MARKETING_HELD;
          case 131050 -> DeliveryWords.MARKETING_STOPPED;
          case 131051 -> DeliveryWords.UNSUPPORTED;
          case 131052, 131053 -> DeliveryWords.MEDIA;
          case 131021 -> DeliveryWords.OWN_NUMBER;
          case 131031 -> DeliveryWords.ACCOUNT_LOCKED;
          case 131042 -> DeliveryWords.PAYMENT;
          case 131045 -> DeliveryWords.NOT_REGISTERED;
          case 131048, 131056, 130429, 80007 -> DeliveryWords.TOO_FAST;
          case 131000 -> DeliveryWords.META_ERROR;
          case 132000, 132001, 132005, 132007, 132012, 132015, 132016 -> DeliveryWords.TEMPLATE;
          case 130472 -> DeliveryWords.EXPERIMENT;
          case 368 -> DeliveryWords.POLICY;
          default -> noTitle ? DeliveryWords.UNKNOWN : DeliveryWords.UNKNOWN_WITH_TITLE;
        };
    return words.with(code, noTitle ? "" : title);
  }
}
