package in.picode.kretanote.outbound.control;

import in.picode.kretanote.platform.boundary.Wording;

/**
 * Whether a tenant's subscription lets it send. Billing owns the answer: the billing module
 * provides the real implementation (a CDI bean that replaces {@link AllowAllTenantStanding}); the
 * send guard only asks.
 */
public interface TenantStanding {

  Standing of(long tenantId);

  /**
   * {@code maySend} false comes with the plain-words reason the agent reads, as a wording the page
   * words in the agent's language.
   */
  record Standing(boolean maySend, Wording reason) {

    public static Standing good() {
      return new Standing(true, null);
    }

    public static Standing suspended(Wording reason) {
      return new Standing(false, reason);
    }
  }
}
