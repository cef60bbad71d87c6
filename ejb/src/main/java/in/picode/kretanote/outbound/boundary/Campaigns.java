package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.boundary.Tag;
import in.picode.kretanote.messaging.boundary.Deliveries;
import in.picode.kretanote.outbound.control.SendChecks;
import in.picode.kretanote.outbound.control.TemplateParameters;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.boundary.Wording;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's campaigns: create one (the template must be APPROVED and the values must fit
 * it; the segment must name who it goes to and match somebody), schedule or start it, pause,
 * resume, cancel, and read its progress and per-recipient outcomes. Sending is the {@link
 * CampaignTimer}'s job. Another tenant's campaign is "no such campaign", never a different answer.
 */
@Stateless
@TenantScoped
public class Campaigns {

  public static final int MAX_VALUES = 20;
  public static final int VALUE_MAX = 1024;

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject Deliveries deliveries;
  @Inject CampaignDrafts drafts;
  @Inject jakarta.enterprise.event.Event<CampaignFinished> finished;

  private final Clock clock = Clock.systemUTC();

  /**
   * What a new campaign is. With a {@code mapping} each body placeholder gets its value per
   * recipient (and {@code bodyValues} is ignored); with a {@code segment} the tag and consent
   * arguments are ignored.
   */
  public record Draft(
      String name,
      long connectionId,
      String templateName,
      String templateLanguage,
      List<String> bodyValues,
      String tag,
      boolean marketingConsent,
      List<ValueMapping> mapping,
      CampaignSegment segment) {

    /** The same values for everyone, to a tag and/or marketing consent. */
    public Draft(
        String name,
        long connectionId,
        String templateName,
        String templateLanguage,
        List<String> bodyValues,
        String tag,
        boolean marketingConsent) {
      this(
          name,
          connectionId,
          templateName,
          templateLanguage,
          bodyValues,
          tag,
          marketingConsent,
          null,
          null);
    }
  }

  /** Counts per recipient state; {@code total} is every recipient written so far. */
  public record Progress(Map<CampaignRecipientView.State, Long> counts, long total) {
    public long of(CampaignRecipientView.State s) {
      return counts.getOrDefault(s, 0L);
    }

    public long getQueued() {
      return of(CampaignRecipientView.State.QUEUED);
    }

    public long getSent() {
      return of(CampaignRecipientView.State.SENT);
    }

    public long getDelivered() {
      return of(CampaignRecipientView.State.DELIVERED);
    }

    public long getRead() {
      return of(CampaignRecipientView.State.READ);
    }

    public long getFailed() {
      return of(CampaignRecipientView.State.FAILED);
    }

    public long getSkipped() {
      return of(CampaignRecipientView.State.SKIPPED);
    }

    public long getTotal() {
      return total;
    }
  }

  /** Creates a DRAFT campaign, or refuses with every problem of the draft at once. */
  public Campaign create(Draft d, Long userId) {
    if (d == null) {
      throw new OutboundRefusedException(OutboundWords.NO_CAMPAIGN_GIVEN.with());
    }
    List<Wording> problems = new ArrayList<>();
    if (d.name() == null || d.name().isBlank() || d.name().strip().length() > Campaign.NAME_MAX) {
      problems.add(OutboundWords.CAMPAIGN_NAME.with(Campaign.NAME_MAX));
    }
    MessageTemplate template = template(d, problems);
    List<String> values = d.bodyValues() == null ? List.of() : d.bodyValues();
    if (template != null && d.mapping() != null) {
      problems.addAll(drafts.mappingProblems(CampaignDrafts.placeholders(template), d.mapping()));
    } else if (template != null) {
      if (values.size() > MAX_VALUES
          || values.stream().anyMatch(v -> v == null || v.length() > VALUE_MAX)) {
        problems.add(OutboundWords.VALUES_LIMIT.with(MAX_VALUES, VALUE_MAX));
      } else {
        List<String> misfits =
            TemplateParameters.problems(
                SendChecks.components(template.getComponents()), List.of(), values, Map.of());
        if (!misfits.isEmpty()) {
          problems.add(OutboundWords.VALUES_DO_NOT_FIT.with(String.join("; ", misfits)));
        }
      }
    }
    String tag = null;
    CampaignSegment segment = d.segment();
    if (segment == null) {
      try {
        tag = d.tag() == null || d.tag().isBlank() ? null : new Tag(d.tag()).value();
        segment = new CampaignSegment(tag, d.marketingConsent());
      } catch (IllegalArgumentException e) {
        problems.add(Wording.of(e));
      }
    }
    if (segment != null) {
      CampaignDrafts.Checked checked = drafts.check(segment);
      problems.addAll(checked.wordings());
      segment = checked.segment();
      if (checked.ok() && drafts.count(segment) == 0) {
        problems.add(OutboundWords.NO_CONTACT_IN_SEGMENT.with(SegmentWords.of(segment)));
      }
    }
    if (!problems.isEmpty()) {
      throw new CampaignProblemsException(problems);
    }
    JsonArrayBuilder json = Jsons.createArrayBuilder();
    if (d.mapping() == null) {
      values.forEach(json::add);
    }
    boolean legacy = d.segment() == null && d.mapping() == null;
    Campaign c =
        new Campaign(
            d.connectionId(),
            d.name(),
            template.getName(),
            template.getLanguage(),
            json.build().toString(),
            legacy ? null : segment.toJson(),
            d.mapping() == null ? null : ValueMapping.toJson(d.mapping()),
            legacy ? tag : null,
            legacy && d.marketingConsent(),
            userId,
            Instant.now(clock));
    em.persist(c);
    em.flush();
    return c;
  }

  /** The draft's approved template, or null with the problem added. */
  private MessageTemplate template(Draft d, List<Wording> problems) {
    WhatsAppConnection connection = em.find(WhatsAppConnection.class, d.connectionId());
    if (connection == null) {
      problems.add(OutboundWords.NO_SUCH_NUMBER.with());
      return null;
    }
    if (d.templateName() == null || d.templateLanguage() == null) {
      problems.add(OutboundWords.PICK_TEMPLATE.with());
      return null;
    }
    MessageTemplate template =
        em.createNamedQuery(MessageTemplate.BY_NAME, MessageTemplate.class)
            .setParameter("connection", d.connectionId())
            .setParameter("name", d.templateName())
            .setParameter("language", d.templateLanguage())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (template == null) {
      problems.add(OutboundWords.NO_SUCH_TEMPLATE.with(d.templateName(), d.templateLanguage()));
    } else if (!"APPROVED".equals(template.getStatus())) {
      problems.add(
          OutboundWords.TEMPLATE_NOT_APPROVED.with(template.getName(), template.getStatus()));
      return null;
    }
    return template;
  }

  /** The campaign's segment: its JSON, or the tag and consent of a campaign from before. */
  public static CampaignSegment segmentOf(Campaign c) {
    return c.getSegment() != null
        ? CampaignSegment.fromJson(c.getSegment())
        : new CampaignSegment(c.getSegmentTag(), c.isSegmentMarketing());
  }

  public List<Campaign> all() {
    return em.createNamedQuery(Campaign.ALL, Campaign.class).setMaxResults(200).getResultList();
  }

  public Optional<Campaign> find(long id) {
    return Optional.ofNullable(em.find(Campaign.class, id));
  }

  public Campaign get(long id) {
    return find(id)
        .orElseThrow(() -> new OutboundRefusedException(OutboundWords.NO_SUCH_CAMPAIGN.with()));
  }

  /** Starts now ({@code at} null or past) or at {@code at}; only a draft can be started. */
  public Campaign start(long id, Instant at) {
    Campaign c = get(id);
    Instant now = Instant.now(clock);
    if (!c.schedule(at == null || at.isBefore(now) ? now : at, now)) {
      throw new OutboundRefusedException(OutboundWords.START_ONLY_DRAFT.with(c.getState()));
    }
    return c;
  }

  /** Pauses a running or scheduled campaign with a person's reason (a default when none typed). */
  public Campaign pause(long id, String reason) {
    return pauseWith(
        id,
        reason == null || reason.isBlank()
            ? CampaignWords.PAUSED_BY_PERSON.with()
            : Wording.unworded(reason));
  }

  /** Pauses with a reason the pages word in the reader's language. */
  public Campaign pauseWith(long id, Wording reason) {
    Campaign c = get(id);
    Instant now = Instant.now(clock);
    if (!c.pause(reason, now)) {
      throw new OutboundRefusedException(OutboundWords.PAUSE_ONLY_RUNNING.with(c.getState()));
    }
    CampaignRunner.hold(em, Tenancy.require(), c.getId(), now);
    return c;
  }

  public Campaign resume(long id) {
    Campaign c = get(id);
    Instant now = Instant.now(clock);
    if (!c.resume(now)) {
      throw new OutboundRefusedException(OutboundWords.RESUME_ONLY_PAUSED.with(c.getState()));
    }
    CampaignRunner.release(em, Tenancy.require(), c.getId(), now);
    return c;
  }

  /**
   * Cancels the campaign: recipients not yet handed to the outbox are skipped, and its messages
   * still waiting in the outbox are refused (the sender never takes them).
   */
  public Campaign cancel(long id) {
    Campaign c = get(id);
    Instant now = Instant.now(clock);
    if (!c.cancel(now)) {
      throw new OutboundRefusedException(
          OutboundWords.ALREADY.with(c.getState().name().toLowerCase()));
    }
    String why = "The campaign was cancelled before this message was sent.";
    em.createQuery(
            "update CampaignRecipient r set r.state = :skipped, r.reason = :why, r.updatedAt = :now"
                + " where r.campaignId = :c and r.state = :queued")
        .setParameter(
            "skipped", in.picode.kretanote.outbound.entity.CampaignRecipient.State.SKIPPED)
        .setParameter("queued", in.picode.kretanote.outbound.entity.CampaignRecipient.State.QUEUED)
        .setParameter("why", why)
        .setParameter("now", now)
        .setParameter("c", c.getId())
        .executeUpdate();
    List<OutboxEntry> waiting =
        em.createQuery(
                "select o from OutboxEntry o where o.campaignId = :c and o.state in :states",
                OutboxEntry.class)
            .setParameter("c", c.getId())
            .setParameter("states", List.of(OutboxEntry.State.QUEUED, OutboxEntry.State.RETRY))
            .getResultList();
    for (OutboxEntry o : waiting) {
      o.refused("CAMPAIGN_CANCELLED", why, now);
      deliveries.failed(o.getMessageId(), null, "CAMPAIGN_CANCELLED", why, now);
    }
    finished.fire(
        new CampaignFinished(Tenancy.require(), c.getId(), c.getName(), c.getState().name(), now));
    return c;
  }

  public Progress progress(long id) {
    Campaign c = get(id);
    Map<CampaignRecipientView.State, Long> counts =
        new EnumMap<>(CampaignRecipientView.State.class);
    long total = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        nativeQuery(
                "select "
                    + CampaignRecipientView.STATE_SQL
                    + ", count(*)"
                    + " from campaign_recipient r left join message m"
                    + " on m.tenant_id = r.tenant_id and m.id = r.message_id"
                    + " left join outbox o on o.tenant_id = r.tenant_id and o.message_id = r.message_id"
                    + " where r.tenant_id = ? and r.campaign_id = ?"
                    + " group by 1")
            .setParameter(1, Tenancy.require())
            .setParameter(2, c.getId())
            .getResultList();
    for (Object[] row : rows) {
      long n = ((Number) row[1]).longValue();
      counts.merge(CampaignRecipientView.State.valueOf((String) row[0]), n, Long::sum);
      total += n;
    }
    return new Progress(counts, total);
  }

  /** One page of recipients with their outcome, by id after {@code afterId}. */
  public List<CampaignRecipientView> recipients(long id, long afterId, int max) {
    Campaign c = get(id);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        nativeQuery(
                "select r.id, r.contact_id, coalesce(k.display_name, k.profile_name),"
                    + " coalesce(k.wa_id, k.user_id), "
                    + CampaignRecipientView.STATE_SQL
                    + ", coalesce(m.error_code, r.error_code),"
                    + " coalesce(m.error_details, r.reason), m.id, r.updated_at"
                    + " from campaign_recipient r"
                    + " join contact k on k.tenant_id = r.tenant_id and k.id = r.contact_id"
                    + " left join message m on m.tenant_id = r.tenant_id and m.id = r.message_id"
                    + " left join outbox o on o.tenant_id = r.tenant_id and o.message_id = r.message_id"
                    + " where r.tenant_id = ? and r.campaign_id = ? and r.id > ?"
                    + " order by r.id limit ?")
            .setParameter(1, Tenancy.require())
            .setParameter(2, c.getId())
            .setParameter(3, afterId)
            .setParameter(4, Math.max(1, Math.min(max, 500)))
            .getResultList();
    List<CampaignRecipientView> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new CampaignRecipientView(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              CampaignRecipientView.State.valueOf((String) r[4]),
              r[5] == null ? null : ((Number) r[5]).intValue(),
              (String) r[6],
              r[7] == null ? null : ((Number) r[7]).longValue()));
    }
    return out;
  }

  private jakarta.persistence.Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", "true");
  }
}
