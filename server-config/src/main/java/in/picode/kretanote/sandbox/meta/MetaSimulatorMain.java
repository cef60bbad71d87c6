package in.picode.kretanote.sandbox.meta;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Meta simulator standalone, as the sandbox run mode does:
 *
 * <pre>
 * java ... MetaSimulatorMain --port 9797 --app-id 1234 --app-secret s3cret \
 *     --callback http://127.0.0.1:8080/webhooks/whatsapp
 * </pre>
 *
 * Further options: {@code --host}, {@code --app-name}, {@code --graph-version v23.0}, {@code
 * --throughput 80}, {@code --service-window off|reject|failed-status}, {@code --auto-statuses
 * none|sent|delivered|read} (default read, so the sandbox inbox shows ticks), {@code
 * --status-delay-ms 500}, {@code --auto-approve-templates}. The app secret may come from the
 * environment variable {@code META_APP_SECRET} instead, which keeps it out of process listings.
 * Prints the base URL alone on the first line of standard output.
 */
public final class MetaSimulatorMain {

  private static final String USAGE =
      "usage: MetaSimulatorMain [--port 9797] [--host 127.0.0.1] [--app-id ID] [--app-name NAME]"
          + " --app-secret SECRET [--callback URL] [--graph-version v23.0] [--throughput 80]"
          + " [--service-window off|reject|failed-status]"
          + " [--auto-statuses none|sent|delivered|read] [--status-delay-ms 500]"
          + " [--auto-approve-templates]";

  private MetaSimulatorMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      return;
    }
    MetaSimulator simulator;
    try {
      simulator = start(System.getenv("META_APP_SECRET"), args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    System.out.println(simulator.baseUrl());
    System.out.flush();
    System.err.println(
        "Meta simulator: Graph API at "
            + simulator.graphUrl()
            + ", control API at "
            + simulator.baseUrl()
            + "/_sim/, webhooks to "
            + (simulator.callback() == null ? "(none)" : simulator.callback()));
    stopped.await();
  }

  /** Starts a simulator from command-line options; {@code secretFromEnv} may be null. */
  static MetaSimulator start(String secretFromEnv, String... args) throws IOException {
    MetaSimulator.Builder builder =
        MetaSimulator.builder()
            .port(9797)
            .autoStatuses(MetaSimulator.AutoStatuses.READ)
            .statusDelay(Duration.ofMillis(500));
    String secret = secretFromEnv;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--auto-approve-templates")) {
        builder.autoApproveTemplates(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> builder.port(Integer.parseInt(value));
        case "--host" -> builder.host(value);
        case "--app-id" -> builder.appId(value);
        case "--app-secret" -> secret = value;
        case "--app-name" -> builder.appName(value);
        case "--callback" -> builder.callback(URI.create(value));
        case "--graph-version" -> builder.graphVersion(value);
        case "--throughput" -> builder.throughputPerSecond(Integer.parseInt(value));
        case "--service-window" ->
            builder.serviceWindow(enumValue(MetaSimulator.ServiceWindow.class, value));
        case "--auto-statuses" ->
            builder.autoStatuses(enumValue(MetaSimulator.AutoStatuses.class, value));
        case "--status-delay-ms" -> builder.statusDelay(Duration.ofMillis(Long.parseLong(value)));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "an app secret is required (--app-secret or META_APP_SECRET)");
    }
    return builder.appSecret(secret).start();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
