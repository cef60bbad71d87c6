package in.picode.kretanote.outbound.boundary;

import in.picode.kretanote.contact.boundary.Consents;
import in.picode.kretanote.contact.control.ConsentKeywords;
import in.picode.kretanote.contact.entity.Category;
import in.picode.kretanote.contact.entity.ConsentEvent;
import in.picode.kretanote.messaging.boundary.CustomerMessageStored;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * STOP and START from customers: a text that is exactly a stop keyword withdraws consent for
 * marketing and utility messages, a start keyword grants it again; both land in the ledger with the
 * keyword and the message's wamid, and a short confirmation is queued (a service reply inside the
 * window the customer just opened). Runs inside the transaction that stores the inbound message, so
 * a redelivered webhook (skipped as a duplicate) changes nothing twice.
 */
@ApplicationScoped
public class ConsentKeywordListener {

  private static final System.Logger LOG = System.getLogger(ConsentKeywordListener.class.getName());
  static final Category[] BUSINESS = {Category.MARKETING, Category.UTILITY};

  @Inject Consents consents;
  @Inject Sending sending;

  @Inject
  @ConfigProperty(
      name = "kretanote.outbound.keywords.stop",
      defaultValue = ConsentKeywords.DEFAULT_STOP)
  String stopWords;

  @Inject
  @ConfigProperty(
      name = "kretanote.outbound.keywords.start",
      defaultValue = ConsentKeywords.DEFAULT_START)
  String startWords;

  @Inject
  @ConfigProperty(
      name = "kretanote.outbound.keywords.stop-reply",
      defaultValue =
          "You will no longer receive offers or updates from us on WhatsApp. Reply START to"
              + " subscribe again.")
  String stopReply;

  @Inject
  @ConfigProperty(
      name = "kretanote.outbound.keywords.start-reply",
      defaultValue = "You are subscribed again. Reply STOP at any time to unsubscribe.")
  String startReply;

  private ConsentKeywords keywords;

  @PostConstruct
  void init() {
    keywords = new ConsentKeywords(stopWords, startWords);
  }

  void onCustomerMessage(@Observes CustomerMessageStored message) {
    if (!"text".equals(message.type())) {
      return;
    }
    keywords
        .match(message.text())
        .ifPresent(
            keyword -> {
              boolean granted = keyword == ConsentKeywords.Keyword.START;
              boolean changed = false;
              for (Category category : BUSINESS) {
                changed |=
                    consents.change(
                        message.contactId(),
                        category,
                        granted,
                        ConsentEvent.Source.KEYWORD,
                        null,
                        keyword + " " + message.wamid());
              }
              if (changed) {
                SendResult reply =
                    sending.sendAutomatic(
                        message.conversationId(),
                        "consent-" + message.messageId(),
                        granted ? startReply : stopReply);
                if (!reply.isQueued()) {
                  LOG.log(
                      Level.INFO, "Consent confirmation not queued: {0}", reply.refusal().code());
                }
              }
            });
  }
}
