package in.picode.kretanote.platform.control;

/**
 * Whether a business has set its business hours, for the first-hour checklist on Home. The feature
 * that keeps business hours implements it as a CDI bean; until one exists the checklist treats the
 * step as not done. It lives in {@code platform} so that the owner of business hours need not
 * import the onboarding feature (which imports the features it reports on).
 */
public interface BusinessHoursStatus {

  /** True once the tenant has saved business hours; called inside the tenant's context. */
  boolean hoursSet(long tenantId);
}
