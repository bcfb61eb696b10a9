package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Scans end to end in the local stack of template.yaml, on this machine's Tesseract: a report's PDF rasterised
 * (200 dpi, greyscale) into a PDF of page images → the bucket → ingest hands it to the OCR function (the image
 * function, run from its handler command) → DynamoDB → {@code GET /reports/{id}}, with the values of the text-layer
 * read and {@code source.reader} naming the engine; and a scan handed off after every page, which still completes
 * with each page recognised once. Three pages a scan: OCR costs seconds per page, and CI's time is counted.
 */
class ScanEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOCUMENT = TemplateRunnerWiringTest.ROOT
      .resolve("functions/core/src/test/resources/documents/003_978a9fff42e671ca.pdf");
  private final List<String> log = new CopyOnWriteArrayList<>();
  private TemplateRunner stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private void start(Map<String, String> parameters) {
    StackOptions options = StackOptions.throwaway(TemplateRunnerWiringTest.ROOT,
        TemplateRunnerWiringTest.ROOT.resolve("template.yaml")).buildPage(false).log(line -> {
          log.add(line);
          System.err.println(line);
        });
    parameters.forEach(options::parameter);
    stack = TemplateRunner.start(options);
  }

  /** The document's pages rendered as a scanner would give them, in a PDF with no text layer. */
  static byte[] scanned(Path pdf, float dpi) throws IOException {
    try (PDDocument original = Loader.loadPDF(pdf.toFile()); PDDocument scan = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(original);
      for (int i = 0; i < original.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
        PDRectangle size = original.getPage(i).getMediaBox();
        PDPage page = new PDPage(size);
        scan.addPage(page);
        PDImageXObject picture = LosslessFactory.createFromImage(scan, image);
        try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
          content.drawImage(picture, 0, 0, size.getWidth(), size.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    }
  }

  /** Seed 003's PDF, scanned, put at {@code key}; its upload status once read, and the states it showed before. */
  private JsonNode uploadScan(String key, List<String> states) throws IOException {
    stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key(key),
        RequestBody.fromBytes(scanned(DOCUMENT, 200)));
    return awaitIngested(key, states);
  }

  /** The report as {@code GET /reports/{id}} serves it (docs/FORMAT.md's JSON). */
  private JsonNode served(JsonNode status) {
    return Http.json(Http.get(stack.apiUrl() + "/reports/" + status.path("reportId").asText())).path("report");
  }

  /** The upload status until it is INGESTED, and every state it showed on the way. */
  private JsonNode awaitIngested(String key, List<String> states) {
    return Http.await(stack.apiUrl() + "/uploads/status?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
        s -> {
          String state = s.path("state").asText() + " " + s.path("reason").asText("");
          if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
            states.add(state);
          }
          return s.path("state").asText().equals("INGESTED") || s.path("state").asText().equals("REJECTED");
        }, Duration.ofSeconds(240));
  }

  /** Every number in the three tables, by its path (proactive.…, applications.…, reviewAndLitigation.…). */
  private static Map<String, String> tableValues(JsonNode report) {
    Map<String, String> values = new TreeMap<>();
    for (String table : List.of("proactive", "applications", "reviewAndLitigation")) {
      collect(table, report.path(table), values);
    }
    return values;
  }

  private static void collect(String path, JsonNode node, Map<String, String> out) {
    if (node.isNumber()) {
      out.put(path, node.decimalValue().stripTrailingZeros().toPlainString());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), out);
      }
    }
  }

  @Test
  void aScannedPdfIsReadByTheOcrFunctionAndServedWithTheValuesItPrints() throws Exception {
    start(Map.of());
    byte[] pdf = Files.readAllBytes(DOCUMENT);
    JsonNode asPrinted = JSON.readTree(ReportJson.write(ReportReader.read(pdf, DOCUMENT.getFileName().toString())));
    List<String> states = new ArrayList<>();
    JsonNode status = uploadScan("uploads/scans/003-扫描件.pdf", states);

    assertEquals("INGESTED", status.path("state").asText(), status + " after " + states);
    assertTrue(states.stream().anyMatch(s -> s.startsWith("RECOGNISING 文字识别中")),
        "the upload status showed the recognition's progress: " + states);
    JsonNode report = served(status);
    assertTrue(report.path("source").path("reader").asText().startsWith("ocr/3+tesseract"), report.path("source")
        .toString());
    assertEquals(asPrinted.path("agency").asText(), report.path("agency").asText());
    assertEquals(asPrinted.path("year").asInt(), report.path("year").asInt());
    // every value read from the pixels is the one the text layer prints (an unsure cell would be null, never
    // another number), and as many come through as the reader reads on this scan (functions/ocr README, measured)
    Map<String, String> printed = tableValues(asPrinted);
    Map<String, String> recognised = tableValues(report);
    List<String> wrong = new ArrayList<>();
    recognised.forEach((path, value) -> {
      if (!value.equals(printed.get(path))) {
        wrong.add(path + ": " + value + " ≠ " + printed.get(path));
      }
    });
    assertEquals(List.of(), wrong);
    long right = printed.keySet().stream().filter(recognised::containsKey).count();
    assertEquals(RIGHT_VALUES, right, "values read of " + printed.size() + "; null where printed: "
        + printed.keySet().stream().filter(p -> !recognised.containsKey(p)).toList());
    // and the table rules come to the same verdicts as on the text layer
    assertEquals(tableRuleVerdicts(asPrinted), tableRuleVerdicts(report));
  }

  /** Values of seed 003's tables the scan at 200 dpi gives, all right (of 121 printed; measured 2026-12-08). */
  private static final long RIGHT_VALUES = 121;

  /** The table rules' findings (B1–C1): rule, severity and where. */
  private static Set<String> tableRuleVerdicts(JsonNode report) {
    Set<String> verdicts = new java.util.TreeSet<>();
    report.path("findings").forEach(f -> {
      if (Set.of("B1", "B2", "B3", "C1").contains(f.path("rule").asText())) {
        verdicts.add(f.path("rule").asText() + " " + f.path("severity").asText() + " " + f.path("location"));
      }
    });
    return verdicts;
  }

  @Test
  void aScanHandedOffAfterEveryPageStillCompletesWithEachPageRecognisedOnce() throws Exception {
    // a reserve as long as the function's timeout: after each page, the time left is below the margin
    start(Map.of("OcrHandOffReserveSeconds", "899"));
    String key = "uploads/scans/handed-off.pdf";
    List<String> states = new ArrayList<>();
    JsonNode status = uploadScan(key, states);

    assertEquals("INGESTED", status.path("state").asText(), status + " after " + states);
    List<String> pages = log.stream().filter(l -> l.contains(key) && l.contains("recognised in")).toList();
    List<String> handoffs = log.stream().filter(l -> l.contains(key) && l.contains("handed off after")).toList();
    assertEquals(3, pages.size(), "each of the 3 pages recognised once: " + pages);
    Set<String> which = new java.util.TreeSet<>();
    pages.forEach(l -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("page (\\d) of 3").matcher(l);
      which.add(m.find() ? m.group(1) : l);
    });
    assertEquals(Set.of("1", "2", "3"), which);
    assertEquals(2, handoffs.size(), "handed off after pages 1 and 2: " + handoffs);
    assertTrue(served(status).path("source").path("reader").asText().startsWith("ocr/3+tesseract"));
  }
}
