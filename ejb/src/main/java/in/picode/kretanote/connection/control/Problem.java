package in.picode.kretanote.connection.control;

import in.picode.kretanote.connection.boundary.HealthWords;
import in.picode.kretanote.platform.boundary.Wording;

/**
 * Something that stops a connected number from sending, or will soon, with the words the "Why can't
 * I send?" panel and the notifications use ({@link HealthWords}: a title, why and what to do). Each
 * belongs to one aspect of the health probe, so that when Meta cannot be asked about an aspect, the
 * problems last seen for it are kept rather than dropped or invented.
 */
public enum Problem {
  TOKEN_INVALID(Aspect.TOKEN, true),
  PERMISSIONS_MISSING(Aspect.TOKEN, true),
  TOKEN_EXPIRING(Aspect.TOKEN, false),
  APP_UNSUBSCRIBED(Aspect.SUBSCRIPTION, true),
  NUMBER_DISCONNECTED(Aspect.NUMBER, true),
  NUMBER_FLAGGED(Aspect.NUMBER, false),
  NUMBER_RESTRICTED(Aspect.NUMBER, true),
  NUMBER_BANNED(Aspect.NUMBER, true),
  QUALITY_YELLOW(Aspect.NUMBER, false),
  QUALITY_RED(Aspect.NUMBER, false),
  NAME_NOT_APPROVED(Aspect.NUMBER, false),
  SENDING_LIMITED(Aspect.HEALTH, false),
  SENDING_BLOCKED(Aspect.HEALTH, true),
  ACCOUNT_BANNED(Aspect.ACCOUNT, true),
  ACCOUNT_BAN_SCHEDULED(Aspect.ACCOUNT, false),
  ACCOUNT_RESTRICTED(Aspect.ACCOUNT, true),
  NO_RECENT_WEBHOOKS(Aspect.WEBHOOKS, false);

  /** The part of a probe a problem comes from. */
  public enum Aspect {
    TOKEN,
    SUBSCRIPTION,
    NUMBER,
    HEALTH,
    WEBHOOKS,
    /** Told only by Meta's {@code account_update} webhook; a probe keeps whatever it said. */
    ACCOUNT
  }

  private final Aspect aspect;
  private final boolean blocking;

  Problem(Aspect aspect, boolean blocking) {
    this.aspect = aspect;
    this.blocking = blocking;
  }

  public Aspect aspect() {
    return aspect;
  }

  /** True when nothing can be sent while it lasts; false for warnings. */
  public boolean blocking() {
    return blocking;
  }

  /** What is wrong, as the panel words it ({@code HealthWords.<PROBLEM>_TITLE}). */
  public Wording titleWording() {
    return words("_TITLE").with();
  }

  /** Why it matters ({@code HealthWords.<PROBLEM>_WHY}). */
  public Wording explanationWording() {
    return words("_WHY").with();
  }

  /** What to do ({@code HealthWords.<PROBLEM>_FIX}). */
  public Wording fixWording() {
    return words("_FIX").with();
  }

  private HealthWords words(String part) {
    return HealthWords.valueOf(name() + part);
  }

  /** The title in English, for the notifications and the stored reason of a reconnect. */
  public String title() {
    return titleWording().english();
  }

  public String explanation() {
    return explanationWording().english();
  }

  public String fix() {
    return fixWording().english();
  }

  public boolean needsReconnect() {
    return this == TOKEN_INVALID || this == PERMISSIONS_MISSING;
  }
}
