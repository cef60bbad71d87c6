package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.outbound.control.AutoPause;
import in.picode.kretanote.outbound.control.RecipientRestrictions;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.outbound.entity.CampaignRecipient;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One round of one campaign of the current tenant, in one transaction, run by whichever server
 * holds the campaign's lease: start it when due, pause it when Meta's spam/quality refusals or the
 * number's rating say so, write the next batch of recipients from the segment, and hand queued
 * recipients to {@link Sending} with the idempotency key {@code campaign-<id>-<contact>} and the
 * recipient's own values (resolved from its fields when it is handed over). The key is what makes a
 * crash harmless: a recipient whose message was queued but whose row still says QUEUED (the round
 * died before it committed) gets the same message back, never a second one.
 *
 * <p>Pacing is the outbox sender's; this only keeps at most {@code kretanote.campaign.max-ahead} of
 * the campaign's messages waiting in the outbox, so a pause holds few rows and takes effect
 * quickly.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CampaignRunner {

  private static final System.Logger LOG = System.getLogger(CampaignRunner.class.getName());
  private static final String ALLOW_NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  /** How long the sender holds a paused campaign's row before looking again. */
  static final Duration HOLD = Duration.ofDays(1);

  static final String HELD = "Held while the campaign is paused";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Sending sending;
  @Inject jakarta.enterprise.event.Event<CampaignFinished> finished;
  @Inject CampaignConversations conversations;
  @Inject RecipientRestrictions restrictions;
  @Inject OutboxClaims outboxClaims;
  @Inject CampaignDrafts drafts;

  @Inject
  @ConfigProperty(name = "kretanote.campaign.batch", defaultValue = "200")
  int batch;

  @Inject
  @ConfigProperty(name = "kretanote.campaign.max-ahead", defaultValue = "500")
  int maxAhead;

  @Inject
  @ConfigProperty(name = "kretanote.campaign.spam-threshold", defaultValue = "0.05")
  double spamThreshold;

  @Inject
  @ConfigProperty(name = "kretanote.campaign.spam-minimum", defaultValue = "20")
  int spamMinimum;

  /**
   * One round of the campaign: {@link #prepare} (start, auto-pause, next recipients, completion) in
   * one transaction, then each recipient in a transaction of its own, begun after its conversation
   * exists (a transaction that began earlier would not see a conversation created meanwhile).
   * Returns how many recipients were handed to the outbox or skipped.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int round(long campaignId, Instant now) {
    CampaignRunner self = context.getBusinessObject(CampaignRunner.class);
    List<long[]> next = self.prepare(campaignId, now);
    int done = 0;
    for (long[] r : next) {
      try {
        long conversation = conversations.open(r[2], r[1], now);
        if (self.hand(campaignId, r[0], conversation, Instant.now())) {
          done++;
        }
      } catch (RuntimeException e) {
        // E.g. a second round raced this one on the same idempotency key: the recipient stays
        // QUEUED, and the next round finds the message already queued under its key.
        LOG.log(
            Level.WARNING,
            "Campaign {0}: recipient {1} left for the next round: {2}",
            campaignId,
            r[0],
            e.getClass().getSimpleName());
      }
    }
    return done;
  }

  /**
   * Starts a due campaign, pauses it when it must, writes the next recipients and finishes a
   * campaign with nothing left; returns the next recipients to hand over as {@code [recipient id,
   * contact id, connection id]}, at most as many as the outbox may still take.
   */
  public List<long[]> prepare(long campaignId, Instant now) {
    Campaign c = em.find(Campaign.class, campaignId);
    if (c == null) {
      return List.of();
    }
    if (c.getState() == Campaign.State.SCHEDULED
        && c.getScheduledAt() != null
        && !c.getScheduledAt().isAfter(now)) {
      c.running(now);
    }
    if (c.getState() != Campaign.State.RUNNING) {
      return List.of();
    }
    long tenant = Tenancy.require();
    Wording pause = autoPause(c, tenant);
    if (pause != null) {
      c.pause(pause, now);
      hold(em, tenant, c.getId(), now);
      LOG.log(Level.INFO, "Campaign {0} of tenant {1} paused itself", c.getId(), tenant);
      return List.of();
    }
    if (!c.isMaterialised()) {
      materialise(c, tenant, now);
    }
    // Keep a few seconds of the number's rate waiting, so the sender never runs dry on a fast
    // number (1,000/s) while a pause still holds few rows on a standard one.
    int rate = outboxClaims.perSecond(new OutboxClaims.NumberKey(tenant, c.getConnectionId()));
    int perRound = Math.max(batch, rate * 3);
    int ahead = Math.max(maxAhead, rate * 5);
    long waiting =
        count(
            "select count(*) from outbox where tenant_id = ? and campaign_id = ?"
                + " and state in ('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')",
            tenant,
            c.getId());
    List<CampaignRecipient> next =
        em.createNamedQuery(CampaignRecipient.NEXT_QUEUED, CampaignRecipient.class)
            .setParameter("campaign", c.getId())
            .setParameter("state", CampaignRecipient.State.QUEUED)
            .setMaxResults(Math.max(1, perRound))
            .getResultList();
    if (c.isMaterialised() && next.isEmpty() && waiting == 0) {
      c.completed(now);
      finished.fire(new CampaignFinished(tenant, c.getId(), c.getName(), c.getState().name(), now));
      return List.of();
    }
    int room = (int) Math.max(0, Math.min(perRound, ahead - waiting));
    return next.stream()
        .limit(room)
        .map(r -> new long[] {r.getId(), r.getContactId(), c.getConnectionId()})
        .toList();
  }

  /** Hands one QUEUED recipient to the outbox, or skips it with the reason. */
  public boolean hand(long campaignId, long recipientId, long conversation, Instant now) {
    Campaign c = em.find(Campaign.class, campaignId);
    CampaignRecipient r = em.find(CampaignRecipient.class, recipientId);
    if (c == null
        || r == null
        || c.getState() != Campaign.State.RUNNING
        || r.getState() != CampaignRecipient.State.QUEUED) {
      return false;
    }
    long tenant = Tenancy.require();
    Contact contact = em.find(Contact.class, r.getContactId());
    if (contact == null || (contact.getWaId() == null && contact.getUserId() == null)) {
      r.skipped("The contact has no WhatsApp number.", now);
      return true;
    }
    if (!restrictions.automatedProcessingAllowed(tenant, contact.getId())) {
      r.skipped(RefusalCode.AUTOMATION_OPT_OUT.refuse().reason(), now);
      return true;
    }
    SendResult result =
        sending.sendCampaignTemplate(
            conversation,
            "campaign-" + c.getId() + "-" + contact.getId(),
            c.getTemplateName(),
            c.getTemplateLanguage(),
            c.getValueMap() == null
                ? values(c)
                : drafts.values(ValueMapping.fromJson(c.getValueMap()), drafts.recipient(contact)),
            c.getId());
    if (result.isQueued()) {
      r.enqueued(result.messageId(), now);
    } else if (WHOLE_CAMPAIGN.contains(result.refusal().code())) {
      // The account, the number or the template cannot send now: that is true for every
      // recipient, so the campaign waits (paused with the reason) instead of skipping them all.
      c.pause(CampaignWords.pausedAutomatically(result), now);
      hold(em, tenant, c.getId(), now);
      return false;
    } else {
      r.skipped(result.refusal().reason(), now);
    }
    return true;
  }

  /** Refusals that hold for the whole campaign, not for one recipient. */
  static final java.util.Set<RefusalCode> WHOLE_CAMPAIGN =
      java.util.EnumSet.of(
          RefusalCode.TENANT_NOT_IN_GOOD_STANDING,
          RefusalCode.CONNECTION_NOT_CONNECTED,
          RefusalCode.CONNECTION_BLOCKED,
          RefusalCode.TEMPLATE_UNKNOWN,
          RefusalCode.TEMPLATE_NOT_APPROVED,
          RefusalCode.MESSAGING_LIMIT_REACHED);

  private void materialise(Campaign c, long tenant, Instant now) {
    CampaignSegment segment = Campaigns.segmentOf(c);
    Query q = nativeQuery(segment.nextIds());
    List<Object> p = segment.parameters(tenant, c.getMaterialisedTo(), now);
    p.add(batch);
    for (int i = 0; i < p.size(); i++) {
      q.setParameter(i + 1, p.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object> ids = q.getResultList();
    int added = 0;
    long last = c.getMaterialisedTo();
    for (Object o : ids) {
      long contact = ((Number) o).longValue();
      added +=
          nativeQuery(
                  "insert ignore into campaign_recipient"
                      + " (tenant_id, campaign_id, contact_id, state, created_at, updated_at)"
                      + " values (?, ?, ?, 'QUEUED', ?, ?)")
              .setParameter(1, tenant)
              .setParameter(2, c.getId())
              .setParameter(3, contact)
              .setParameter(4, Timestamp.from(now))
              .setParameter(5, Timestamp.from(now))
              .executeUpdate();
      last = Math.max(last, contact);
    }
    c.materialisedTo(last, added, ids.size() < batch, now);
  }

  /** The automatic pause's reason, or null while the campaign may go on. */
  private Wording autoPause(Campaign c, long tenant) {
    WhatsAppConnection connection = em.find(WhatsAppConnection.class, c.getConnectionId());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        nativeQuery(
                "select count(*), coalesce(sum(case when m.error_code in (?, ?) then 1 else 0 end), 0)"
                    + " from campaign_recipient r join message m"
                    + " on m.tenant_id = r.tenant_id and m.id = r.message_id"
                    + " where r.tenant_id = ? and r.campaign_id = ? and m.status <> 'PENDING'"
                    + " and m.created_at >= ?")
            .setParameter(1, AutoPause.SPAM)
            .setParameter(2, AutoPause.QUALITY)
            .setParameter(3, tenant)
            .setParameter(4, c.getId())
            .setParameter(
                5, Timestamp.from(c.getResumedAt() == null ? Instant.EPOCH : c.getResumedAt()))
            .getResultList();
    Object[] row = rows.get(0);
    return AutoPause.reason(
            ((Number) row[0]).longValue(),
            ((Number) row[1]).longValue(),
            connection == null ? null : connection.getQualityRating(),
            spamThreshold,
            spamMinimum)
        .orElse(null);
  }

  /**
   * Marks the campaign's messages still waiting in the outbox as held (due far ahead, lease
   * cleared), so no sender takes them while the campaign is paused; a row a sender had just claimed
   * loses its lease and is not sent.
   */
  static void hold(EntityManager em, long tenant, long campaignId, Instant now) {
    em.createNativeQuery(
            "update outbox set state = 'RETRY', next_attempt_at = ?, lease_owner = null,"
                + " lease_until = null, outcome = ?, updated_at = ?"
                + " where tenant_id = ? and campaign_id = ? and state in ('QUEUED', 'RETRY')")
        .setParameter(1, Timestamp.from(now.plus(HOLD)))
        .setParameter(2, HELD)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, tenant)
        .setParameter(5, campaignId)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  /** Releases what {@link #hold} held: the rows are due at once. */
  static void release(EntityManager em, long tenant, long campaignId, Instant now) {
    em.createNativeQuery(
            "update outbox set next_attempt_at = ?, outcome = null, updated_at = ?"
                + " where tenant_id = ? and campaign_id = ? and state = 'RETRY' and outcome = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(now))
        .setParameter(3, tenant)
        .setParameter(4, campaignId)
        .setParameter(5, HELD)
        .setHint(ALLOW_NATIVE, "true")
        .executeUpdate();
  }

  static List<String> values(Campaign c) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(c.getBodyValues()))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  private Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setHint(ALLOW_NATIVE, "true");
  }

  private long count(String sql, Object... params) {
    Query q = nativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return ((Number) q.getSingleResult()).longValue();
  }
}
