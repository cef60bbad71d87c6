package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.outbound.control.RecipientRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The suppression list kept after erasures, as the send guard sees it. */
@ApplicationScoped
public class PrivacyRecipientRestrictions implements RecipientRestrictions {

  @Inject DataSubjectRequests requests;

  @Override
  public boolean suppressed(long tenantId, String waId) {
    return requests.suppressed(tenantId, waId);
  }
}
