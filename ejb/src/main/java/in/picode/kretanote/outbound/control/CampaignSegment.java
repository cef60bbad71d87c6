package in.picode.kretanote.outbound.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a campaign goes to: the contacts with a tag, the contacts who granted marketing consent, or
 * both at once (a contact must match every criterion given). Builds the native SQL the campaign
 * engine runs; every statement is bound to one tenant and walks contacts by id (keyset), so a big
 * segment is written in bounded batches.
 */
public record CampaignSegment(String tag, boolean marketingConsent) {

  public CampaignSegment {
    if (tag != null && tag.isBlank()) {
      tag = null;
    }
    if (tag == null && !marketingConsent) {
      throw new IllegalArgumentException(
          "The segment is empty: pick a tag, marketing consent, or both");
    }
  }

  /** The next contact ids after a cursor: parameters are {@link #parameters}. */
  public String nextIds() {
    return "SELECT k.id FROM contact k WHERE " + where() + " ORDER BY k.id LIMIT ?";
  }

  /** How many contacts the segment holds: parameters are {@link #parameters} without the last. */
  public String count() {
    return "SELECT COUNT(*) FROM contact k WHERE " + where();
  }

  /** Tenant, cursor (contact id after which to look), then the tag when there is one. */
  public List<Object> parameters(long tenantId, long after) {
    List<Object> p = new ArrayList<>();
    p.add(tenantId);
    p.add(after);
    if (tag != null) {
      p.add(tag);
    }
    return p;
  }

  private String where() {
    StringBuilder w = new StringBuilder("k.tenant_id = ? AND k.id > ?");
    if (tag != null) {
      w.append(
          " AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.tenant_id = k.tenant_id"
              + " AND t.contact_id = k.id AND t.tag = ?)");
    }
    if (marketingConsent) {
      w.append(
          " AND EXISTS (SELECT 1 FROM contact_consent c WHERE c.tenant_id = k.tenant_id"
              + " AND c.contact_id = k.id AND c.category = 'MARKETING' AND c.granted = TRUE)");
    }
    return w.toString();
  }

  /** In words, for the campaign list. */
  public String describe() {
    if (tag != null && marketingConsent) {
      return "tag \u201c" + tag + "\u201d with marketing consent";
    }
    return tag != null ? "tag \u201c" + tag + "\u201d" : "all contacts with marketing consent";
  }
}
