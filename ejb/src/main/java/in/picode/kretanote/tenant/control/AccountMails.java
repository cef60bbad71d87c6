package in.picode.kretanote.tenant.control;

import in.picode.kretanote.platform.boundary.Languages;
import in.picode.kretanote.tenant.boundary.AccountMailRequested;
import in.picode.kretanote.tenant.boundary.AccountNoticeRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
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
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the account links (verify email, reset password, invitation) through the server's mail
 * session {@code mail/kretanote}, only after the transaction that created the link committed. The
 * link is in the mail and nowhere else: never logged.
 *
 * <p>The SMTP conversation runs asynchronously (a CDI async event), not in the request: "forgot
 * password" must answer as fast for an address with an account (mail sent) as for one without
 * (nothing sent), or the response time would tell which addresses exist.
 */
@ApplicationScoped
public class AccountMails {

  private static final System.Logger LOG = System.getLogger(AccountMails.class.getName());

  @Resource(lookup = "mail/kretanote")
  Session mail;

  @Inject Event<AccountMailRequested> later;
  @Inject Event<AccountNoticeRequested> laterNotice;

  @Inject
  @ConfigProperty(name = "kretanote.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountMailRequested request) {
    later.fireAsync(request);
  }

  static final String BUNDLE = "in.picode.kretanote.tenant.control.MailTexts";

  /** The mail texts in {@code locale}, English when the language has none (never the JVM's). */
  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static String text(Locale locale, String key, Object... args) {
    return new MessageFormat(bundle(locale).getString(key), locale).format(args);
  }

  void deliver(@ObservesAsync AccountMailRequested request) {
    Locale locale = Languages.locale(request.language());
    String validity = Durations.human(request.validity(), locale);
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    String subject;
    String body;
    switch (request.purpose()) {
      case VERIFY_EMAIL -> {
        subject = text(locale, "verify.subject");
        body =
            text(
                locale,
                "verify.body",
                request.recipientName(),
                request.tenantName(),
                base + "verify.xhtml?token=" + request.token(),
                validity);
      }
      case RESET_PASSWORD -> {
        subject = text(locale, "reset.subject");
        body =
            text(
                locale,
                "reset.body",
                request.recipientName(),
                base + "reset.xhtml?token=" + request.token(),
                validity);
      }
      case INVITATION -> {
        subject = text(locale, "invitation.subject", oneLine(request.tenantName()));
        body =
            text(
                locale,
                "invitation.body",
                request.recipientName(),
                request.tenantName(),
                base + "join.xhtml?token=" + request.token(),
                validity);
      }
      default -> throw new IllegalArgumentException(request.purpose().name());
    }
    post(
        request.email(),
        subject,
        body,
        "Could not send the " + request.purpose() + " mail ({0}); the user can ask for a new link");
  }

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountNoticeRequested notice) {
    laterNotice.fireAsync(notice);
  }

  void deliver(@ObservesAsync AccountNoticeRequested notice) {
    Locale locale = Languages.locale(notice.language());
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    String subject;
    String body;
    switch (notice.kind()) {
      case SIGN_UP_WITH_EXISTING_ADDRESS -> {
        subject = text(locale, "existing.signUp.subject");
        body =
            text(
                locale,
                "existing.signUp.body",
                notice.recipientName(),
                base + "login.xhtml",
                base + "forgot.xhtml");
      }
      case INVITATION_TO_EXISTING_ADDRESS -> {
        subject = text(locale, "existing.invitation.subject");
        body =
            text(
                locale,
                "existing.invitation.body",
                notice.recipientName(),
                notice.detail(),
                base + "login.xhtml");
      }
      default -> throw new IllegalArgumentException(notice.kind().name());
    }
    post(notice.email(), subject, body, "Could not send the " + notice.kind() + " notice ({0})");
  }

  /** Sends one plain-text mail; a failure is logged (never the address or the text), not thrown. */
  private void post(String to, String subject, String body, String failure) {
    try {
      MimeMessage m = new MimeMessage(mail);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      m.setSubject(subject, StandardCharsets.UTF_8.name());
      m.setText(body, StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, failure, e.getClass().getSimpleName());
    }
  }

  /** Names typed by users go into a header here; no line break may start a header of its own. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
  }
}
