package in.picode.kretanote.testing;

import in.picode.kretanote.sandbox.meta.MetaSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Meta simulator for integration tests, started once per test JVM on the port ItDatabaseSession
 * reserved before Payara Micro started (arquillian.xml points {@code kretanote.meta.graph-url}
 * there). Call {@link #start()} from a {@code @BeforeAll}: those run on the client side only, so
 * the simulator's classes are never needed inside the server. Tests inside the server drive it
 * through its HTTP control API ({@link SimulatorControl}).
 */
public final class ItMeta {

  public static final String APP_ID = "100000000000001";
  public static final String APP_SECRET = "it-meta-app-secret";

  private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
  private static MetaSimulator simulator;

  private ItMeta() {}

  public static synchronized MetaSimulator start() {
    if (simulator == null) {
      if (Integer.getInteger("kretanote.it.meta.port") == null) {
        throw new IllegalStateException(
            "kretanote.it.meta.port is not set: ItDatabaseSession (server-config) reserves it;"
                + " is an older kretanote-server-config on the test classpath?");
      }
      try {
        simulator =
            MetaSimulator.builder()
                .port(Integer.getInteger("kretanote.it.meta.port"))
                .appId(APP_ID)
                .appSecret(APP_SECRET)
                .onTokenIssued(TOKENS::add)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return simulator;
  }

  /** Every access token the simulator issued in this JVM, to look for leaks. */
  public static List<String> issuedTokens() {
    return List.copyOf(TOKENS);
  }
}
