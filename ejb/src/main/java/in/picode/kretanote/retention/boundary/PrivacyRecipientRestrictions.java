package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.outbound.control.RecipientRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The suppression list kept after erasures and the objections to automated processing, as the send
 * guard and campaigns see them.
 */
@ApplicationScoped
public class PrivacyRecipientRestrictions implements RecipientRestrictions {

  @Inject DataSubjectRequests requests;

  @Override
  public boolean suppressed(long tenantId, String waId) {
    return requests.suppressed(tenantId, waId);
  }

  @Override
  public boolean automatedProcessingAllowed(long tenantId, long contactId) {
    return requests.automatedProcessingAllowed(tenantId, contactId);
  }
}
