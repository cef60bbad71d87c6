package in.picode.kretanote.messaging.boundary;

import java.time.Instant;

/**
 * A customer's new message was stored (fired once per wamid, inside the transaction that stored it,
 * with the tenant bound). Observers that react to what customers write, such as opt-out keywords,
 * join that transaction: what they change commits or rolls back with the message.
 *
 * @param text what the inbox shows ({@code null} for types without text)
 * @param payload Meta's JSON object of the message's type (for an interactive reply the chosen
 *     button or row with its id)
 * @param contextMessageId the tenant's message it quotes or answers, when that message is stored
 */
public record CustomerMessageStored(
    long tenantId,
    long connectionId,
    long contactId,
    long conversationId,
    long messageId,
    String wamid,
    String type,
    String text,
    Instant writtenAt,
    String payload,
    Long contextMessageId) {}
