package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The detail view's controls for what the API does with versions, the history and deletion, in real Chromium on a
 * local stack of its own: a report uploaded twice lists both versions; the earlier one is viewed (its tables and
 * findings as read, no review controls) and made current; a version is removed after a confirmation; the history
 * says each change in words, newest first, twenty at a time; the administrator deletes the report and restores it.
 * Each step is checked against the API, so a control that does nothing fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageVersionsTest extends PageSession {
  private String id;
  private String first;
  private String second;

  private JsonNode versions() throws Exception {
    return api("/reports/" + id + "/versions").path("versions");
  }

  private int write(String method, String path, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).header("Content-Type",
        "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  @Order(1)
  void bothUploadsAreListedAndTheEarlierIsViewedAsReadWithoutReviewControls() throws Exception {
    PageFiles files = new PageFiles(Files.createTempDirectory("versions"));
    for (Path file : new Path[] {files.seed(PageFiles.SEED_003), files.corrected()}) {
      try (var s3 = stack.s3Client()) {
        s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + file.getFileName()), RequestBody.fromFile(file));
      }
      stack.awaitEvents(Duration.ofSeconds(120));
    }
    id = api("/uploads/status?key=" + enc("uploads/" + PageFiles.CORRECTED)).path("reportId").asText();
    JsonNode list = versions();
    assertEquals(2, list.size(), list.toString());
    second = list.get(0).path("sha256").asText(); // newest first: the corrected copy, current
    first = list.get(1).path("sha256").asText();

    go("#/reports/" + id);
    browser.until(d -> browser.all("#versions tr[data-version]").size() == 2 ? true : null);
    WebElement current = browser.waitFor("#versions tr[data-version='" + second + "']");
    assertTrue(current.getText().contains("当前版本") && current.getText().contains(PageFiles.CORRECTED), current.getText());
    WebElement earlier = browser.waitFor("#versions tr[data-version='" + first + "']");
    assertTrue(earlier.getText().contains(PageFiles.SEED_003), earlier.getText());
    assertTrue(earlier.getText().matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"), "its upload time: " + earlier.getText());
    browser.screenshot("versions-1280");
    axe("the versions panel");

    earlier.findElement(org.openqa.selenium.By.cssSelector("a.view-version")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/#/reports/" + id + "/versions/" + first) ? true : null);
    browser.settled();
    assertTrue(text(".version-banner").contains("不是当前版本"), text(".version-banner"));
    assertEquals(25 * 7, browser.all("td[data-cell^='三|']").size(), "the version's tables");
    assertTrue(browser.all("li.finding.reviewable").isEmpty() && browser.all(".review-bar").isEmpty(),
        "a version is looked at, not reviewed");
    assertTrue(browser.all("#history").isEmpty());
    axe("a version");
  }

  @Test
  @Order(2)
  void theEarlierVersionIsMadeCurrentAndTheHistorySaysSoInWords() throws Exception {
    go("#/reports/" + id + "/versions/" + first);
    browser.waitFor(".version-banner button.make-current").click();
    browser.until(d -> d.getCurrentUrl().endsWith("/#/reports/" + id) ? true : null);
    browser.until(d -> now("#versions tr.current").contains(PageFiles.SEED_003) ? true : null);
    assertEquals(first, versions().get(0).path("current").asBoolean() ? versions().get(0).path("sha256").asText()
        : versions().get(1).path("sha256").asText(), "the API counts the report on the earlier version");
    browser.until(d -> !browser.all("#history-list li").isEmpty() ? true : null);
    String top = text("#history-list li");
    assertTrue(top.contains("设为当前版本") && top.contains("原为") && top.contains("改为")
        && top.contains(PageFiles.CORRECTED) && top.contains(PageFiles.SEED_003), top);
  }

  @Test
  @Order(3)
  void aVersionIsRemovedOnlyOnceConfirmed() throws Exception {
    go("#/reports/" + id);
    String row = "#versions tr[data-version='" + second + "']";
    browser.waitFor(row + " .remove-version button").click();
    assertTrue(text(row).contains("这一版本？"), "asked first: " + text(row));
    browser.all(row + " .remove-version button").stream().filter(b -> b.getText().equals("取消")).findFirst()
        .orElseThrow().click();
    assertFalse(versions().findValues("removedAt").stream().anyMatch(v -> !v.isNull()), "cancelled: nothing removed");
    browser.waitFor(row + " .remove-version button").click();
    browser.waitFor(row + " button.confirm-remove").click();
    browser.until(d -> now(row).contains("已删除") ? true : null);
    JsonNode removed = null;
    for (JsonNode v : versions()) {
      if (v.path("sha256").asText().equals(second)) {
        removed = v;
      }
    }
    assertTrue(removed != null && !removed.path("removedAt").isNull() && removed.has("removedAt"), String.valueOf(removed));
    browser.until(d -> now("#history-list li").contains("删除版本") ? true : null);
    assertTrue(browser.all("#versions tr[data-version='" + first + "'] .remove-version button").get(0)
        .getAttribute("disabled") != null, "the last version cannot be removed: the report would be");
  }

  @Test
  @Order(4)
  void theHistoryIsNewestFirstAndReadsOnTwentyAtATime() throws Exception {
    String fp = api("/reports/" + id + "/findings?severity=warning").path("findings").get(0).path("fingerprint").asText();
    String review = "/reports/" + id + "/findings/" + fp + "/review";
    for (int i = 0; i < 10; i++) {
      assertEquals(200, write("PUT", review, "{\"decision\":\"dismissed\",\"reason\":\"第" + i + "次\"}"));
      assertEquals(200, write("DELETE", review, null));
    }
    int total = api("/reports/" + id + "/history?limit=200").path("items").size();
    assertTrue(total > 20, "more than a page: " + total);
    go("#/reports/" + id);
    browser.until(d -> browser.all("#history-list li").size() == 20 ? true : null);
    assertTrue(text("#history-list li").contains("撤回审核结论"), "newest first");
    assertTrue(browser.all("#history-list li").get(1).getText().contains("驳回（误报）：第9次"),
        browser.all("#history-list li").get(1).getText());
    browser.waitFor("#history-more").click();
    browser.until(d -> browser.all("#history-list li").size() == total ? true : null);
    assertTrue(browser.all("#history-more").isEmpty(), "nothing more to read");
    String last = browser.all("#history-list li").get(total - 1).getText();
    assertTrue(last.contains("设为当前版本"), "the oldest change last: " + last);
  }

  @Test
  @Order(5)
  void theAdministratorDeletesTheReportAndRestoresIt() throws Exception {
    go("#/reports/" + id);
    browser.waitFor("#delete-report").click();
    browser.waitFor("#confirm-delete").click();
    browser.until(d -> now("#main").contains("报告已删除") ? true : null);
    assertTrue(text(".deleted-state").contains("保留至"), text(".deleted-state"));
    assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/reports/" + id))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), "deleted in the API");
    browser.screenshot("deleted-1280");
    browser.waitFor("#restore-report").click();
    browser.until(d -> !browser.all("#versions tr[data-version]").isEmpty() ? true : null);
    assertEquals(id, api("/reports/" + id).path("id").asText(), "restored");
    browser.until(d -> now("#history-list li").contains("恢复报告") ? true : null);
  }

  /** The versions and history panels alone, as the reader sees them at this width. */
  private void panels(String width) throws Exception {
    for (String panel : new String[] {"versions", "history"}) {
      WebElement e = browser.waitFor("#" + panel);
      browser.js("arguments[0].scrollIntoView()", e);
      Path out = Path.of("target/screenshots/" + panel + "-" + width + ".png");
      Files.createDirectories(out.getParent());
      Files.write(out, e.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  @Test
  @Order(6)
  void atAPhonesWidthTheVersionsAndHistoryFit() throws Exception {
    org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
    try {
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      go("#/reports/" + id);
      browser.until(d -> !browser.all("#history-list li").isEmpty() ? true : null);
      panels("1280");
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      go("#/reports/" + id);
      browser.until(d -> !browser.all("#history-list li").isEmpty() ? true : null);
      assertTrue(((Number) browser.js("return document.documentElement.scrollWidth")).intValue() <= 392,
          "only the tables scroll sideways, never the page");
      panels("390");
    } finally {
      browser.driver.manage().window().setSize(before);
    }
  }
}
