package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.messaging.boundary.Deliveries;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.outbound.control.RecipientRestrictions;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.outbound.entity.Campaign;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.boundary.Jsons;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sender's last look at claimed rows of one tenant right before their slots, a block in one
 * transaction: the guard ({@link SendGuard}, the same rules as for a person's send), a campaign's
 * state, one customer's messages in order, the token. What is the same for every row (the tenant's
 * standing, the number, its token) is read once per block; the rows, their conversations, contacts,
 * consents and the earlier messages to their customers with one {@code IN} query each.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxGuards {

  /** How long a message waits behind an earlier one to the same customer that is in flight. */
  static final Duration AHEAD_WAIT = Duration.ofMillis(500);

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject SendGuard guard;
  @Inject ConnectionStore connections;
  @Inject RecipientRestrictions restrictions;
  @Inject Deliveries deliveries;

  /** The guard once more for one row; a refusal now fails the message with its reason. */
  public Optional<OutboxAttempts.Prepared> prepare(long outboxId, Instant now) {
    return prepareAll(List.of(outboxId), now).get(0);
  }

  /** {@link #prepare} for a block of rows in one transaction; one entry per row, in order. */
  public List<Optional<OutboxAttempts.Prepared>> prepareAll(List<Long> outboxIds, Instant now) {
    Map<Long, OutboxEntry> rows = new HashMap<>();
    em.createQuery("select o from OutboxEntry o where o.id in :ids", OutboxEntry.class)
        .setParameter("ids", outboxIds)
        .getResultList()
        .forEach(o -> rows.put(o.getId(), o));
    List<OutboxEntry> due = new ArrayList<>();
    for (long id : outboxIds) {
      OutboxEntry e = rows.get(id);
      if (e != null
          && (e.getState() == OutboxEntry.State.QUEUED || e.getState() == OutboxEntry.State.RETRY)
          && !e.getNextAttemptAt().isAfter(now)) {
        due.add(e);
      }
    }
    Map<String, List<Object[]>> earlier = earlierMessages(due, now);
    Map<Long, Conversation> conversations = new HashMap<>();
    Set<Long> conversationIds = new HashSet<>();
    due.forEach(e -> conversationIds.add(e.getConversationId()));
    if (!conversationIds.isEmpty()) {
      em.createQuery("select c from Conversation c where c.id in :ids", Conversation.class)
          .setParameter("ids", conversationIds)
          .getResultList()
          .forEach(c -> conversations.put(c.getId(), c));
    }
    SendGuard.Facts facts = guard.facts(conversations.values(), now);
    Set<Long> automatic = automatic(due);
    Set<Long> automationAllowed =
        restrictions.automatedProcessingAllowedAmong(
            Tenancy.require(),
            due.stream()
                .filter(e -> e.getCampaignId() != null || automatic.contains(e.getMessageId()))
                .map(OutboxEntry::getContactId)
                .distinct()
                .toList());
    Map<Long, Optional<AccessToken>> tokens = new HashMap<>();
    List<Optional<OutboxAttempts.Prepared>> out = new ArrayList<>(outboxIds.size());
    for (long id : outboxIds) {
      OutboxEntry e = rows.get(id);
      out.add(
          e == null || !due.contains(e)
              ? Optional.empty()
              : prepare(
                  e, earlier, conversations, facts, automatic, automationAllowed, tokens, now));
    }
    return out;
  }

  /**
   * Earlier messages to the block's customers that must go first, by number and recipient: those
   * waiting for a retry, in flight, or due now (on another server, or in the other lane of this
   * one). Each entry: id, state, next attempt.
   */
  private Map<String, List<Object[]>> earlierMessages(List<OutboxEntry> due, Instant now) {
    Map<String, List<Object[]>> out = new HashMap<>();
    if (due.isEmpty()) {
      return out;
    }
    Set<Long> numbers = new HashSet<>();
    Set<String> recipients = new HashSet<>();
    long last = 0;
    for (OutboxEntry e : due) {
      numbers.add(e.getConnectionId());
      recipients.add(e.getRecipient());
      last = Math.max(last, e.getId());
    }
    em.createQuery(
            "select o.connectionId, o.recipient, o.id, o.state, o.nextAttemptAt"
                + " from OutboxEntry o where o.connectionId in :c and o.recipient in :r"
                + " and o.id < :last and (o.state = :retry or o.state = :sending"
                + " or (o.state = :queued and o.nextAttemptAt <= :now))",
            Object[].class)
        .setParameter("c", numbers)
        .setParameter("r", recipients)
        .setParameter("last", last)
        .setParameter("retry", OutboxEntry.State.RETRY)
        .setParameter("sending", OutboxEntry.State.SENDING)
        .setParameter("queued", OutboxEntry.State.QUEUED)
        .setParameter("now", now)
        .getResultList()
        .forEach(
            r ->
                out.computeIfAbsent(r[0] + "|" + r[1], k -> new ArrayList<>())
                    .add(new Object[] {r[2], r[3], r[4]}));
    return out;
  }

  private Optional<OutboxAttempts.Prepared> prepare(
      OutboxEntry entry,
      Map<String, List<Object[]>> earlierByRecipient,
      Map<Long, Conversation> conversations,
      SendGuard.Facts facts,
      Set<Long> automatic,
      Set<Long> automationAllowed,
      Map<Long, Optional<AccessToken>> tokens,
      Instant now) {
    // One customer's messages go in order: while an earlier one waits for a retry, this one waits
    // behind it; an earlier one in flight or due goes first (never two in flight together).
    Instant retryAt = null;
    boolean ahead = false;
    for (Object[] o :
        earlierByRecipient.getOrDefault(
            entry.getConnectionId() + "|" + entry.getRecipient(), List.of())) {
      if (((Number) o[0]).longValue() >= entry.getId()) {
        continue;
      }
      if (o[1] == OutboxEntry.State.RETRY) {
        Instant at = (Instant) o[2];
        retryAt = retryAt == null || at.isAfter(retryAt) ? at : retryAt;
      } else {
        ahead = true;
      }
    }
    if (retryAt != null || ahead) {
      entry.retryAt(
          retryAt != null ? retryAt.plusMillis(1) : now.plus(AHEAD_WAIT),
          entry.getErrorCode(),
          "Waiting for an earlier message to this customer",
          false,
          now);
      return Optional.empty();
    }
    Conversation conversation = conversations.get(entry.getConversationId());
    MessageTemplate template =
        entry.getTemplateId() == null
            ? null
            : em.find(MessageTemplate.class, entry.getTemplateId());
    String templateName =
        entry.getKind() == OutboxEntry.Kind.TEMPLATE
            ? template == null ? "(deleted)" : template.getName()
            : null;
    Optional<Refusal> refusal = Optional.empty();
    if (entry.getCampaignId() != null) {
      // A campaign's message waits while the campaign is paused (the pause held it already; this
      // catches a row claimed in the same moment), and goes nowhere once it is cancelled or the
      // customer objected to automated processing in the meantime.
      Campaign campaign = em.find(Campaign.class, entry.getCampaignId());
      if (campaign != null
          && (campaign.getState() == Campaign.State.PAUSED
              || campaign.getState() == Campaign.State.SCHEDULED)) {
        entry.retryAt(
            now.plus(CampaignRunner.HOLD), entry.getErrorCode(), CampaignRunner.HELD, false, now);
        return Optional.empty();
      }
      if (campaign == null || campaign.getState() == Campaign.State.CANCELLED) {
        refusal = Optional.of(RefusalCode.CAMPAIGN_CANCELLED.refuse());
      } else if (!automationAllowed.contains(entry.getContactId())) {
        refusal = Optional.of(RefusalCode.AUTOMATION_OPT_OUT.refuse());
      }
    }
    if (refusal.isEmpty()
        && entry.getCampaignId() == null
        && automatic.contains(entry.getMessageId())
        && !automationAllowed.contains(entry.getContactId())) {
      refusal = Optional.of(RefusalCode.AUTOMATION_OPT_OUT.refuse());
    }
    if (refusal.isEmpty()) {
      // A template's category as Meta says now (template_category_update may have moved it
      // since the message was queued): consent and pricing follow the new category.
      Category category =
          template != null && entry.getKind() == OutboxEntry.Kind.TEMPLATE
              ? template.getCategory()
              : entry.getCategory();
      refusal = guard.check(facts, conversation, category, template, templateName, now);
    }
    Optional<AccessToken> token =
        tokens.computeIfAbsent(entry.getConnectionId(), connections::token);
    if (refusal.isEmpty() && token.isEmpty()) {
      refusal = Optional.of(RefusalCode.CONNECTION_NOT_CONNECTED.refuse("no access token"));
    }
    if (refusal.isPresent()) {
      entry.refused(refusal.get().code().name(), refusal.get().reason(), now);
      deliveries.failed(
          entry.getMessageId(), null, refusal.get().code().name(), refusal.get().reason(), now);
      return Optional.empty();
    }
    WhatsAppConnection c = em.find(WhatsAppConnection.class, entry.getConnectionId());
    try (var reader = Jsons.createReader(new StringReader(entry.getRequest()))) {
      return Optional.of(
          new OutboxAttempts.Prepared(c.getPhoneNumberId(), token.get(), reader.readObject()));
    }
  }

  /**
   * The block's messages (outside campaigns) that an automation queued (away, greeting, rule,
   * macro), marked so by messaging: one query per block.
   */
  private Set<Long> automatic(List<OutboxEntry> due) {
    List<Long> ids =
        due.stream().filter(e -> e.getCampaignId() == null).map(OutboxEntry::getMessageId).toList();
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select m.id from Message m where m.id in :ids and m.marks.automatic = true",
                Long.class)
            .setParameter("ids", ids)
            .getResultList());
  }
}
