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
    Map<String, String> env = System.getenv();
    long started = System.nanoTime();
    KretaNoteServer server;
    try {
      var options =
          new KretaNoteServer.Options(
              workDir(env, args[0]),
              Path.of(args[1]),
              Path.of(args[2]),
              Path.of(args[3]),
              Path.of(args[4]),
              port(env, "KRETANOTE_HTTP_PORT", 8080),
              port(env, "KRETANOTE_HTTPS_PORT", 8181),
              port(env, "KRETANOTE_ADMIN_PORT", 4848),
              port(env, "KRETANOTE_EMBEDDED_DB_PORT", 3307),
              "kretanote",
              env);
      server = KretaNoteServer.start(options);
    } catch (DatabaseUnreachableException | ConfigurationException e) {
      System.err.println("KretaNote did not start. " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping KretaNote ...");
                  server.close();
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
    stopped.await();
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
