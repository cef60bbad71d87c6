package in.picode.kretanote.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import in.picode.kretanote.sandbox.meta.MetaSimulator;
import in.picode.kretanote.sandbox.payments.PaymentSimulator;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

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
      MetaSimulator meta =
          MetaSimulator.builder()
              .host("127.0.0.1")
              .port(metaPort)
              .appId("100000000000001")
              .appName("KretaNote Sandbox")
              .appSecret(appSecret)
              .callback(URI.create("http://127.0.0.1:" + httpPort + "/webhooks/whatsapp"))
              .autoStatuses(MetaSimulator.AutoStatuses.READ)
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
              ""));
      Sandbox s = new Sandbox(meta, mail, printer, config);
      s.payments = payments;
      s.env.put("KRETANOTE_CONFIG_FILE", config.toString());
      s.env.put("KRETANOTE_META_APP_SECRET", appSecret);
      s.env.put("KRETANOTE_META_VERIFY_TOKEN", verifyToken);
      s.env.put("KRETANOTE_KEK", kek);
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
    int seen = 0;
    while (!Thread.currentThread().isInterrupted()) {
      MimeMessage[] all = mail.getReceivedMessages();
      for (; seen < all.length; seen++) {
        try {
          System.out.printf(
              "%n--- sandbox mail to %s: %s ---%n%s%n---%n",
              String.join(
                  ", ",
                  java.util.Arrays.stream(all[seen].getAllRecipients())
                      .map(Object::toString)
                      .toList()),
              all[seen].getSubject(),
              all[seen].getContent());
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

  @Override
  public void close() {
    printer.interrupt();
    mail.stop();
    meta.close();
    payments.close();
  }
}
