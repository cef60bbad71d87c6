package in.picode.kretanote.csat.boundary;

import in.picode.kretanote.csat.control.CsatReplies;
import in.picode.kretanote.csat.entity.CsatSetting;
import in.picode.kretanote.csat.entity.CsatSurvey;
import in.picode.kretanote.messaging.boundary.ClosedConversationAnswer;
import in.picode.kretanote.messaging.boundary.ConversationDetail;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.outbound.boundary.RichSending;
import in.picode.kretanote.outbound.boundary.SendResult;
import in.picode.kretanote.outbound.boundary.Sending;
import in.picode.kretanote.platform.control.Tenancy;
import in.picode.kretanote.platform.control.TenantScoped;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer-satisfaction surveys of the current tenant. After a conversation is resolved (when the
 * business turned surveys on) one round is written and the survey sent through {@link Sending}, the
 * same path and guard as a person's message: inside the 24-hour window an interactive list with
 * rows 1..5, outside it the approved template the business picked, or nothing. A refusal is kept on
 * the round. The customer's answer is matched by the message it answers (the reply's context), so
 * two open surveys never mix; a second answer, a replay and an answer to a message that is not a
 * survey of this tenant change nothing and are logged.
 */
@Stateless
@TenantScoped
public class Surveys {

  private static final System.Logger LOG = System.getLogger(Surveys.class.getName());
  static final String LIST_BUTTON = "Rate";

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject CsatSettings settings;
  @Inject Conversations conversations;
  @Inject Sending sending;
  @Inject RichSending richSending;
  @Inject Event<CsatReceived> received;
  @Inject Clock clock;

  /**
   * Asks the resolved conversation's customer for a rating, once per resolution; returns the round
   * (empty when surveys are off, the conversation is open again, already asked, or there is nothing
   * to send outside the window). A transaction of its own: it runs after the resolution's
   * transaction completed.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<CsatSurvey> ask(long conversationId) {
    CsatSetting s = settings.current();
    if (!s.isEnabled()) {
      return Optional.empty();
    }
    Optional<ConversationDetail> found = conversations.find(conversationId);
    if (found.isEmpty() || found.get().conversation().getStatus() != Conversation.Status.CLOSED) {
      return Optional.empty();
    }
    Conversation c = found.get().conversation();
    List<CsatSurvey> earlier = ofConversation(conversationId);
    if (!earlier.isEmpty()
        && c.getClosedAt() != null
        && !earlier.get(earlier.size() - 1).getAskedAt().isBefore(c.getClosedAt())) {
      return Optional.empty(); // this resolution was asked already
    }
    // Real time, as messaging stamps the resolution and the guard judges the window.
    Instant now = Instant.now();
    boolean window = c.isWindowOpen(now);
    CsatSurvey.Kind kind =
        window
            ? CsatSurvey.Kind.LIST
            : s.getTemplateName() != null ? CsatSurvey.Kind.TEMPLATE : CsatSurvey.Kind.NONE;
    if (kind == CsatSurvey.Kind.NONE) {
      return Optional.empty();
    }
    CsatSurvey survey =
        CsatSurvey.open(
            conversationId, earlier.size() + 1, c.getAssigneeId(), c.getTeamId(), kind, now);
    em.persist(survey);
    em.flush();
    String key = "csat-" + survey.getId();
    SendResult r =
        kind == CsatSurvey.Kind.LIST
            ? richSending.sendList(
                conversationId,
                key,
                s.getQuestion(),
                LIST_BUTTON,
                CsatReplies.rows(survey.getId()),
                null)
            : sending.sendTemplate(
                conversationId,
                key,
                s.getTemplateName(),
                s.getTemplateLanguage(),
                List.of(),
                List.of(),
                Map.of());
    if (r.isQueued()) {
      survey.sent(r.messageId());
    } else {
      survey.refused(r.refusalCode(), r.refusalReason());
      LOG.log(
          Level.INFO,
          "Survey {0} of conversation {1} not sent: {2}",
          survey.getId(),
          conversationId,
          r.refusalCode());
    }
    return Optional.of(survey);
  }

  /**
   * Whether a customer's message into the resolved conversation is a choice answering one of its
   * surveys (the same match as {@link #customerWrote} uses to store the rating, answered already or
   * not): such an answer leaves the conversation resolved; any other message re-opens it.
   */
  public boolean answersSurvey(ClosedConversationAnswer m) {
    return CsatReplies.parse(m.type(), m.payload())
        .flatMap(choice -> target(m.conversationId(), m.contextMessageId(), choice))
        .isPresent();
  }

  /**
   * A customer's message: a rating when it answers one of this tenant's surveys, else maybe the
   * comment on a rating just given. Joins the transaction that stored the message.
   */
  public void customerWrote(CustomerMessageStored m) {
    Optional<CsatReplies.Choice> choice = CsatReplies.parse(m.type(), m.payload());
    if (choice.isPresent()) {
      answer(m, choice.get());
    } else if ("text".equals(m.type()) && m.text() != null) {
      Instant now = Instant.now(clock);
      em.createNamedQuery(CsatSurvey.AWAITING_COMMENT, CsatSurvey.class)
          .setParameter("conversation", m.conversationId())
          .setParameter("answered", CsatSurvey.State.ANSWERED)
          .setParameter("now", now)
          .setMaxResults(1)
          .getResultStream()
          .findFirst()
          .ifPresent(s -> s.comment(m.text(), now));
    }
  }

  private void answer(CustomerMessageStored m, CsatReplies.Choice choice) {
    Optional<CsatSurvey> target = target(m.conversationId(), m.contextMessageId(), choice);
    if (target.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Rating in message {0} ignored: it answers no survey of this business",
          m.messageId());
      return;
    }
    CsatSurvey s = target.get();
    Duration comment = Duration.ofMinutes(settings.current().getCommentMinutes());
    Instant now = Instant.now(clock);
    if (!s.answer(choice.rating(), m.wamid(), now, comment)) {
      LOG.log(
          Level.INFO,
          "Rating in message {0} ignored: survey {1} is {2}",
          m.messageId(),
          s.getId(),
          s.getState());
      return;
    }
    em.flush();
    received.fire(
        new CsatReceived(
            Tenancy.require(),
            s.getId(),
            s.getConversationId(),
            s.getAssigneeId(),
            choice.rating(),
            now));
  }

  /**
   * The survey a reply answers: the one whose message it quotes (Meta sets the context on list and
   * button replies); the row id's survey must be that one. Without a stored context, a row id of
   * this tenant's survey in the same conversation.
   */
  private Optional<CsatSurvey> target(
      long conversationId, Long contextMessageId, CsatReplies.Choice choice) {
    Optional<CsatSurvey> byContext =
        contextMessageId == null
            ? Optional.empty()
            : em.createNamedQuery(CsatSurvey.BY_MESSAGE, CsatSurvey.class)
                .setParameter("message", contextMessageId)
                .getResultStream()
                .findFirst();
    if (byContext.isPresent()) {
      return choice.surveyId().isEmpty() || choice.surveyId().get().equals(byContext.get().getId())
          ? byContext.filter(s -> s.getConversationId() == conversationId)
          : Optional.empty();
    }
    if (contextMessageId != null || choice.surveyId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(CsatSurvey.class, choice.surveyId().get()))
        .filter(s -> s.getConversationId() == conversationId);
  }

  public List<CsatSurvey> ofConversation(long conversationId) {
    return em.createNamedQuery(CsatSurvey.OF_CONVERSATION, CsatSurvey.class)
        .setParameter("conversation", conversationId)
        .getResultList();
  }
}
