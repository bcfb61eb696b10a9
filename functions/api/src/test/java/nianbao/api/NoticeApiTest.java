package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nianbao.core.document.Block;
import nianbao.core.document.Document;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rectification notices through the API, on DynamoDB Local: a notice lists the confirmed findings only, with the
 * template's labels, escaped; GET changes nothing; POST records it and makes the report NOTIFIED (409 before every
 * error is decided); the DOCX is a Word document core's reader and LibreOffice both read; {@code /notices} puts
 * every report of a filter in one document.
 */
class NoticeApiTest {
  static ApiStack stack;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  static String id;

  @BeforeAll
  static void start() {
    stack = new ApiStack().withSeedsAndB1Errors();
    id = stack.get("/reports?status=HAS_ERRORS&agency=" + ApiStack.enc("新乡县") + "&year=2022").json()
        .path("items").get(0).path("id").asText();
  }

  static List<JsonNode> findings(String severity) {
    List<JsonNode> out = new ArrayList<>();
    stack.get("/reports/" + id + "/findings?severity=" + severity).json().path("findings").forEach(out::add);
    return out;
  }

  static void decide(JsonNode finding, String decision) {
    ApiStack.Call c = stack.call("PUT", "/reports/" + id + "/findings/" + finding.path("fingerprint").asText()
        + "/review", JSON, "{\"decision\":\"" + decision + "\",\"reason\":\"核对原文\"}");
    assertEquals(200, c.status(), c.body());
  }

  @Test
  void aNoticeListsTheConfirmedProblemsOnlyAndIssuingItMakesTheReportNotified() throws Exception {
    List<JsonNode> errors = findings("error");
    assertTrue(errors.size() >= 2, "B1 in two columns: " + errors);
    assertEquals(409, stack.get("/reports/" + id + "/notice").status(), "nothing confirmed yet");
    decide(errors.get(0), "confirmed");
    assertEquals(409, stack.call("POST", "/reports/" + id + "/notice", JSON, "{}").status(),
        "an error still waits for a decision");
    for (JsonNode e : errors.subList(1, errors.size())) {
      decide(e, "dismissed");
    }
    long revision = stack.get("/reports/" + id).json().path("revision").asLong();

    ApiStack.Call page = stack.get("/reports/" + id + "/notice?note=" + ApiStack.enc("<b>请</b>核对 & 重报")
        + "&deadline=2027-03-31&issuer=" + ApiStack.enc("新乡市人民政府办公室"));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
    String html = page.body();
    assertTrue(html.contains("新乡县人民政府："), "addressed to the agency");
    assertTrue(html.contains("请于2027年3月31日前"), html);
    assertTrue(html.contains("新乡市人民政府办公室"));
    assertTrue(html.contains("&lt;b&gt;请&lt;/b&gt;核对 &amp; 重报"), "the note escaped");
    assertFalse(html.contains("<b>请"));
    assertTrue(html.contains("三、收到和处理政府信息公开申请情况"), "the table as the template heads it");
    assertTrue(html.contains(errors.get(0).path("expected").asText()));
    assertTrue(html.contains("申请表勾稽关系"), "the rule's wording");
    assertEquals(1, count(html, "<tr><td>"), "the confirmed finding only, never the dismissed ones");
    assertEquals(revision, stack.get("/reports/" + id).json().path("revision").asLong(), "GET changes nothing");
    assertEquals("REVIEWED", stack.get("/reports/" + id).json().path("reviewState").asText());

    ApiStack.Call issued = stack.call("POST", "/reports/" + id + "/notice", JSON,
        "{\"deadline\":\"2027-03-31\",\"issuer\":\"新乡市人民政府办公室\",\"note\":\"请核对\"}");
    assertEquals(201, issued.status(), issued.body());
    assertEquals("NOTIFIED", issued.json().path("reviewState").asText());
    assertEquals(List.of(errors.get(0).path("fingerprint").asText()),
        List.of(issued.json().path("notice").path("fingerprints").get(0).asText()));
    assertEquals("NOTIFIED", stack.get("/reports/" + id).json().path("reviewState").asText());
    assertTrue(stack.get("/reports?review=NOTIFIED").body().contains(id));
    assertEquals(1, stack.get("/summary").json().path("byReviewState").path("NOTIFIED").asInt());
    // printed again later: the recorded notice's deadline, office and note
    String again = stack.get("/reports/" + id + "/notice").body();
    assertTrue(again.contains("请于2027年3月31日前") && again.contains("审核意见：请核对"), again);

    ApiStack.Call docx = stack.get("/reports/" + id + "/notice?format=docx");
    assertEquals(200, docx.status());
    assertTrue(docx.base64(), "a binary answer");
    assertTrue(docx.header("Content-Type").startsWith("application/vnd.openxmlformats"));
    assertTrue(docx.header("Content-Disposition").startsWith("attachment"));
    String text = text(DocumentReaders.read(docx.bytes()));
    assertTrue(text.contains("新乡县人民政府：") && text.contains("请于2027年3月31日前") && text.contains("申请表勾稽关系"),
        text);
    assertTrue(text.contains("新乡市人民政府办公室"));
    assertPdfByLibreOffice(docx.bytes(), "请于2027年3月31日前");

    ApiStack.Call all = stack.get("/notices?province=" + ApiStack.enc("河南省") + "&review=NOTIFIED");
    assertEquals(200, all.status(), all.body());
    assertEquals(1, count(all.body(), "<section class=\"notice\""));
    assertEquals(404, stack.get("/notices?review=RECTIFIED").status());
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  static String text(Document d) {
    StringBuilder b = new StringBuilder();
    for (Block block : d.blocks()) {
      if (block instanceof Paragraph p) {
        b.append(p.text()).append('\n');
      } else if (block instanceof Table t) {
        t.rows().forEach(r -> b.append(String.join("|", r)).append('\n'));
      }
    }
    return b.toString();
  }

  /** LibreOffice opens the document and prints it to PDF (where LibreOffice is installed: CI and this machine). */
  static void assertPdfByLibreOffice(byte[] docx, String expected) throws Exception {
    Path soffice = Path.of("/usr/bin/soffice");
    Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed");
    Path dir = Files.createTempDirectory("notice");
    Files.write(dir.resolve("notice.docx"), docx);
    Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"),
        "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), dir.resolve("notice.docx").toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "LibreOffice took too long");
    Path pdf = dir.resolve("notice.pdf");
    assertTrue(Files.size(pdf) > 1000, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    String text = text(DocumentReaders.read(Files.readAllBytes(pdf))).replaceAll("\\s+", "");
    assertTrue(text.contains(expected), text);
  }
}
