package in.picode.kretanote.tenant.control;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.platform.boundary.WordingTexts;
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
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails a notification to the tenant's owners and admins through {@code mail/kretanote}, only after
 * the transaction that stored it committed. One mail per recipient, in the language they chose, so
 * no one sees the others' addresses. A mail that cannot be sent is logged (without addresses) and
 * not retried: the notification is on the dashboard either way.
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
    int failed = 0;
    for (NotificationMailRequested.Recipient to : request.to()) {
      Locale locale = Languages.locale(to.language());
      try {
        MimeMessage m = new MimeMessage(mail);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email(), true));
        m.setSubject(subject(request, locale), StandardCharsets.UTF_8.name());
        m.setText(text(request, locale, publicUrl), StandardCharsets.UTF_8.name());
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
          request.to().size());
    }
  }

  /** The subject in {@code locale}, on one line. */
  static String subject(NotificationMailRequested request, Locale locale) {
    return WordingTexts.of(request.subject(), locale).replaceAll("\\s+", " ").strip();
  }

  /**
   * The mail's text in {@code locale}: a live account's notification ends with the link to the app
   * and why the reader receives it; a mail about a deleted account is its body alone (no link into
   * an account that no longer exists).
   */
  static String text(NotificationMailRequested request, Locale locale, String publicUrl) {
    String body = WordingTexts.all(request.body(), locale, "\n\n");
    if (!request.aboutLiveAccount()) {
      return body + "\n";
    }
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    return body
        + "\n\n"
        + AccountMails.text(locale, "notice.footer", base + "app/", request.tenantName());
  }
}
