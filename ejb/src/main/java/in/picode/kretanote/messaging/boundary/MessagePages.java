package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.messaging.control.Amendments;
import in.picode.kretanote.messaging.entity.Media;
import in.picode.kretanote.messaging.entity.Message;
import in.picode.kretanote.messaging.entity.Reaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of a conversation's messages as the conversation page shows them ({@link
 * Conversations#messages}): oldest first, with reactions, media state and the quoted message;
 * reactions and edits or deletions are shown on the message they belong to, not as messages.
 */
final class MessagePages {

  private MessagePages() {}

  static List<MessageView> read(EntityManager em, long conversationId, Long beforeId, int limit) {
    List<Message> page;
    if (beforeId == null) {
      page =
          em.createNamedQuery(Message.PAGE_OF_CONVERSATION, Message.class)
              .setParameter("conversation", conversationId)
              .setMaxResults(limit)
              .getResultList();
    } else {
      Message before = em.find(Message.class, beforeId);
      if (before == null || before.getConversationId() != conversationId) {
        return List.of();
      }
      page =
          em.createQuery(
                  "select m from Message m where m.conversationId = :conversation and"
                      + " (m.createdAt < :at or (m.createdAt = :at and m.id < :id))"
                      + " order by m.createdAt desc, m.id desc",
                  Message.class)
              .setParameter("conversation", conversationId)
              .setParameter("at", before.getCreatedAt())
              .setParameter("id", before.getId())
              .setMaxResults(limit)
              .getResultList();
    }
    if (page.isEmpty()) {
      return List.of();
    }
    List<Long> ids = page.stream().map(Message::getId).toList();
    Map<Long, List<String>> reactions = new HashMap<>();
    em.createQuery(
            "select r from Reaction r where r.messageId in :ids and r.emoji is not null",
            Reaction.class)
        .setParameter("ids", ids)
        .getResultStream()
        .forEach(
            r ->
                reactions
                    .computeIfAbsent(r.getMessageId(), k -> new ArrayList<>())
                    .add(r.getEmoji()));
    Map<Long, Media> media = new HashMap<>();
    em.createQuery("select m from Media m where m.messageId in :ids", Media.class)
        .setParameter("ids", ids)
        .getResultStream()
        .forEach(m -> media.put(m.getMessageId(), m));
    List<Long> quotedIds =
        page.stream().map(Message::getContextMessageId).filter(java.util.Objects::nonNull).toList();
    Map<Long, Message> quoted = new HashMap<>();
    if (!quotedIds.isEmpty()) {
      em.createQuery("select m from Message m where m.id in :ids", Message.class)
          .setParameter("ids", quotedIds)
          .getResultStream()
          .forEach(m -> quoted.put(m.getId(), m));
    }
    // The business's own reactions: outbound reaction messages keep their target as context; the
    // latest per target wins and an empty emoji removed it.
    Map<Long, String> ours = new HashMap<>();
    em.createQuery(
            "select m from Message m where m.conversationId = :conversation and m.type = 'reaction'"
                + " and m.contextMessageId in :ids order by m.createdAt, m.id",
            Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("ids", ids)
        .getResultStream()
        .filter(m -> !"INBOUND".equals(m.getDirection().name()))
        .forEach(
            m -> ours.put(m.getContextMessageId(), MessageShapes.reactionEmoji(m.getPayload())));
    List<MessageView> views = new ArrayList<>();
    for (Message m : page) {
      if ("reaction".equals(m.getType()) || Amendments.isAmendment(m.getType())) {
        continue; // shown on the message they belong to
      }
      Media file = media.get(m.getId());
      Message q = m.getContextMessageId() == null ? null : quoted.get(m.getContextMessageId());
      double[] where =
          "location".equals(m.getType()) ? MessageShapes.location(m.getPayload()) : null;
      String ourEmoji = ours.get(m.getId());
      views.add(
          new MessageView(
              m.getId(),
              m.getDirection().name(),
              m.getType(),
              m.getText(),
              m.getCreatedAt(),
              m.getStatus().name(),
              m.getErrorCode(),
              m.getErrorTitle(),
              m.isForwarded(),
              q == null ? null : snippet(q),
              List.copyOf(reactions.getOrDefault(m.getId(), List.of())),
              file == null ? null : file.getState().name(),
              file == null ? null : file.getMimeType(),
              where == null ? null : where[0],
              where == null ? null : where[1],
              m.marks().isFromPhone(),
              m.marks().getEditedAt() != null,
              m.marks().getPreviousText(),
              m.marks().getDeletedAt() != null,
              m.marks().isAutomatic(),
              MessageShapes.rich(m.getType(), m.getPayload()),
              ourEmoji == null || ourEmoji.isEmpty() ? null : ourEmoji));
    }
    Collections.reverse(views);
    return views;
  }

  private static String snippet(Message m) {
    if (m.marks().getDeletedAt() != null) {
      return "—";
    }
    String t = m.getText() == null ? MessageView.describeType(m.getType()) : m.getText();
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }
}
