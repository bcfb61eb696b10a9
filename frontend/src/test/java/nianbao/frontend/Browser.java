package nianbao.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver (no driver or browser download), with the helpers the page
 * tests share: waits, full-page screenshots, axe-core, and the browser console.
 */
final class Browser implements AutoCloseable {
  static final int WIDTH = 1366;
  static final int HEIGHT = 900;
  private static final ObjectMapper JSON = new ObjectMapper();

  final ChromeDriver driver;
  private final Path screenshots;
  private final String axeSource;

  Browser(Path screenshots) throws IOException {
    this.screenshots = screenshots;
    Files.createDirectories(screenshots);
    try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js missing from the test resources (npm ci in frontend/)");
      }
      axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary("/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN", "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(binary("/usr/bin/chromedriver")).toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  private static String binary(String path) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(path + " is missing: apt-get install -y chromium chromium-driver "
          + "(./nianbao test installs them)");
    }
    return path;
  }

  /** Loads the page afresh (config.json read again), even where only the hash differs from where it is. */
  void open(String url) {
    String here = driver.getCurrentUrl();
    driver.get(url);
    if (here != null && here.split("#")[0].equals(url.split("#")[0])) {
      driver.navigate().refresh();
    }
  }

  <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    } catch (TimeoutException e) {
      String main;
      try {
        main = String.valueOf(js("const m = document.getElementById('main'); return m ? m.innerText : document.body.innerText"));
      } catch (RuntimeException inner) {
        main = "(unreadable: " + inner.getMessage() + ")";
      }
      throw new TimeoutException("waited " + timeout.toSeconds() + " s at " + driver.getCurrentUrl() + "; the page says:\n"
          + main.substring(0, Math.min(main.length(), 1500)) + "\nconsole: " + console(), e);
    }
  }

  <T> T until(Function<WebDriver, T> condition) {
    return until(Duration.ofSeconds(20), condition);
  }

  WebElement waitFor(String css) {
    return until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until the view is drawn: no aria-busy on main and no loading state left in it. */
  void settled() {
    until(d -> Boolean.TRUE.equals(js("return document.documentElement.dataset.ready === 'true'"
        + " && !document.getElementById('main').hasAttribute('aria-busy')"
        + " && document.querySelectorAll('#main .state.loading').length === 0")));
  }

  /** A screenshot of the whole page (the window grown to the page's height), then the window as it was. */
  Path screenshot(String name) throws IOException {
    return screenshot(name, WIDTH);
  }

  Path screenshot(String name, int width) throws IOException {
    Dimension before = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(width, HEIGHT));
      long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"))
          .longValue();
      driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 7000)));
      js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** axe-core's violations of impact serious or critical in the current view, as lines for a message. */
  List<String> seriousViolations() throws IOException {
    js(axeSource);
    Object out = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))))"
            + ".catch(e => done(JSON.stringify({error: String(e)})));");
    JsonNode result = JSON.readTree(String.valueOf(out));
    if (result.has("error")) {
      throw new IllegalStateException("axe failed: " + result.get("error").asText());
    }
    List<String> bad = new ArrayList<>();
    for (JsonNode v : result) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        bad.add(impact + " " + v.path("id").asText() + " (" + v.path("help").asText() + ") at " + v.path("nodes"));
      }
    }
    return bad;
  }

  /** The browser console since the last call (CSP violations and uncaught errors show here). */
  List<String> console() {
    List<String> lines = new ArrayList<>();
    try {
      for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
        lines.add(e.getLevel() + " " + e.getMessage());
      }
    } catch (RuntimeException e) {
      // a driver without the log endpoint: nothing to read
    }
    return lines;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
