package nianbao.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Report;
import nianbao.core.model.Source;

/** Try-out: java OcrProbe FILE EXPECTED.json — reads a scan and scores it. */
public final class OcrProbe {
  static String expectedCell(JsonNode expected, nianbao.core.model.Location l) {
    JsonNode n;
    switch (l.section()) {
      case "三" -> n = expected.path("applications").path("rows").path(l.row()).path(
          nianbao.core.model.Applications.COLUMNS.indexOf(l.column()));
      case "四" -> n = expected.path("reviewAndLitigation").path(l.row()).path(l.column());
      default -> {
        n = expected.path("proactive").path(l.row());
        if (l.column() != null) {
          n = n.path(l.column());
        }
      }
    }
    return n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    TesseractRecogniser recogniser = new TesseractRecogniser();
    List<RecognisedPage> pages = new ArrayList<>();
    String format;
    try (PageSource source = ScanInputs.pages(bytes, args[0])) {
      format = source.format();
      for (int n = 1; n <= source.count(); n++) {
        RecognisedPage p = recogniser.recognise(source.page(n));
        System.err.println("page " + n + ": " + p.millis() + " ms, " + p.words().size() + " words, "
            + p.rulings().size() + " rulings");
        pages.add(p);
      }
    }
    if (System.getenv("PROBE_BLOCKS") != null) {
      List<nianbao.core.document.layout.PageLayout> layouts = new ArrayList<>();
      for (RecognisedPage p : pages) {
        layouts.add(nianbao.core.document.layout.PageLayout.of(p.words(), p.rulings(), p.heightPt()));
      }
      for (nianbao.core.document.Block b : nianbao.core.document.layout.PageFlow.blocks(layouts)) {
        if (b instanceof nianbao.core.document.Table t) {
          t.rows().forEach(r -> System.out.println("  | " + String.join(" | ", r)));
        } else {
          System.out.println(((nianbao.core.document.Paragraph) b).text());
        }
      }
    }
    Report raw = ScanReader.recognise(pages, new Source(args[0], ReportReader.sha256(bytes), format, null,
        ScanReader.reader(recogniser)));
    JsonNode expected0 = ReportMapper.MAPPER.readTree(Path.of(args[1]).toFile());
    JsonNode rawJson = ReportMapper.MAPPER.readTree(ReportJson.write(raw));
    for (var e : raw.evidence().entrySet()) {
      var l = UnsureCells.location(e.getKey());
      String got = nianbao.core.review.ReportCells.get(raw, l);
      String want = expectedCell(expected0, l);
      System.out.println("CONF\t" + e.getValue().confidence() + "\t" + (String.valueOf(want).equals(got) ? "right"
          : "WRONG") + "\t" + e.getKey() + "\t" + got + "\t" + want + "\t" + args[0]);
    }
    Report report = UnsureCells.blanked(raw, UnsureCells.MIN_CONFIDENCE);
    String json = ReportJson.write(report);
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), json);
    }
    JsonNode expected = ReportMapper.MAPPER.readTree(Path.of(args[1]).toFile());
    CellScore score = CellScore.of(expected, ReportMapper.MAPPER.readTree(json), report.findings());
    System.out.println("right " + score.right() + " wrong " + score.wrong().size() + " null "
        + score.nullWherePrinted().size());
    score.wrong().forEach(w -> System.out.println("  WRONG " + w));
    score.nullWherePrinted().forEach(w -> System.out.println("  null " + w));
    System.out.println("false errors " + score.falseErrors() + " missed " + score.missedFindings());
    report.findings().forEach(f -> System.out.println("  " + f.rule() + " " + f.severity() + " " + f.message()));
  }
}
