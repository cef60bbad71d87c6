package in.picode.kretanote.outbound.control;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.outbound.entity.MessageTemplate;
import in.picode.kretanote.outbound.entity.OutboxEntry;
import in.picode.kretanote.platform.control.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The database half of a send's checks, read in the sending boundary's transaction and so confined
 * to its tenant: the conversation a message goes into, the message a reply quotes or a reaction
 * answers (of that same conversation, and known to Meta by its wamid), the template a template
 * message names on the conversation's number, the send that already holds an idempotency key, and
 * who and which number the message goes by. What is missing becomes a refusal in words; nothing
 * here writes.
 */
@ApplicationScoped
public class SendTargets {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConnectionStore connections;

  /**
   * Where a message goes (the conversation and its customer) and as what, or (with {@code refusal}
   * set, all else null) why it cannot. {@code template} is null for a template name the number does
   * not have: the guard refuses it in its own words.
   */
  public record Target(
      Refusal refusal,
      Conversation conversation,
      Contact contact,
      String contextWamid,
      MessageTemplate template,
      String templateName,
      Category category,
      OutboxEntry.Kind kind) {

    static Target refused(Refusal refusal) {
      return new Target(refusal, null, null, null, null, null, null, null);
    }
  }

  /** The conversation, the quoted message and the template of one send. */
  public Target of(long conversationId, OutgoingContent content, Long quotedMessageId) {
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null
        || !Visibility.permits(conversation.getTeamId(), conversation.getAssigneeId())) {
      return Target.refused(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    String contextWamid = null;
    if (quotedMessageId != null) {
      Optional<String> quoted = wamidIn(conversationId, quotedMessageId);
      if (quoted.isEmpty()) {
        return Target.refused(
            Refusal.invalid(
                java.util.List.of(
                    ContentProblem.of(
                        content instanceof OutgoingContent.Reaction
                            ? "reactionTarget"
                            : "quotedUnknown"))));
      }
      contextWamid = quoted.get();
    }
    if (content instanceof OutgoingContent.Template t) {
      MessageTemplate template =
          em.createNamedQuery(MessageTemplate.BY_NAME, MessageTemplate.class)
              .setParameter("connection", conversation.getConnectionId())
              .setParameter("name", t.name())
              .setParameter("language", t.language())
              .getResultStream()
              .findFirst()
              .orElse(null);
      return new Target(
          null,
          conversation,
          contactOf(conversation),
          contextWamid,
          template,
          t.name() + " (" + t.language() + ")",
          template == null ? Category.SERVICE : template.getCategory(),
          OutboxEntry.Kind.TEMPLATE);
    }
    OutboxEntry.Kind kind =
        content instanceof OutgoingContent.Reaction
            ? OutboxEntry.Kind.REACTION
            : OutboxEntry.Kind.FREE_FORM;
    return new Target(
        null,
        conversation,
        contactOf(conversation),
        contextWamid,
        null,
        null,
        Category.SERVICE,
        kind);
  }

  /** The wamid of a message of this conversation; empty for another's or one Meta never named. */
  public Optional<String> wamidIn(long conversationId, long messageId) {
    Message message = em.find(Message.class, messageId);
    return message == null || message.getConversationId() != conversationId
        ? Optional.empty()
        : Optional.ofNullable(message.getWamid());
  }

  private Contact contactOf(Conversation conversation) {
    return em.find(Contact.class, conversation.getContactId());
  }

  /** The outbox row that holds an idempotency key, if a send took it already. */
  public Optional<OutboxEntry> holderOf(String key) {
    return em.createNamedQuery(OutboxEntry.BY_KEY, OutboxEntry.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** A conversation's WhatsApp number and its token for one call; empty when it has no token. */
  public record Number(String phoneNumberId, AccessToken token) {}

  public Optional<Number> numberOf(long conversationId) {
    WhatsAppConnection c =
        em.find(
            WhatsAppConnection.class,
            em.find(Conversation.class, conversationId).getConnectionId());
    return connections.token(c.getId()).map(t -> new Number(c.getPhoneNumberId(), t));
  }
}
