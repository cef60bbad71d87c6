package in.picode.kretanote.notification.control;

import in.picode.kretanote.notification.boundary.AgentMailRequested;
import in.picode.kretanote.notification.entity.AgentNotification;
import in.picode.kretanote.platform.boundary.Languages;
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
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
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
      m.setSubject(subject(request), StandardCharsets.UTF_8.name());
      m.setText(text(request, publicUrl), StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "An agent notification mail could not be sent: {0}", e.getClass());
    }
  }

  static final String BUNDLE = "in.picode.kretanote.notification.control.MailTexts";

  /** The subject in the recipient's language. */
  public static String subject(AgentMailRequested r) {
    return words(r, "subject");
  }

  /**
   * The body in the recipient's language, the link to the conversation (or the app) and why the
   * reader gets it.
   */
  public static String text(AgentMailRequested r, String publicUrl) {
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    String link =
        r.conversationId() == null
            ? base + "app/"
            : base + "app/conversation.xhtml?id=" + r.conversationId();
    return words(r, "body") + "\n\n" + format(locale(r), "footer", link) + "\n";
  }

  private static String words(AgentMailRequested r, String part) {
    if (r.kind() == null) {
      return "subject".equals(part) ? r.subject() : r.body();
    }
    Locale locale = locale(r);
    List<Object> args = new ArrayList<>(r.words());
    if (r.kind() == AgentNotification.Kind.SLA_WARNING && args.size() > 1) {
      args.set(1, format(locale, "sla.what." + args.get(1)));
    }
    return format(locale, r.kind().name() + "." + part, args.toArray());
  }

  private static Locale locale(AgentMailRequested r) {
    return Languages.locale(r.language());
  }

  /** A text of the mail bundle; English where the language has none (never the JVM's). */
  static String format(Locale locale, String key, Object... args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    if (!bundle.containsKey(key)) {
      return key.startsWith("sla.what.") ? key.substring("sla.what.".length()) : key;
    }
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
