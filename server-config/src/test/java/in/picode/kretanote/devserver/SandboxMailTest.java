package in.picode.kretanote.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox console prints each mail once, also when a later mail goes to an earlier mailbox. */
class SandboxMailTest {

  @Test
  void aResetMailToTheOwnerIsPrintedAfterAnInvitationToSomeoneElse() throws Exception {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    mail.start();
    try {
      Set<String> printed = new HashSet<>();
      String from = "kretanote@sandbox.example";
      GreenMailUtil.sendTextEmail("owner@example.com", from, "Confirm your email", "c", smtp(mail));
      assertThat(subjects(Sandbox.unseen(mail.getReceivedMessages(), printed)))
          .containsExactly("Confirm your email");
      GreenMailUtil.sendTextEmail("zoe@example.com", from, "You are invited", "i", smtp(mail));
      assertThat(subjects(Sandbox.unseen(mail.getReceivedMessages(), printed)))
          .containsExactly("You are invited");
      GreenMailUtil.sendTextEmail(
          "owner@example.com", from, "Reset your password", "r", smtp(mail));
      assertThat(subjects(Sandbox.unseen(mail.getReceivedMessages(), printed)))
          .containsExactly("Reset your password");
      assertThat(Sandbox.unseen(mail.getReceivedMessages(), printed)).isEmpty();
    } finally {
      mail.stop();
    }
  }

  private static ServerSetup smtp(GreenMail mail) {
    return mail.getSmtp().getServerSetup();
  }

  private static List<String> subjects(List<MimeMessage> mails) {
    return mails.stream()
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
