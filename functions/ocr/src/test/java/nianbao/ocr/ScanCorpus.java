package nianbao.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Report;
import nianbao.core.model.Source;

/**
 * The committed scans ({@code src/test/resources/scans}, made by {@code fixtures.MakeScans}) with the expectations
 * of the reports they were made from (core's corpus), read and scored: by {@code ScanCorpusTest} (a few, within the
 * test suite's budget of pages) and by the benchmark program (all of them).
 */
public final class ScanCorpus {
  /** Read by the test suite: 12 pages (clean 300 dpi PDF, 200 dpi PNGs, a rough photo-like set, text + pictures). */
  public static final List<String> IN_TESTS = List.of("003_978a9fff42e671ca.300.pdf", "000_dc7fa2148f231570.200.zip",
      "001_6b6d80a219e047ef.rough.zip", "003_978a9fff42e671ca.pictures.pdf");
  /** Every committed scan. */
  public static final List<String> ALL = List.of("003_978a9fff42e671ca.300.pdf", "000_dc7fa2148f231570.200.zip",
      "001_6b6d80a219e047ef.200.zip", "002_247cf08f496e631f.200.zip", "003_978a9fff42e671ca.200.zip",
      "004_966a26715276eb9e.200.zip", "pingtan-2022.200.zip", "001_6b6d80a219e047ef.rough.zip",
      "003_978a9fff42e671ca.rough.zip", "003_978a9fff42e671ca.pictures.pdf");

  /** One scan read: its score, pages, and the time recognition took (wall clock, all pages). */
  public record Result(String name, CellScore score, int pages, double seconds, Report report) {
    public String line() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %s | %s |", name, pages, score.right(),
          score.wrong().size(), score.nullWherePrinted().size(), pages == 0 ? 0 : seconds / pages,
          score.falseErrors().isEmpty() ? "–" : String.join("; ", score.falseErrors()),
          score.missedFindings().isEmpty() ? "–" : String.join(", ", score.missedFindings()));
    }
  }

  public static final String HEADER = "| scan | pages | cells right | wrong | null where printed | s/page "
      + "| false table-rule errors | missed |\n|---|---|---|---|---|---|---|---|";

  private ScanCorpus() {}

  public static byte[] bytes(String resource) {
    try (InputStream in = ScanCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + resource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the scan {@code name} and scores it against its report's expectation. */
  public static Result read(String name, PageRecogniser recogniser)
      throws UnreadableDocumentException, OcrException, IOException {
    byte[] bytes = bytes("/scans/" + name);
    long start = System.nanoTime();
    List<RecognisedPage> pages = new ArrayList<>();
    String format;
    try (PageSource source = ScanInputs.pages(bytes, name)) {
      format = source.format();
      for (int n = 1; n <= source.count(); n++) {
        pages.add(recogniser.recognise(source.page(n)));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Report report = ScanReader.read(pages, new Source(name, ReportReader.sha256(bytes), format, null,
        ScanReader.reader(recogniser)));
    JsonNode expected = ReportMapper.MAPPER.readTree(bytes("/expected/" + name.substring(0, name.indexOf('.'))
        + ".expected.json"));
    JsonNode actual = ReportMapper.MAPPER.readTree(ReportJson.write(report));
    return new Result(name, CellScore.of(expected, actual, report.findings()), pages.size(), seconds, report);
  }
}
