package in.picode.kretanote.messaging.boundary;

/**
 * A team member wrote a private note on a conversation, fired inside the transaction that stored
 * it, with the tenant bound ({@code body} as written, for observers that look for mentions).
 */
public record NoteAdded(
    long tenantId, long conversationId, long noteId, Long authorId, String body) {}
