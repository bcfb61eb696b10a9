package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.local.stack.StackOptions;
import nianbao.local.stack.TemplateRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.NoAlertPresentException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What a page test class shares: a local stack of its own (template.yaml's bucket, table and functions, on free
 * ports, in memory) started before its tests, one Chromium, a {@link SiteServer} standing in for a deployed site,
 * and the checks every view gets (axe-core, the CSP, no markup run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageSession {
  private static final ObjectMapper JSON = new ObjectMapper();

  TemplateRunner stack;
  Browser browser;
  SiteServer site;
  Path root;
  Path frontend;
  String page;

  @BeforeAll
  void startStackAndBrowser() throws IOException {
    root = Path.of(System.getProperty("nianbao.root", "..")).toAbsolutePath().normalize();
    frontend = Path.of(System.getProperty("nianbao.frontend", root.resolve("frontend").toString()));
    assertTrue(Files.isRegularFile(frontend.resolve("dist/index.html")), "frontend/dist is built by the Maven build");
    Path template = Path.of(System.getProperty("nianbao.template", root.resolve("template.yaml").toString()));
    stack = TemplateRunner.start(StackOptions.throwaway(root, template).buildPage(true)
        .log(line -> System.out.println("[stack] " + line)));
    page = stack.pageUrl();
    browser = new Browser(Path.of(System.getProperty("nianbao.screenshots", "target/screenshots")));
    site = new SiteServer(frontend.resolve("dist"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * The page files that are reports, and the text that is none, put straight into the reports bucket (as
   * {@link PageUploadTest} uploads them through the page) and ingested: report ids by file name.
   */
  Map<String, String> storeThroughTheBucket(PageFiles made) throws Exception {
    List<Path> uploads = new ArrayList<>(made.reports());
    uploads.add(made.notAReport());
    try (var s3 = stack.s3Client()) {
      for (Path file : uploads) {
        s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + file.getFileName()),
            RequestBody.fromFile(file));
      }
    }
    stack.awaitEvents(Duration.ofSeconds(120));
    Map<String, String> reportIds = new LinkedHashMap<>();
    for (Path file : made.reports()) {
      JsonNode status = api("/uploads/status?key=" + enc("uploads/" + file.getFileName()));
      assertEquals("INGESTED", status.path("state").asText(), file + ": " + status);
      reportIds.put(file.getFileName().toString(), status.path("reportId").asText());
    }
    assertEquals(4, new HashSet<>(reportIds.values()).size(), "the corrected copy is a version: " + reportIds);
    return reportIds;
  }

  JsonNode api(String path) throws IOException, InterruptedException {
    return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  void go(String hash) {
    browser.open(page + hash);
    browser.settled();
  }

  void axe(String view) throws IOException {
    assertEquals(List.of(), browser.seriousViolations(), "axe-core: serious or critical violations in " + view);
  }

  void noCspViolations() {
    List<String> csp = browser.console().stream()
        .filter(l -> l.contains("Content Security Policy") || l.contains("Content-Security-Policy")).toList();
    assertEquals(List.of(), csp, "the page's own code must run under its CSP");
  }

  String text(String css) {
    return browser.waitFor(css).getText();
  }

  void assertNoMarkupRan() {
    try {
      String alert = browser.driver.switchTo().alert().getText();
      fail("an alert ran: " + alert);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    assertEquals(0L, browser.js("return document.querySelectorAll('#main img, #main script').length"));
  }

  /** The text of an element as it is now (read in the page: a view redrawn after a write leaves no stale handle). */
  String now(String css) {
    Object t = browser.js("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
    return t == null ? "" : t.toString();
  }

  /** Focuses a finding (as Tab would) and presses a key on it. */
  void key(String fingerprint, String key) {
    org.openqa.selenium.WebElement item = browser.waitFor("li[data-fp='" + fingerprint + "']");
    browser.js("arguments[0].focus()", item);
    item.sendKeys(key);
  }
}
