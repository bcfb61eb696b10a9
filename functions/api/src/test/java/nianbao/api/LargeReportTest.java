package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A report whose section 五 printed 80,000 lines (7.7 MB) was stored and counted, but GET /reports/{id} was a 500
 * without CORS (Lambda answers at most 6 MB). Now the report carries the section's beginning and says where the
 * rest is; the section route serves all of it, page by page (issue 17.2).
 */
class LargeReportTest {

  @Test
  void aReportWithAHugeSectionIsViewableAndItsWholeTextIsServedByPages() {
    ApiStack stack = new ApiStack();
    String seed = ApiStack.seedText(ApiStack.XINXIANG_2022);
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 80_000; i++) {
      lines.append("第").append(i).append("条：加强政务公开标准化规范化建设，持续提升政府网站和政务新媒体管理水平。\n");
    }
    int at = seed.indexOf("五、存在的主要问题及改进情况") + "五、存在的主要问题及改进情况".length();
    String text = seed.substring(0, at) + "\n" + lines + seed.substring(at);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertTrue(bytes.length > 7_000_000, "a document of " + bytes.length + " bytes");
    stack.upload("uploads/huge.txt", bytes);
    String id = stack.get("/reports?limit=1").json().path("items").get(0).path("id").asText();

    ApiStack.Call report = stack.get("/reports/" + id);
    assertEquals(200, report.status(), report.body().length() > 300 ? report.body().substring(0, 300) : report.body());
    assertTrue(report.body().getBytes(StandardCharsets.UTF_8).length < 2_000_000, "the report travels small");
    JsonNode truncated = report.json().path("report").path("sectionsTruncated").path("problems");
    int chars = truncated.path("chars").asInt();
    assertTrue(chars > lines.length(), truncated.toString());

    StringBuilder whole = new StringBuilder();
    String next = truncated.path("url").asText();
    int pages = 0;
    while (next != null) {
      ApiStack.Call page = stack.get(next);
      assertEquals(200, page.status(), page.body());
      assertTrue(page.header("Content-Type").startsWith("text/plain"));
      whole.append(page.body());
      String link = page.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
      pages++;
    }
    assertEquals(chars, whole.length());
    assertTrue(whole.toString().contains("第80000条") && pages >= 2, pages + " pages");
    assertTrue(whole.toString().startsWith(report.json().path("report").path("sections").path("problems").asText()));
  }
}
