package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Reading notes (how the reader split digits and placed cells; not a problem of the report) on a stack of its own
 * holding {@link PageTest}'s reports: a report uploaded through the page here adds to the list and the summary,
 * which PageTest counts.
 */
class PageReadingNotesTest extends PageSession {
  private Map<String, String> reportIds;
  private Path files;

  @BeforeAll
  void storeTheReports(@TempDir Path files) throws Exception {
    this.files = files;
    reportIds = storeThroughTheBucket(new PageFiles(files));
  }

  @Test
  void readingNotesAreListedApartMutedAndNeverCountedAsWarnings() throws Exception {
    // seed 002 prints its zeros run together: 23 reading notes (how they were split), no problem of the report
    go("#/upload");
    browser.driver.findElement(By.id("file-input")).sendKeys(new PageFiles(files).seed(PageFiles.SEED_002).toString());
    WebElement done = browser.until(Duration.ofSeconds(90), d -> {
      List<WebElement> li = browser.all("li.upload.done[data-file='" + PageFiles.SEED_002 + "']");
      return li.isEmpty() ? null : li.get(0);
    });
    assertTrue(done.getText().contains("错误 0 · 警告 0 · 读取说明 23"), done.getText());
    String href = done.findElement(By.cssSelector("a.report-link")).getAttribute("href");
    String id = href.substring(href.indexOf("#/reports/") + "#/reports/".length());

    go("#/reports/" + id);
    assertEquals("未发现问题。", text("#findings .callout"));
    assertTrue(text("#findings-title").contains("错误 0 · 警告 0"), text("#findings-title"));
    assertTrue(browser.all("#findings > ol.findings").isEmpty(), "no problems listed");
    WebElement notes = browser.waitFor("#reading-notes");
    assertTrue(notes.getText().contains("读取说明") && notes.getText().contains("23 条 · 不是报告的问题"), notes.getText());
    assertTrue(browser.all("#reading-notes details[open]").isEmpty(), "folded until asked for");
    browser.waitFor("#reading-notes summary").click();
    assertTrue(text("#reading-notes").contains("不是报告本身的问题，不计入错误或警告"), text("#reading-notes"));
    List<WebElement> items = browser.all("#reading-notes li.finding");
    assertEquals(23, items.size());
    for (WebElement li : items) {
      assertTrue(li.getAttribute("class").contains("sev-note"), li.getAttribute("class"));
      assertEquals("读取说明", li.findElement(By.cssSelector(".badge")).getText());
    }
    assertTrue(items.get(0).getText().contains("按表内勾稽关系取为"), items.get(0).getText());
    // how a row was read, in words that do not blame the agency: never "应为 … 实为 …"
    assertTrue(items.get(0).getText().contains("读取为 0 0 0 0 0 0 0；原文印为 0 0 0 0 0 0 0 0")
        && !items.get(0).getText().contains("应为"), items.get(0).getText());
    // in the tables: a muted mark and a count of notes, never "发现"
    WebElement cell = browser.waitFor("td[data-cell='三|partiallyGranted|total']");
    assertTrue(cell.getAttribute("class").contains("mark-note"), cell.getAttribute("class"));
    String sectionHead = text("#sec-三 h2");
    assertTrue(sectionHead.contains("22 条读取说明") && !sectionHead.contains("条发现"), sectionHead);
    browser.screenshot("17-detail-reading-notes");
    browser.screenshot("18-detail-reading-notes-phone", 390);
    axe("报告详情（读取说明）");

    // 新乡县 2022 has warnings (13 rows printing only a total) and one note (the checks its blanks prevented): apart
    go("#/reports/" + reportIds.get(PageFiles.SEED_003));
    assertTrue(text("#findings-title").contains("警告 13"), text("#findings-title"));
    assertEquals(13, browser.all("#findings > ol.findings li.finding.sev-warning").size());
    assertTrue(browser.all("#findings > ol.findings li.sev-note").isEmpty(), "notes never among the findings");
    assertTrue(text("#reading-notes summary").contains("1 条"), text("#reading-notes summary"));

    // the list counts them in a column of their own
    go("#/reports");
    WebElement row = browser.waitFor("tr[data-report='" + id + "']");
    List<WebElement> nums = row.findElements(By.cssSelector("td.num"));
    assertEquals(List.of("0", "0", "23"), List.of(nums.get(1).getText(), nums.get(2).getText(), nums.get(3).getText()));

    // the overview's chart counts problems only: S2's bar is the warnings, the notes are said apart
    JsonNode summary = api("/summary");
    int s2Warnings = summary.path("findingsByRule").path("S2").asInt() - summary.path("notesByRule").path("S2").asInt();
    assertTrue(summary.path("notes").asInt() >= 25 && s2Warnings >= 13, summary.toString());
    go("#/");
    browser.until(d -> browser.all("#chart-rules canvas").size() == 1 ? true : null);
    String rows = (String) browser.js("return [...document.querySelectorAll('#chart-title-rules ~ * table tbody tr, "
        + "section[aria-labelledby=chart-title-rules] table tbody tr')].map(r => r.textContent).join('|')");
    assertTrue(rows.contains("S2") && rows.contains(Integer.toString(s2Warnings)), rows);
    String line = text(".notes-line");
    assertTrue(line.contains("另有 " + summary.path("notes").asInt() + " 条读取说明") && line.contains("不计入警告"), line);
    browser.screenshot("19-overview-notes-apart");
  }
}
