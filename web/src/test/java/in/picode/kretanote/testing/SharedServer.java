package in.picode.kretanote.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs a client-side test class against a Payara Micro that the following classes with the same
 * deployment reuse, instead of one Payara Micro per class as Arquillian starts it (the start and
 * deployment took 15 to 60 s each, most of the test run's time).
 *
 * <p>A class opts in with {@code @ExtendWith(SharedServer.class)} in place of Arquillian's
 * extension and keeps its {@code @Deployment(testable = false)} method and its {@code
 * ArquillianResource URL base} field: the extension builds the archive from that method, and
 * classes whose archives have the same content (whatever their names) share one server; {@link
 * SharedServerOrder} runs them one after another. Only one server runs at a time, so a timer of a
 * previous class's server never works on this class's rows. The server is started exactly as
 * Arquillian starts it (the {@code cmdOptions} and {@code extraMicroOptions} of arquillian.xml),
 * and its output goes to this JVM's standard output as Arquillian's {@code outputToConsole} does,
 * so {@link ServerOutput} still reads the server log.
 *
 * <p>The server stops after the last sharing class, before any class that starts its own.
 *
 * <p>Only for classes that do not depend on a fresh server: classes that read the server's
 * counters, restart it, or use Arquillian's deployer keep Arquillian.
 */
public final class SharedServer
    implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor {

  private static final Duration STARTUP = Duration.ofSeconds(600);
  private static final Map<Class<?>, Prepared> PREPARED = new ConcurrentHashMap<>();
  private static Running running;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stopRunning));
  }

  /** The archive of a class and the key of its content. */
  record Prepared(WebArchive archive, String key) {}

  private record Running(String key, Process process, URL base) {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    Prepared prepared = prepare(testClass);
    synchronized (SharedServer.class) {
      if (running == null || !running.key.equals(prepared.key) || !running.process.isAlive()) {
        stopRunning();
        running = start(prepared);
      } else {
        System.out.println(
            "[shared-server] "
                + testClass.getSimpleName()
                + " reuses the server at "
                + running.base);
      }
    }
  }

  /**
   * After the last sharing class the server stops, so the classes that start their own server
   * (Arquillian's) never have a second application working on the same database.
   */
  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getRequiredTestClass() == SharedServerOrder.lastShared) {
      stopRunning();
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
    URL base;
    synchronized (SharedServer.class) {
      base = running.base;
    }
    for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(ArquillianResource.class) && f.getType() == URL.class) {
          f.setAccessible(true);
          f.set(Modifier.isStatic(f.getModifiers()) ? null : instance, base);
        }
      }
    }
  }

  /** The class's archive and the key of its content, built once per class. */
  static Prepared prepare(Class<?> testClass) {
    return PREPARED.computeIfAbsent(
        testClass,
        c -> {
          WebArchive archive = deployment(c);
          return new Prepared(archive, contentKey(archive));
        });
  }

  private static WebArchive deployment(Class<?> testClass) {
    for (Method m : testClass.getDeclaredMethods()) {
      Deployment d = m.getAnnotation(Deployment.class);
      if (d == null) {
        continue;
      }
      if (d.testable() || !d.managed()) {
        throw new IllegalStateException(
            testClass.getName()
                + ": SharedServer runs client-side tests of a managed deployment only"
                + " (@Deployment(testable = false))");
      }
      try {
        m.setAccessible(true);
        return (WebArchive) m.invoke(null);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(testClass.getName() + ": @Deployment failed", e);
      }
    }
    throw new IllegalStateException(testClass.getName() + " has no @Deployment method");
  }

  /** A digest of every entry's path and bytes: the same content, whatever the archive's name. */
  private static String contentKey(WebArchive archive) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Map<String, Node> entries = new TreeMap<>();
      for (Map.Entry<ArchivePath, Node> e : archive.getContent().entrySet()) {
        entries.put(e.getKey().get(), e.getValue());
      }
      byte[] buffer = new byte[65536];
      for (Map.Entry<String, Node> e : entries.entrySet()) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        if (e.getValue().getAsset() == null) {
          continue;
        }
        try (InputStream in = e.getValue().getAsset().openStream()) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Running start(Prepared prepared) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kretanote-shared-server");
    String name = prepared.archive.getName();
    File war = dir.resolve(name.endsWith(".war") ? name : name + ".war").toFile();
    prepared.archive.as(ZipExporter.class).exportTo(war, true);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Map<String, String> config = arquillianConfiguration();
    command.addAll(words(config.getOrDefault("cmdOptions", "")));
    command.add("-jar");
    command.add(System.getProperty("payara.microJar"));
    command.add("--deploy");
    command.add(war.getAbsolutePath());
    command.add("--port");
    command.add(Integer.toString(port));
    command.addAll(words(config.getOrDefault("extraMicroOptions", "")));
    System.out.println(
        "[shared-server] starting Payara Micro for " + war.getName() + " on " + port);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch ready = new CountDownLatch(1);
    Deque<String> lastLines = new ArrayDeque<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  System.out.println(line);
                  synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                      lastLines.removeFirst();
                    }
                  }
                  if (line.contains("Payara Micro") && line.contains(" ready in ")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              ready.countDown();
            },
            "shared-server-output");
    pump.setDaemon(true);
    pump.start();
    long started = System.nanoTime();
    if (!ready.await(STARTUP.toSeconds(), TimeUnit.SECONDS) || !process.isAlive()) {
      process.destroyForcibly();
      synchronized (lastLines) {
        throw new IllegalStateException(
            "Payara Micro did not start for "
                + war.getName()
                + "; its last lines:\n"
                + String.join("\n", lastLines));
      }
    }
    String context = war.getName().substring(0, war.getName().length() - ".war".length());
    URL base = new URL("http://127.0.0.1:" + port + "/" + context + "/");
    System.out.printf(
        "[shared-server] ready at %s after %d ms%n",
        base, (System.nanoTime() - started) / 1_000_000);
    return new Running(prepared.key, process, base);
  }

  private static synchronized void stopRunning() {
    if (running == null) {
      return;
    }
    Process p = running.process;
    running = null;
    p.destroy();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The default container's properties in arquillian.xml, with ${...} from system properties. */
  private static Map<String, String> arquillianConfiguration() {
    try (InputStream in =
        SharedServer.class.getClassLoader().getResourceAsStream("arquillian.xml")) {
      if (in == null) {
        throw new IllegalStateException("arquillian.xml is not on the test class path");
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var document = factory.newDocumentBuilder().parse(in);
      NodeList properties = document.getElementsByTagName("property");
      Map<String, String> config = new TreeMap<>();
      for (int i = 0; i < properties.getLength(); i++) {
        Element p = (Element) properties.item(i);
        config.put(p.getAttribute("name"), resolve(p.getTextContent().trim()));
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("arquillian.xml could not be read", e);
    }
  }

  private static String resolve(String value) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = System.getProperty(m.group(1));
      if (v == null) {
        throw new IllegalStateException("arquillian.xml needs the system property " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
