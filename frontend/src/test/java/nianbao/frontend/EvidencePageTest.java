package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Where a value came from, in real Chromium against a local stack of its own: a text report's cell opened by a click
 * shows the printed line with the value marked; a PDF report's cell, opened from the keyboard, shows the region of its
 * page drawn by pdf.js from the source file, the value's box outlined.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidencePageTest extends PageSession {
  private final Map<String, String> reportIds = new LinkedHashMap<>();

  @Test
  @Order(1)
  void uploadATextReportAndAPdfReport() {
    List<Path> files = List.of(root.resolve("infrastructure/local/samples/003_978a9fff42e671ca.txt"),
        root.resolve("functions/core/src/test/resources/documents/pingtan-2022.pdf"));
    go("#/upload");
    browser.driver.findElement(By.id("file-input"))
        .sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
    browser.until(Duration.ofSeconds(120), d -> browser.all("li.upload.done").size() == files.size() ? true : null);
    for (WebElement li : browser.all("li.upload.done")) {
      String href = li.findElement(By.cssSelector("a.report-link")).getAttribute("href");
      reportIds.put(li.getAttribute("data-file"), href.substring(href.indexOf("#/reports/") + "#/reports/".length()));
    }
    assertEquals(2, reportIds.size(), reportIds.toString());
  }

  @Test
  @Order(2)
  void aTextValueShowsItsLineWithTheValueMarked() throws IOException {
    go("#/reports/" + reportIds.get("003_978a9fff42e671ca.txt"));
    WebElement cell = browser.waitFor("td[data-evidence='三/newReceived/total']");
    assertEquals("13", cell.getText());
    cell.click();
    WebElement panel = browser.waitFor(".evidence-panel");
    assertTrue(panel.getText().contains("数值出处"), panel.getText());
    assertTrue(panel.getText().contains("原文第"), "the offset in the source: " + panel.getText());
    WebElement excerpt = panel.findElement(By.cssSelector(".evidence-excerpt"));
    assertTrue(excerpt.getText().contains("13"), excerpt.getText());
    assertEquals("13", excerpt.findElement(By.tagName("mark")).getText());
    browser.screenshot("evidence-text");
    // Escape closes it and gives the focus back to the cell
    panel.sendKeys(Keys.ESCAPE);
    browser.until(d -> browser.all(".evidence-panel").isEmpty() ? true : null);
    assertEquals("三/newReceived/total", browser.js("return document.activeElement.dataset.evidence"));
    assertEquals(List.of(), browser.seriousViolations(), "axe-core on the detail view with evidence");
  }

  @Test
  @Order(3)
  void aPdfValueShowsItsPageRegionDrawnFromTheSource() throws IOException {
    go("#/reports/" + reportIds.get("pingtan-2022.pdf"));
    WebElement cell = browser.waitFor("td[data-evidence='三/newReceived/total']");
    String value = cell.getText();
    browser.js("arguments[0].focus()", cell);
    cell.sendKeys(Keys.ENTER);
    WebElement panel = browser.waitFor(".evidence-panel");
    assertTrue(panel.getText().contains("第 ") && panel.getText().contains(" 页"), panel.getText());
    browser.until(Duration.ofSeconds(60), d -> !browser.all(".evidence-panel canvas.evidence-canvas").isEmpty()
        || !browser.all(".evidence-panel .callout.error").isEmpty() ? true : null);
    assertTrue(browser.all(".evidence-panel .callout.error").isEmpty(),
        () -> browser.all(".evidence-panel .callout.error").get(0).getText());
    WebElement canvas = panel.findElement(By.cssSelector("canvas.evidence-canvas"));
    long width = ((Number) browser.js("return arguments[0].width", canvas)).longValue();
    assertTrue(width > 100, "a region of the page, not a dot: " + width);
    // the region is drawn: not a blank canvas (some pixels are dark: the page's text and the outline)
    Object dark = browser.js("const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] < 100 && d[i + 1] < 100) n++; } return n;", canvas);
    assertTrue(((Number) dark).longValue() > 50, "dark pixels: " + dark);
    assertEquals(value, panel.findElement(By.cssSelector(".evidence-excerpt mark")).getText());
    browser.screenshot("evidence-pdf");
    noCspViolations(); // pdf.js and its worker too
  }
}
