package in.picode.kretanote.tenant.control;

import in.picode.kretanote.tenant.boundary.NotificationMailRequested;
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
 * Mails a notification to the tenant's owners and admins through {@code mail/kretanote}, only after
 * the transaction that stored it committed. One mail per recipient, so no one sees the others'
 * addresses. A mail that cannot be sent is logged (without addresses) and not retried: the
 * notification is on the dashboard either way.
 */
@ApplicationScoped
public class NotificationMails {

  private static final System.Logger LOG = System.getLogger(NotificationMails.class.getName());

  @Resource(lookup = "mail/kretanote")
  Session mail;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationMailRequested request) {
    String text = text(request, publicUrl);
    int failed = 0;
    for (String to : request.recipients()) {
      try {
        MimeMessage m = new MimeMessage(mail);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(request.subject(), StandardCharsets.UTF_8.name());
        m.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(m);
      } catch (MessagingException e) {
        failed++;
      }
    }
    if (failed > 0) {
      LOG.log(
          Level.WARNING,
          "{0} of {1} notification mails could not be sent",
          failed,
          request.recipients().size());
    }
  }

  /**
   * The mail's text: a live account's notification ends with the link to the app and why the reader
   * receives it; a mail about a deleted account is its body alone (no link into an account that no
   * longer exists).
   */
  static String text(NotificationMailRequested request, String publicUrl) {
    if (!request.aboutLiveAccount()) {
      return request.body() + "\n";
    }
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    return request.body()
        + "\n\n"
        + "See it in KretaNote: "
        + base
        + "app/\n\nYou receive this because you are an owner or admin of "
        + request.tenantName()
        + " on KretaNote.\n";
  }
}
