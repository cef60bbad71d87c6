package in.picode.kretanote.retention.boundary;

import in.picode.kretanote.outbound.control.RecipientRestrictions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;

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

  @Override
  public Set<String> suppressedAmong(long tenantId, Collection<String> waIds) {
    return requests.suppressedAmong(tenantId, waIds);
  }

  @Override
  public Set<Long> automatedProcessingAllowedAmong(long tenantId, Collection<Long> contactIds) {
    return requests.automatedProcessingAllowedAmong(tenantId, contactIds);
  }
}
