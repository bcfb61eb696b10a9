package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Uploads through the page that take the OCR function and the batch path of the local stack: a scan, whose card
 * says 文字识别中 k/n 页 while its pages are recognised and then links its report; and a ZIP of documents, whose card
 * lists each document with its own state and report. The stack runs this machine's Tesseract (three pages: OCR
 * costs seconds a page, and CI's time is counted).
 */
class PageScanUploadTest extends PageSession {
  /** Seed 003 rasterised at 200 dpi, three page images in a ZIP (functions/ocr's fixture). */
  private static final String SCAN = "functions/ocr/src/test/resources/scans/003_978a9fff42e671ca.200.zip";

  @TempDir
  Path files;

  private String state(WebElement card) {
    return card.findElement(By.cssSelector(".up-state")).getText();
  }

  @Test
  void aScanShowsItsRecognitionPageByPageAndThenItsReport() throws IOException {
    go("#/upload");
    Path scan = Files.copy(root.resolve(SCAN), files.resolve("新乡县扫描件.zip"));
    browser.driver.findElement(By.id("file-input")).sendKeys(scan.toString());
    WebElement card = browser.waitFor("li.upload[data-file='新乡县扫描件.zip']");

    // the card follows the recognition: at least one page-by-page state, then the report
    List<String> seen = new ArrayList<>();
    browser.until(Duration.ofSeconds(600), d -> {
      String s = state(card);
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)) {
        seen.add(s);
      }
      return card.getAttribute("class").contains("done") || card.getAttribute("class").contains("rejected")
          ? true : null;
    });
    assertTrue(seen.stream().anyMatch(s -> s.matches(".*文字识别中 [123]/3 页.*")), "states shown: " + seen);
    assertTrue(card.getAttribute("class").contains("done"), "states shown: " + seen);
    String href = card.findElement(By.cssSelector("a.report-link")).getAttribute("href");
    browser.screenshot("scan-upload");

    // the report it links is the scan's, read by OCR
    browser.driver.get(href);
    browser.until(Duration.ofSeconds(30), d -> text("#main").contains("新乡县人民政府") ? true : null);
    noCspViolations();
  }

  @Test
  void aZipOfDocumentsListsEachDocumentWithItsOwnStateAndReport() throws IOException {
    go("#/upload");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (String[] entry : new String[][] {
          {"新乡县/2022年报.txt", SeedReports.text(PageFiles.SEED_003)},
          {"另一机关.txt", SeedReports.text(PageFiles.SEED_000)},
          {"说明.txt", "这不是一份年度报告，只是一段说明。"}}) {
        zip.putNextEntry(new ZipEntry(entry[0]));
        zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    Path batch = Files.write(files.resolve("全县报告.zip"), bytes.toByteArray());
    browser.driver.findElement(By.id("file-input")).sendKeys(batch.toString());

    WebElement card = browser.until(Duration.ofSeconds(180), d -> {
      List<WebElement> done = browser.all("li.upload.done[data-file='全县报告.zip']");
      return done.isEmpty() ? null : done.get(0);
    });
    List<WebElement> entries = card.findElements(By.cssSelector("ol.up-entries li.up-entry"));
    assertEquals(3, entries.size(), card.getText());
    int reports = 0;
    for (WebElement e : entries) {
      String name = e.findElement(By.cssSelector(".up-entry-name")).getText();
      if (name.equals("说明.txt")) {
        assertTrue(e.getAttribute("class").contains("up-entry-rejected") && e.getText().contains("："),
            "the note is refused with its reason: " + e.getText());
      } else {
        assertTrue(e.getAttribute("class").contains("up-entry-ingested"), e.getText());
        assertTrue(e.findElement(By.cssSelector("a.report-link")).getAttribute("href").contains("#/reports/"));
        reports++;
      }
    }
    assertEquals(2, reports);
    browser.screenshot("batch-upload");
    axe("上传（压缩包）");
    noCspViolations();
  }
}
