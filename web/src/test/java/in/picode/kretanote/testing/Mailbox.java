package in.picode.kretanote.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on the port the server's mail session {@code mail/kretanote} was
 * pointed at for this test run.
 */
public final class Mailbox implements AutoCloseable {

  private final GreenMail mail;

  public Mailbox() {
    int port = Integer.parseInt(System.getProperty("kretanote.it.smtp.port"));
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  /** Waits for a mail to {@code to} and returns the token of the link for {@code page}. */
  public String linkToken(String to, String page) {
    long deadline = System.currentTimeMillis() + 15_000;
    Pattern link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage m : mail.getReceivedMessages()) {
        try {
          boolean forUs =
              Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
          Matcher matcher = link.matcher(String.valueOf(m.getContent()));
          if (forUs && matcher.find()) {
            return matcher.group(1);
          }
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
    }
    throw new AssertionError("No mail with a " + page + " link reached " + to);
  }

  /**
   * Waits until {@code atLeast} mails to {@code to} carry a link for {@code page}; oldest first.
   */
  public java.util.List<String> linkTokens(String to, String page, int atLeast) {
    long deadline = System.currentTimeMillis() + 15_000;
    Pattern link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
    java.util.List<String> tokens = new java.util.ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      tokens.clear();
      for (MimeMessage m : mail.getReceivedMessages()) {
        try {
          boolean forUs =
              Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
          Matcher matcher = link.matcher(String.valueOf(m.getContent()));
          if (forUs && matcher.find()) {
            tokens.add(matcher.group(1));
          }
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      if (tokens.size() >= atLeast) {
        return tokens;
      }
      mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
    }
    throw new AssertionError(
        "Only " + tokens.size() + " mails with a " + page + " link reached " + to);
  }

  public int count(String to) {
    return (int)
        Arrays.stream(mail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                  } catch (jakarta.mail.MessagingException e) {
                    return false;
                  }
                })
            .count();
  }

  /** Waits up to {@code seconds} for a mail to {@code to} whose subject contains the text. */
  public MimeMessage awaitSubject(String to, String subjectPart, int seconds) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage m : mail.getReceivedMessages()) {
        try {
          boolean forUs =
              Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
          if (forUs && String.valueOf(m.getSubject()).contains(subjectPart)) {
            return m;
          }
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      mail.waitForIncomingEmail(1000, mail.getReceivedMessages().length + 1);
    }
    throw new AssertionError("No mail about '" + subjectPart + "' reached " + to);
  }

  /** Mails to {@code to} whose subject contains the text. */
  public int count(String to, String subjectPart) {
    return (int)
        Arrays.stream(mail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getAllRecipients())
                            .anyMatch(a -> a.toString().equalsIgnoreCase(to))
                        && String.valueOf(m.getSubject()).contains(subjectPart);
                  } catch (jakarta.mail.MessagingException e) {
                    return false;
                  }
                })
            .count();
  }

  @Override
  public void close() {
    mail.stop();
  }
}
