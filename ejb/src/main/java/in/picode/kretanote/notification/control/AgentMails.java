package in.picode.kretanote.notification.control;

import in.picode.kretanote.notification.boundary.AgentMailRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails an agent's notification through the application's mail session ({@code mail/kretanote}, as
 * the tenant's notification mails go), only after the transaction that stored it committed. A mail
 * that cannot be sent is logged without the address; the bell shows it either way.
 */
@ApplicationScoped
public class AgentMails {

  private static final System.Logger LOG = System.getLogger(AgentMails.class.getName());

  @Resource(lookup = "mail/kretanote")
  Session mail;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentMailRequested request) {
    try {
      MimeMessage m = new MimeMessage(mail);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(request.to(), true));
      m.setSubject(request.subject(), StandardCharsets.UTF_8.name());
      m.setText(text(request, publicUrl), StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "An agent notification mail could not be sent: {0}", e.getClass());
    }
  }

  /** The body, the link to the conversation (or the app) and why the reader gets it. */
  public static String text(AgentMailRequested r, String publicUrl) {
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    String link =
        r.conversationId() == null
            ? base + "app/"
            : base + "app/conversation.xhtml?id=" + r.conversationId();
    return r.body()
        + "\n\nOpen it in KretaNote: "
        + link
        + "\n\nYou receive this because you chose mail for this kind of notification"
        + " (change it under the bell in the dashboard).\n";
  }
}
