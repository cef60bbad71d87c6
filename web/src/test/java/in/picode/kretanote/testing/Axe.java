package in.picode.kretanote.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, installed into {@code target/axe} by {@code .ci/run} or, when missing, here)
 * run inside the page a browser test shows: the violations of serious or critical impact, each as
 * "rule (impact): help — first elements", so a failure says what to fix.
 */
public final class Axe {

  static final Path HOME = Path.of("target", "axe");
  static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");

  private static String source;

  private Axe() {}

  public static synchronized String source() {
    if (source != null) {
      return source;
    }
    Path script = Path.of(System.getProperty("kretanote.it.axe", SCRIPT.toString()));
    try {
      if (!Files.exists(script)) {
        install();
      }
      source = Files.readString(script);
      return source;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void install() throws IOException {
    Files.createDirectories(HOME);
    Process npm =
        new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "axe-core")
            .directory(HOME.toFile())
            // Not inheritIO: this JVM's standard streams are the test runner's channel to Maven,
            // and node sets an inherited pipe non-blocking ("std/in stream corrupted", then the
            // forked test JVM cannot say goodbye and the build fails).
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(HOME.resolve("npm-install.log").toFile())
            .start();
    try {
      if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install axe-core failed; run .ci/run or install it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The serious and critical violations on the page the driver shows now. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    js.executeScript(source());
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                + "    + v.nodes.slice(0, 4).map(function (n) { return n.target.join(' '); })"
                + "      .join(', '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
    return (List<String>) result;
  }

  /** For a failure message. */
  public static String describe(Map<String, List<String>> byPage) {
    StringBuilder out = new StringBuilder();
    byPage.forEach(
        (page, list) -> list.forEach(v -> out.append(page).append(": ").append(v).append('\n')));
    return out.toString();
  }
}
