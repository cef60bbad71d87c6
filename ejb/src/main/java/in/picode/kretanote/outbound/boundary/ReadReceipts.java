package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.connection.control.ConnectionStore;
import in.picode.kretanote.connection.entity.WhatsAppConnection;
import in.picode.kretanote.messaging.boundary.Conversations;
import in.picode.kretanote.messaging.entity.Conversation;
import in.picode.kretanote.messaging.entity.Direction;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.meta.boundary.AccessToken;
import in.picode.kretanote.meta.boundary.GraphApi;
import in.picode.kretanote.outbound.control.Refusal;
import in.picode.kretanote.outbound.control.RefusalCode;
import in.picode.kretanote.platform.control.TenantScoped;
import in.picode.kretanote.platform.control.Visibility;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Tells Meta that the business read a conversation (blue ticks at the customer's end) and clears
 * its unread count. The look-up before is a short transaction of its own and the unread count is
 * cleared through messaging's boundary after; the call to Meta runs outside any transaction, so no
 * pooled connection waits for Meta. A number that cannot send, or a conversation with no customer
 * message to mark, is a refusal, not an error. Called from a postback, never from the GET that
 * shows a page.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadReceipts {

  @PersistenceContext(unitName = "kretanote")
  EntityManager em;

  @Inject ConnectionStore connections;
  @Inject Conversations conversations;
  @Inject GraphApi graph;
  @Resource SessionContext context;

  /** What to mark at Meta, or why nothing is marked. */
  public record Receipt(Refusal refusal, String phoneNumberId, AccessToken token, String wamid) {}

  public Optional<Refusal> markRead(long conversationId) {
    Receipt receipt = context.getBusinessObject(ReadReceipts.class).receipt(conversationId);
    if (receipt.refusal() != null) {
      return Optional.of(receipt.refusal());
    }
    graph.markRead(receipt.token(), receipt.phoneNumberId(), receipt.wamid());
    conversations.markRead(conversationId);
    return Optional.empty();
  }

  /** The conversation's latest customer message and its number; for {@link #markRead} only. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Receipt receipt(long conversationId) {
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null
        || !Visibility.permits(conversation.getTeamId(), conversation.getAssigneeId())) {
      return refused(RefusalCode.CONVERSATION_NOT_FOUND.refuse());
    }
    WhatsAppConnection c = em.find(WhatsAppConnection.class, conversation.getConnectionId());
    if (c == null || c.getStatus() != WhatsAppConnection.Status.CONNECTED) {
      return refused(
          RefusalCode.CONNECTION_NOT_CONNECTED.refuse(c == null ? "unknown" : c.getStatus()));
    }
    Optional<Message> latest =
        em.createNamedQuery(Message.PAGE_OF_CONVERSATION, Message.class)
            .setParameter("conversation", conversationId)
            .setMaxResults(50)
            .getResultStream()
            .filter(m -> m.getDirection() == Direction.INBOUND && m.getWamid() != null)
            .findFirst();
    if (latest.isEmpty()) {
      return refused(RefusalCode.NOTHING_TO_MARK.refuse());
    }
    AccessToken token =
        connections
            .token(c.getId())
            .orElseThrow(() -> new OutboundRefusedException(OutboundWords.NO_TOKEN.with()));
    return new Receipt(null, c.getPhoneNumberId(), token, latest.get().getWamid());
  }

  private static Receipt refused(Refusal refusal) {
    return new Receipt(refusal, null, null, null);
  }
}
