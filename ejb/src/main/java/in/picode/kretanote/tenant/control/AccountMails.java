package in.picode.kretanote.tenant.control;

import in.picode.kretanote.tenant.boundary.AccountMailRequested;
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
 * Sends the account links (verify email, reset password, invitation) through the server's mail
 * session {@code mail/kretanote}, only after the transaction that created the link committed. The
 * link is in the mail and nowhere else: never logged.
 */
@ApplicationScoped
public class AccountMails {

  private static final System.Logger LOG = System.getLogger(AccountMails.class.getName());

  @Resource(lookup = "mail/kretanote")
  Session mail;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountMailRequested request) {
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    String subject;
    String body;
    switch (request.purpose()) {
      case VERIFY_EMAIL -> {
        subject = "Confirm your email for KretaNote";
        body =
            "Hello "
                + request.recipientName()
                + ",\n\nplease confirm your email address to start using KretaNote for "
                + request.tenantName()
                + ":\n\n"
                + base
                + "verify.xhtml?token="
                + request.token()
                + "\n\nThe link works once and expires in 48 hours.\n";
      }
      case RESET_PASSWORD -> {
        subject = "Reset your KretaNote password";
        body =
            "Hello "
                + request.recipientName()
                + ",\n\nsomeone (hopefully you) asked to reset your password:\n\n"
                + base
                + "reset.xhtml?token="
                + request.token()
                + "\n\nThe link works once and expires in 1 hour. If you did not ask for it,"
                + " ignore this mail; your password stays as it is.\n";
      }
      case INVITATION -> {
        subject = "You are invited to " + request.tenantName() + " on KretaNote";
        body =
            "Hello,\n\n"
                + request.recipientName()
                + " invited you to join "
                + request.tenantName()
                + " on KretaNote:\n\n"
                + base
                + "join.xhtml?token="
                + request.token()
                + "\n\nThe invitation expires in 7 days.\n";
      }
      default -> throw new IllegalArgumentException(request.purpose().name());
    }
    try {
      MimeMessage m = new MimeMessage(mail);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(request.email(), true));
      m.setSubject(subject, StandardCharsets.UTF_8.name());
      m.setText(body, StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException e) {
      LOG.log(
          Level.WARNING,
          "Could not send the {0} mail ({1}); the user can ask for a new link",
          request.purpose(),
          e.getClass().getSimpleName());
    }
  }
}
