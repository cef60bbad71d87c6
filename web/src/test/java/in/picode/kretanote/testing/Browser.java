package in.picode.kretanote.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests (binary and driver overridable with {@code
 * kretanote.it.chromium} / {@code kretanote.it.chromedriver}), with the few moves they share:
 * click, type, wait for a text, screenshot into {@code target/screenshots/}. Downloads go to {@code
 * target/browser-downloads/}.
 */
public final class Browser {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  public static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

  /** The narrowest window headless Chromium keeps (checked with Chromium 156). */
  static final int MIN_WINDOW = 500;

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    // The live inbox re-renders parts of a page whenever a change is pushed, so an element found a
    // moment ago can be replaced before it is read: every wait looks again instead of failing.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  public static Browser start(int width, int height) {
    return start(width, height, Map.of());
  }

  /** As {@link #start(int, int)}, with environment variables for the browser (e.g. {@code TZ}). */
  public static Browser start(int width, int height, Map<String, String> environment) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.createDirectories(DOWNLOADS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("kretanote.it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            DOWNLOADS.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("kretanote.it.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .withEnvironment(environment)
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // Headless Chromium drops downloads unless told where to put them.
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
    return new Browser(driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Opens a path relative to the deployment (no leading slash). */
  public void open(java.net.URL base, String path) {
    driver.get(base.toString() + path);
  }

  /**
   * Makes the page {@code width} by {@code height} CSS pixels. Headless Chromium keeps a window at
   * least 500 px wide, so a narrower phone is emulated as the developer tools' device bar does.
   */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(Math.max(width, MIN_WINDOW), height));
    if (width < MIN_WINDOW) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    } else {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  public void quit() {
    driver.quit();
  }

  public void screenshot(String name) {
    try {
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.createDirectories(target.getParent());
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  public void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Chooses {@code label} in the PrimeFaces select menu {@code id} as a user would: open, click.
   * PrimeFaces closes an open list when the window scrolls, and a click on an item outside the
   * window would scroll it first (the click then lands on whatever is left there): so the select is
   * brought to the middle of the window before it opens, the list is clicked only once it is fully
   * shown, and the choice is checked (and made again, up to three times).
   */
  public void choose(String id, String label) {
    String items = id.replace(":", "\\:") + "_items";
    By item = By.cssSelector("#" + items + " li[data-label='" + label.replace("'", "\\'") + "']");
    By panel = By.id(id + "_panel");
    for (int attempt = 1; ; attempt++) {
      WebElement select = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
      // A list left open by an earlier try (and not closed by the scroll) would close on a click.
      if (driver.findElements(panel).stream().noneMatch(WebElement::isDisplayed)) {
        select.click();
      }
      wait.until(
          d ->
              d.findElement(panel).isDisplayed()
                  && "1"
                      .equals(
                          driver.executeScript(
                              "return getComputedStyle(arguments[0]).opacity;",
                              d.findElement(panel))));
      wait.until(ExpectedConditions.elementToBeClickable(item)).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(attempt < 3 ? 3 : 30))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  public void waitForText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }
}
