package in.picode.kretanote.messaging.boundary;

import in.picode.kretanote.contact.entity.Contact;
import in.picode.kretanote.messaging.entity.Conversation;
import java.util.List;

/** The head of the conversation page: the conversation, its contact, assignee and labels. */
public record ConversationDetail(
    Conversation conversation, Contact contact, String assignee, List<String> labels) {}
