package in.picode.kretanote.outbound.control;

import java.util.Collection;
import java.util.Set;

/**
 * What privacy rules say about a recipient, asked by the send guard and by campaigns. Retention
 * implements it (erased contacts who had said STOP stay suppressed; objections to automated
 * processing; see {@code retention.boundary.PrivacyRecipientRestrictions}), so outbound needs no
 * dependency on retention.
 */
public interface RecipientRestrictions {

  /** A contact with this WhatsApp id was erased after saying STOP: treat as opted out. */
  boolean suppressed(long tenantId, String waId);

  /**
   * Whether automated sends (campaigns, automations, bots) may reach this contact: false once the
   * contact objected to automated processing.
   */
  boolean automatedProcessingAllowed(long tenantId, long contactId);

  /** {@link #suppressed(long, String)} for a block of recipients: the ones suppressed. */
  Set<String> suppressedAmong(long tenantId, Collection<String> waIds);

  /** {@link #automatedProcessingAllowed(long, long)} for a block: the contacts that are allowed. */
  Set<Long> automatedProcessingAllowedAmong(long tenantId, Collection<Long> contactIds);
}
