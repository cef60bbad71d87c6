package in.picode.kretanote.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.meta.TemplateReview;
import in.picode.kretanote.sandbox.payments.PaymentSimulator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the run command adds when no real Meta app is configured: the Meta simulator in place of
 * graph.facebook.com, a mail sink that prints account mails on the console (so a newcomer can
 * confirm the sign-up email), and development secrets kept under the work folder so a second run
 * can still decrypt what the first stored. Never used in production: the EAR does not contain it.
 */
final class Sandbox implements AutoCloseable {

  private final MetaSimulator meta;
  private PaymentSimulator payments;
  private final GreenMail mail;
  private final Thread printer;
  private final Map<String, String> env = new HashMap<>();
  private final Path configFile;
  private String operatorPassword;

  /** The sandbox's platform operator (created at the first start when none exists). */
  static final String OPERATOR_EMAIL = "operator@sandbox.example";

  private Sandbox(MetaSimulator meta, GreenMail mail, Thread printer, Path configFile) {
    this.meta = meta;
    this.mail = mail;
    this.printer = printer;
    this.configFile = configFile;
  }

  static Sandbox start(Path workDir, int httpPort, int metaPort, int smtpPort) {
    try {
      Files.createDirectories(workDir);
      String appSecret = secret(workDir.resolve("sandbox-meta-app-secret"), 32, true);
      String verifyToken = secret(workDir.resolve("sandbox-verify-token"), 24, true);
      String kek = "dev-1:" + secret(workDir.resolve("sandbox-kek"), 32, false);
      String operatorPassword = secret(workDir.resolve("sandbox-operator-password"), 12, true);
      MetaSimulator meta =
          MetaSimulator.builder()
              .host("127.0.0.1")
              .port(metaPort)
              .appId("100000000000001")
              .appName("KretaNote Sandbox")
              .appSecret(appSecret)
              .callback(URI.create("http://127.0.0.1:" + httpPort + "/webhooks/whatsapp"))
              .autoStatuses(MetaSimulator.AutoStatuses.READ)
              // Templates are reviewed as Meta would, after a few seconds; names matching the
              // pattern are rejected, so a newcomer sees both outcomes.
              .templateReview(
                  TemplateReview.of(
                      Long.parseLong(
                          System.getenv()
                              .getOrDefault("KRETANOTE_SANDBOX_TEMPLATE_REVIEW_MS", "5000")),
                      System.getenv()
                          .getOrDefault("KRETANOTE_SANDBOX_TEMPLATE_REJECT", "reject_.*"),
                      System.getenv().get("KRETANOTE_SANDBOX_TEMPLATE_REJECT_REASON")))
              .start();
      // The payment provider simulator (Stripe stand-in); its key and webhook secret are sandbox
      // values generated under the work folder, never used with a real provider.
      String paymentsKey = "sk_test_" + secret(workDir.resolve("sandbox-payments-key"), 16, true);
      String paymentsSecret =
          "whsec_" + secret(workDir.resolve("sandbox-payments-webhook-secret"), 24, true);
      PaymentSimulator payments =
          PaymentSimulator.start(
              Integer.parseInt(
                  System.getenv().getOrDefault("KRETANOTE_SANDBOX_PAYMENTS_PORT", "9798")),
              paymentsKey,
              paymentsSecret,
              "http://127.0.0.1:" + httpPort + "/webhooks/billing");
      GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      mail.start();
      Thread printer = new Thread(() -> printMails(mail), "sandbox-mail");
      printer.setDaemon(true);
      printer.start();
      Path config = workDir.resolve("sandbox.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "kretanote.sandbox=true",
              // Plain HTTP on loopback: the session cookie cannot be Secure here (the server
              // log warns at start).
              "kretanote.security.secure-cookie=false",
              "kretanote.billing.provider.url=" + payments.baseUrl(),
              "kretanote.billing.provider.api-key=" + paymentsKey,
              "kretanote.billing.provider.webhook-secret=" + paymentsSecret,
              "kretanote.meta.graph-url=" + meta.baseUrl(),
              "kretanote.meta.app-id=" + meta.appId(),
              "kretanote.meta.config-id=sandbox-config",
              "kretanote.public-url=http://127.0.0.1:" + httpPort,
              "kretanote.media.dir=" + workDir.resolve("media").toAbsolutePath(),
              // A platform operator to try the operator pages and define plans with; the
              // password is printed with the other sandbox lines.
              "kretanote.operator.email=" + OPERATOR_EMAIL,
              ""));
      Sandbox s = new Sandbox(meta, mail, printer, config);
      s.payments = payments;
      s.env.put("KRETANOTE_CONFIG_FILE", config.toString());
      s.env.put("KRETANOTE_META_APP_SECRET", appSecret);
      s.env.put("KRETANOTE_META_VERIFY_TOKEN", verifyToken);
      s.env.put("KRETANOTE_KEK", kek);
      s.env.put("KRETANOTE_OPERATOR_INITIAL_PASSWORD", operatorPassword);
      s.operatorPassword = operatorPassword;
      s.env.put("KRETANOTE_SMTP_HOST", "127.0.0.1");
      s.env.put("KRETANOTE_SMTP_PORT", Integer.toString(smtpPort));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the sandbox: " + e.getMessage(), e);
    }
  }

  /** Environment for provision.sh: secrets become password aliases there, never files. */
  Map<String, String> env() {
    return env;
  }

  String metaUrl() {
    return meta.baseUrl();
  }

  /** Sandbox only, on the developer's own console: the operator's generated password. */
  String operatorPassword() {
    return operatorPassword;
  }

  /** A random secret created on the first run and reused after (mode 600). */
  private static String secret(Path file, int bytes, boolean hex) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    String value = hex ? HexFormat.of().formatHex(b) : Base64.getEncoder().encodeToString(b);
    Files.writeString(file, value);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system; the work folder is the developer's own.
    }
    return value;
  }

  private static void printMails(GreenMail mail) {
    Set<String> printed = new HashSet<>();
    while (!Thread.currentThread().isInterrupted()) {
      for (MimeMessage m : unseen(mail.getReceivedMessages(), printed)) {
        try {
          System.out.printf(
              "%n--- sandbox mail to %s: %s ---%n%s%n---%n",
              String.join(
                  ", ",
                  java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList()),
              m.getSubject(),
              m.getContent());
        } catch (Exception e) {
          System.out.println("--- sandbox mail could not be shown: " + e.getMessage());
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * The mails not printed yet. GreenMail lists its mails mailbox by mailbox, not in the order they
   * arrived, so a new mail to one address can come before older ones to another: counting the list
   * printed an old invitation again and never the owner's password reset. A mail is known by its
   * Message-ID and recipients instead.
   */
  static List<MimeMessage> unseen(MimeMessage[] all, Set<String> printed) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : all) {
      String key;
      try {
        key =
            m.getMessageID()
                + "|"
                + java.util.Arrays.toString(m.getAllRecipients())
                + "|"
                + m.getSubject();
      } catch (MessagingException e) {
        key = "unreadable|" + System.identityHashCode(m);
      }
      if (printed.add(key)) {
        out.add(m);
      }
    }
    return out;
  }

  @Override
  public void close() {
    printer.interrupt();
    mail.stop();
    meta.close();
    payments.close();
  }
}
