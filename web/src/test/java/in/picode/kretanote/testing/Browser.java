package in.picode.kretanote.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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

  /** A phone's width in CSS pixels (an iPhone 12 to 15), emulated: see {@link #viewport}. */
  public static final int PHONE = 390;

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    // The live inbox re-renders parts of a page whenever a change is pushed, so an element found a
    // moment ago can be replaced before it is read: every wait looks again instead of failing.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /**
   * A browser whose page is {@code width} by {@code height} CSS pixels; a width below 500 px (a
   * phone's) is emulated, see {@link #viewport(int, int)}.
   */
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
        "--window-size=" + Math.max(width, MIN_WINDOW) + "," + height);
    // The page's console, read by consoleErrors().
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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
    Browser browser = new Browser(driver);
    if (width < MIN_WINDOW) {
      browser.viewport(width, height);
    }
    return browser;
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
   * least 500 px wide, so a narrower phone is emulated as the developer tools' device bar does (as
   * a desktop page: the vertical scroll bar takes its room, so what fits here fits a phone).
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

  /** As {@link #viewport(int, int)} at a phone's width ({@value #PHONE} by 844 CSS pixels). */
  public void phone() {
    viewport(PHONE, 844);
  }

  /**
   * How many CSS pixels the page is wider than its visible part: above zero a user scrolls
   * sideways. Measured against the width inside the vertical scroll bar, not the window's, since
   * what lies under the scroll bar cannot be read or clicked.
   */
  public long sidewaysOverflow() {
    return ((Number)
            driver.executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth;"))
        .longValue();
  }

  /**
   * The visible buttons (and their icons), links and fields of the header and the main content that
   * stick out of the screen (or lie under the vertical scroll bar), each as tag#id.class and its
   * left and right edges; those in a box that scrolls sideways itself (a wide table) are left out.
   */
  @SuppressWarnings("unchecked")
  public List<String> controlsOffScreen() {
    return (List<String>)
        driver.executeScript(
            "var width = document.documentElement.clientWidth, out = [];"
                + " document.querySelectorAll('header button, header a, header input,"
                + " header .ui-selectonemenu, header .ui-icon, header .pi, main button, main a,"
                + " main .ui-button .ui-icon, main input:not([type=hidden]),"
                + " main select, main textarea, main .ui-selectonemenu').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width < 2 || r.height < 2 || !e.checkVisibility({visibilityProperty: true})) return;"
                + "  if (e.closest('.ui-helper-hidden-accessible, .visually-hidden, .sr-only')) return;"
                + "  for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {"
                + "    var x = getComputedStyle(p).overflowX;"
                + "    if ((x === 'auto' || x === 'scroll') && p.scrollWidth > p.clientWidth) return;"
                + "  }"
                + "  if (r.left < -1 || r.right > width + 1) out.push(e.tagName.toLowerCase()"
                + "   + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined"
                + "   ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')"
                + "   + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] of ' + width);"
                + " }); return out;");
  }

  /** The errors the page wrote to its console since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
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

  /**
   * Clicks a button that posts its form without Ajax and waits until the browser has left the page:
   * text found afterwards is the answer's, not the page the click was made on (which may show the
   * same words, as a second upload does).
   */
  public void submit(String id) {
    WebElement page = driver.findElement(By.tagName("html"));
    click(id);
    wait.until(ExpectedConditions.stalenessOf(page));
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
