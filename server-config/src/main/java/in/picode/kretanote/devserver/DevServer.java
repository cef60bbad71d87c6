package in.picode.kretanote.devserver;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command's main: starts KretaNote on Payara Server, prints where to find it, and stops
 * everything on Ctrl-C. Arguments are the paths Maven resolved: {@code <work dir> <payara zip>
 * <mariadb jar> <server-config dir> <ear>}.
 */
public final class DevServer {

  private DevServer() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 5) {
      System.err.println(
          "usage: DevServer <work dir> <payara zip> <mariadb jar> <server-config dir> <ear>");
      System.exit(2);
    }
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    long started = System.nanoTime();
    KretaNoteServer server;
    Sandbox sandbox = null;
    try {
      int httpPort = port(env, "KRETANOTE_HTTP_PORT", 8080);
      if (sandboxWanted(env)) {
        sandbox =
            Sandbox.start(
                workDir(env, args[0]),
                httpPort,
                port(env, "KRETANOTE_SANDBOX_META_PORT", 9797),
                port(env, "KRETANOTE_SANDBOX_SMTP_PORT", 2525));
        env.putAll(sandbox.env());
      }
      var options =
          new KretaNoteServer.Options(
              workDir(env, args[0]),
              Path.of(args[1]),
              Path.of(args[2]),
              Path.of(args[3]),
              Path.of(args[4]),
              httpPort,
              port(env, "KRETANOTE_HTTPS_PORT", 8181),
              port(env, "KRETANOTE_ADMIN_PORT", 4848),
              port(env, "KRETANOTE_EMBEDDED_DB_PORT", 3307),
              "kretanote",
              env);
      server = KretaNoteServer.start(options);
    } catch (DatabaseUnreachableException | ConfigurationException e) {
      System.err.println("KretaNote did not start. " + e.getMessage());
      if (sandbox != null) {
        sandbox.close();
      }
      System.exit(1);
      return;
    }
    Sandbox sandboxToClose = sandbox;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping KretaNote ...");
                  server.close();
                  if (sandboxToClose != null) {
                    sandboxToClose.close();
                  }
                  stopped.countDown();
                }));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf(
        "%n  KretaNote is ready (%d s).%n"
            + "  Dashboard:      %s  (HTTPS: %s)%n"
            + "  Admin console:  %s  (user admin, password in the domain's"
            + " config/kretanote-admin.pass)%n"
            + "  Database:       %s%s%n"
            + "  Stop:           Ctrl-C%n%n",
        seconds,
        server.httpUrl(),
        server.httpsUrl(),
        server.adminUrl(),
        server.database().url(),
        server.usesEmbeddedDatabase()
            ? " (embedded, data under " + workDir(env, args[0]).resolve("mariadb") + ")"
            : "");
    if (sandbox != null) {
      System.out.printf(
          "  Sandbox:        Meta simulator at %s; account mails are printed here.%n"
              + "                  Connect a simulated number in Settings > WhatsApp, then let a"
              + " customer write:%n"
              + "                  curl -d '{\"text\":\"Hello\",\"wa_id\":\"4915112345678\","
              + "\"name\":\"Ana\"}' %s/_sim/customers/<phone number id>/messages%n"
              + "                  Templates are approved by the simulator after a few seconds"
              + " (names starting with reject_ are rejected).%n"
              + "  Operator:       %s  password %s  (sign in at /login.xhtml)%n"
              + "  Billing:        demo plans 'starter' and 'growth'; card 4242 4242 4242 4242"
              + " pays, 4000 0000 0000 0341 is declined.%n"
              + "                  Plain HTTP on loopback only, session cookie without Secure:"
              + " a local sandbox, not for real users.%n%n",
          sandbox.metaUrl(), sandbox.metaUrl(), Sandbox.OPERATOR_EMAIL, sandbox.operatorPassword());
    }
    stopped.await();
  }

  /**
   * Sandbox unless a real Meta app is configured ({@code KRETANOTE_META_APP_ID}); {@code
   * KRETANOTE_SANDBOX=false|true} decides explicitly.
   */
  static boolean sandboxWanted(Map<String, String> env) {
    String explicit = env.get("KRETANOTE_SANDBOX");
    if (explicit != null && !explicit.isBlank()) {
      return Boolean.parseBoolean(explicit.strip());
    }
    String appId = env.get("KRETANOTE_META_APP_ID");
    return appId == null || appId.isBlank();
  }

  /** {@code KRETANOTE_WORK_DIR} moves Payara and the embedded database out of target/. */
  static Path workDir(Map<String, String> env, String fallback) {
    String dir = env.get("KRETANOTE_WORK_DIR");
    return Path.of(dir == null || dir.isBlank() ? fallback : dir).toAbsolutePath();
  }

  static int port(Map<String, String> env, String key, int fallback) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int p = Integer.parseInt(v.strip());
      if (p < 1 || p > 65535) {
        throw new ConfigurationException(key, "must be a port between 1 and 65535, got " + v);
      }
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key, "must be a number, got '" + v + "'");
    }
  }
}
