package nianbao.frontend;

import static nianbao.frontend.PageFiles.XSS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page on a stack of its own that starts empty: the overview before any report (and the first load's size),
 * then uploads through the page itself. The views of stored reports are {@link PageTest}'s, on reports it stores
 * without the page, so that none of them waits for, or fails with, these.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageUploadTest extends PageSession {
  static final long BUDGET = 300 * 1024;

  @TempDir
  Path files;

  @Test
  @Order(1) // the empty page must be seen before the upload test stores anything; neither needs the other to pass
  void overviewBeforeAnyReportSaysSoAndStaysWithinItsFirstLoadBudget() throws IOException {
    go("#/");
    String empty = text("#main .state.empty");
    assertTrue(empty.contains("还没有报告"), empty);
    assertEquals("zh-CN", browser.js("return document.documentElement.lang"));
    assertEquals("page", browser.waitFor("#nav a[data-nav=overview]").getAttribute("aria-current"));
    noCspViolations();

    // first load of 总览: what the browser fetched from the page's origin, gzip'd
    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) browser.js("return [location.href.split('#')[0]].concat("
        + "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.startsWith(location.origin)))");
    long total = 0;
    StringBuilder lines = new StringBuilder();
    for (String url : urls) {
      String path = URI.create(url).getPath();
      Path file = path.equals("/") ? frontend.resolve("dist/index.html") : frontend.resolve("dist" + path);
      if (!Files.isRegularFile(file)) {
        continue; // config.json: written by the stack, a few dozen bytes
      }
      long gz = gzipSize(Files.readAllBytes(file));
      total += gz;
      lines.append(String.format("%8d  %s%n", gz, path));
    }
    System.out.printf("first load of 总览, gzip:%n%s%8d  total (budget %d)%n", lines, total, BUDGET);
    assertTrue(urls.stream().anyMatch(u -> u.contains("/assets/overview-")), "the overview chunk was loaded: " + urls);
    assertTrue(total <= BUDGET, "first load of 总览 is " + total + " bytes gzip'd, over " + BUDGET);
    browser.screenshot("01-overview-empty");
    axe("总览（无报告）");
  }


  @Test
  @Order(2)
  void uploadsManyFilesThroughThePageAndRefusesWhatCannotBeRead() throws IOException {
    go("#/upload");
    assertTrue(text("#main").contains("无需登录"), "no sign-in on the local stack");
    PageFiles made = new PageFiles(files);
    List<Path> good = made.reports();
    Path notAReport = made.notAReport();
    List<Path> refused = List.of(made.oversized(), made.unsupported());
    Map<String, String> reportIds = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    good.forEach(p -> paths.add(p.toString()));
    paths.add(notAReport.toString());
    refused.forEach(p -> paths.add(p.toString()));
    WebElement input = browser.driver.findElement(By.id("file-input"));
    input.sendKeys(String.join("\n", paths));

    browser.until(Duration.ofSeconds(90), d -> browser.all("li.upload.done").size() == good.size()
        && browser.all("li.upload.rejected").size() == 1 ? true : null);
    List<WebElement> items = browser.all("li.upload");
    assertEquals(good.size() + 1 + refused.size(), items.size());
    for (WebElement li : items) {
      String name = li.getAttribute("data-file");
      if (li.getAttribute("class").contains("rejected")) {
        assertEquals("不是报告.txt", name);
        String state = li.findElement(By.cssSelector(".up-state")).getText();
        assertTrue(state.contains("未能识别为年度报告："), state);
        assertTrue(state.length() > "未能识别 未能识别为年度报告：".length() + 2, "the reason is given: " + state);
        continue;
      }
      if (li.getAttribute("class").contains("refused")) {
        String state = li.findElement(By.cssSelector(".up-state")).getText();
        if (name.endsWith(".pdf")) {
          assertTrue(state.contains("文件过大") && state.contains("20 MB"), state);
        } else {
          assertTrue(state.contains("不支持的文件类型"), state);
        }
        continue;
      }
      WebElement link = li.findElement(By.cssSelector("a.report-link"));
      String href = link.getAttribute("href");
      reportIds.put(name, href.substring(href.indexOf("#/reports/") + "#/reports/".length()));
    }
    assertEquals(good.size(), reportIds.size(), reportIds.toString());
    // drag and drop: a drop event carrying a file reaches the same queue (an old Word file: refused at once)
    browser.js("const dt = new DataTransfer();"
        + "dt.items.add(new File(['doc'], '旧文档.doc', {type: 'application/msword'}));"
        + "const zone = document.getElementById('dropzone');"
        + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
        + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
    WebElement dropped = browser.waitFor("li.upload[data-file='旧文档.doc']");
    assertTrue(dropped.getText().contains("不支持的文件类型"), dropped.getText());

    // the hostile file name is shown as text: no image made of it
    assertTrue(browser.all("main img").isEmpty());
    assertTrue(text("#main").contains(XSS + ".txt"));
    browser.screenshot("02-upload");
    axe("上传");
    noCspViolations();
  }


  @Test
  @Order(3)
  void anUploadThatReplacesAReportsCurrentVersionSaysSoOnItsCard() throws IOException {
    go("#/upload");
    Path again = java.nio.file.Files.writeString(files.resolve("新乡县（再次更正）.txt"),
        nianbao.fixtures.SeedReports.text(PageFiles.SEED_003).stripTrailing() + "\n本报告于次年四月再次更正。\n",
        java.nio.charset.StandardCharsets.UTF_8);
    browser.driver.findElement(By.id("file-input")).sendKeys(again.toString());
    WebElement card = browser.waitFor("li.upload.done[data-file='新乡县（再次更正）.txt']");
    String state = card.findElement(By.cssSelector(".up-state")).getText();
    assertTrue(state.contains("替换了 ") && state.contains("的当前版本"), state);
    noCspViolations();
  }

  private static long gzipSize(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(9);
      }
    }) {
      gz.write(bytes);
    }
    return out.size();
  }
}
