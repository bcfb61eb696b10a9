package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import nianbao.core.document.Block;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The office's review, in real Chromium against a local stack of its own, by keyboard only: the review queue lists
 * the report with a broken B1; one B1 error is dismissed as a misreading (D, a reason, Enter) and the counts drop;
 * the other is confirmed (C); a blank cell is filled (E); the notice, opened from its link, lists the confirmed
 * problem only and prints (Chrome's Page.printToPDF) to a PDF with the formal text; issuing it makes the report
 * 已通知整改; the ranking marks the corrected report 含更正. At a phone's width the tables' row labels stay in view
 * and the list keeps its essential columns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageReviewTest extends PageSession {
  private String id;

  @Test
  @Order(1)
  void theQueueListsTheReportWhoseErrorsWaitForADecision() throws Exception {
    Path file = new PageFiles(Files.createTempDirectory("review")).brokenB1();
    try (var s3 = stack.s3Client()) {
      s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + file.getFileName()), RequestBody.fromFile(file));
    }
    stack.awaitEvents(Duration.ofSeconds(120));
    id = api("/uploads/status?key=" + enc("uploads/" + file.getFileName())).path("reportId").asText();
    go("#/reports?review=PENDING&sort=errors");
    assertEquals("审核队列", text("#view-title"));
    WebElement row = browser.waitFor("tr[data-report='" + id + "']");
    assertTrue(row.getText().contains("待审核"), row.getText());
    axe("the review queue");
  }

  @Test
  @Order(2)
  void dismissAFalseErrorConfirmTheOtherAndFillABlankCellByKeyboard() throws Exception {
    JsonNode before = api("/summary");
    go("#/reports/" + id);
    assertTrue(text("#findings-title").contains("错误 2"), text("#findings-title"));
    assertTrue(text(".review-bar").contains("待审核"));
    assertTrue(text("#legend").contains("错误所涉单元格"), "a legend for the marked cells");
    List<WebElement> errors = browser.all("li.finding.sev-error.reviewable");
    assertEquals(2, errors.size());
    String first = errors.get(0).getAttribute("data-fp");
    String second = errors.get(1).getAttribute("data-fp");

    key(first, "d");
    WebElement reason = browser.waitFor("li[data-fp='" + first + "'] input[name=reason]");
    assertEquals(reason, browser.driver.switchTo().activeElement(), "the reason takes the focus");
    reason.sendKeys("表格读取有误，原文数字相符", Keys.ENTER);
    browser.until(d -> now("#findings-title").contains("错误 1") ? true : null);
    assertTrue(browser.waitFor("li[data-fp='" + first + "']").getAttribute("class").contains("dismissed"));
    assertEquals(first, browser.js("return document.activeElement.dataset.fp"), "the focus stays on the finding");

    // ↓ moves to the next finding; C confirms it with the proposed reason
    browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertEquals(second, browser.js("return document.activeElement.dataset.fp"));
    browser.driver.switchTo().activeElement().sendKeys("c");
    browser.waitFor("li[data-fp='" + second + "'] input[name=reason]").sendKeys(Keys.ENTER);
    browser.until(d -> now(".review-bar").contains("已审核") ? true : null);
    assertTrue(text("li[data-fp='" + second + "']").contains("已确认"));

    // E: correct a cell — the blank 部分公开 · 自然人 filled with 0
    String blank = "三|partiallyGranted|naturalPerson";
    assertEquals("", browser.waitFor("td[data-cell='" + blank + "']").getText(), "blank as printed");
    key(second, "e");
    WebElement cell = browser.waitFor("li[data-fp='" + second + "'] select[name=cell]");
    browser.js("arguments[0].value = arguments[1]", cell, blank);
    WebElement value = browser.waitFor("li[data-fp='" + second + "'] input[name=value]");
    value.sendKeys("0", Keys.ENTER);
    browser.until(d -> "0".equals(now("td[data-cell='" + blank + "']")) ? true : null);
    assertTrue(text(".corrections").contains("已更正 1 处"), text(".corrections"));
    axe("the detail view under review");

    // the counts change everywhere: the list's row and the summary
    JsonNode summary = api("/summary");
    assertEquals(before.path("byReviewState").path("REVIEWED").asInt() + 1,
        summary.path("byReviewState").path("REVIEWED").asInt(), summary.toString());
    assertEquals(before.path("errors").asInt() - 1, summary.path("errors").asInt(), "the dismissed error left the sums");
    go("#/");
    assertTrue(text("#review-progress").contains("已审核 1"), text("#review-progress"));
    go("#/reports?review=REVIEWED");
    WebElement row = browser.waitFor("tr[data-report='" + id + "']");
    assertTrue(row.getText().contains("已审核"), row.getText());
    assertEquals("1", row.findElements(By.cssSelector("td")).get(4).getText(), "one error counted, not two");

    // the ranking says its figures include a correction, as the API does
    int year = api("/reports/" + id).path("report").path("year").asInt();
    go("#/rankings?year=" + year);
    WebElement ranked = browser.waitFor("table.ranking tr[data-report='" + id + "']");
    assertTrue(ranked.getText().contains("含更正"), ranked.getText());
    browser.all("table.ranking tbody tr").stream().filter(r -> !id.equals(r.getAttribute("data-report")))
        .forEach(r -> assertFalse(r.getText().contains("含更正"), r.getText()));
    noCspViolations();
  }

  @Test
  @Order(3)
  void theNoticeListsTheConfirmedProblemAndPrintsToPdf() throws Exception {
    go("#/reports/" + id);
    String href = browser.waitFor("#notice-link").getAttribute("href");
    browser.open(href);
    browser.until(d -> !browser.all("section.notice").isEmpty() ? true : null);
    String page = text("section.notice");
    assertTrue(page.contains("新乡县人民政府："), page);
    assertTrue(page.contains("请于") && page.contains("前对上述问题逐项整改，并重新报送年度报告"), page);
    assertEquals(1, browser.all("section.notice tbody tr").size(), "the confirmed finding only");
    assertFalse(browser.all("#print").isEmpty(), "a print button");

    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new PageSize(29.7, 21.0));
    String pdf = browser.driver.print(a4).getContent();
    Path out = Path.of("target/screenshots/notice.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, Base64.getDecoder().decode(pdf));
    String text = text(DocumentReaders.read(Files.readAllBytes(out))).replaceAll("\\s+", "");
    assertTrue(text.contains("整改通知") && text.contains("新乡县人民政府") && text.contains("申请表勾稽关系"), text);
    assertTrue(text.contains("重新报送年度报告"), text);
    assertFalse(text.contains("打印"), "the toolbar is not printed");

    go("#/reports/" + id);
    browser.waitFor("#issue-notice").click();
    browser.until(d -> now(".review-bar").contains("已通知整改") ? true : null);
  }

  @Test
  @Order(4)
  void atAPhonesWidthRowLabelsStayInViewAndTheListIsReadable() throws Exception {
    Dimension before = browser.driver.manage().window().getSize();
    try {
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      go("#/reports/" + id);
      WebElement label = browser.waitFor("#sec-三 table.official th[scope=row]");
      assertEquals("sticky", browser.js("return getComputedStyle(arguments[0]).position", label));
      WebElement wrap = browser.waitFor("#sec-三 .table-wrap");
      browser.js("arguments[0].scrollLeft = 400", wrap);
      Number left = (Number) browser.js("return arguments[0].getBoundingClientRect().left - "
          + "arguments[1].getBoundingClientRect().left", label, wrap);
      assertTrue(left.doubleValue() < 2, "the row label stays at the left edge while the figures scroll: " + left);
      assertTrue(((Number) browser.js("return document.documentElement.scrollWidth")).intValue() <= 392,
          "only the tables scroll sideways, never the page");
      go("#/reports");
      browser.waitFor("table.reports tbody tr");
      assertEquals("block", browser.js("return getComputedStyle(document.querySelector('table.reports tr')).display"),
          "the list as cards");
      assertTrue(String.valueOf(browser.js("return getComputedStyle(document.querySelector("
          + "'table.reports tbody td:nth-child(8)'), '::before').content")).contains("审核"),
          "each figure with its column's name");
      assertTrue(((Number) browser.js("return document.querySelector('table.reports').getBoundingClientRect().width"))
          .intValue() <= 390, "the list fits the phone");
      browser.screenshot("review-phone", 390);
    } finally {
      browser.driver.manage().window().setSize(before);
    }
  }

  private static String text(nianbao.core.document.Document d) {
    StringBuilder b = new StringBuilder();
    for (Block block : d.blocks()) {
      if (block instanceof Paragraph p) {
        b.append(p.text()).append('\n');
      } else if (block instanceof Table t) {
        t.rows().forEach(r -> b.append(String.join(" ", r)).append('\n'));
      }
    }
    return b.toString();
  }
}
