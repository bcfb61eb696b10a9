package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.core.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scans of real reports read by this machine's Tesseract, end to end: no cell may be wrong (an unsure one is null),
 * no table-rule error may be raised that the report does not have, and nearly every cell is read. The full set is
 * measured by the benchmark program (functions/benchmarks, {@code OcrCorpusBenchmark}).
 */
class ScanCorpusTest {
  private static TesseractRecogniser recogniser;
  private static final List<ScanCorpus.Result> RESULTS = new ArrayList<>();

  @BeforeAll
  static void engine() throws OcrException {
    recogniser = new TesseractRecogniser();
  }

  @TestFactory
  Stream<DynamicTest> scans() {
    return ScanCorpus.IN_TESTS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      ScanCorpus.Result r = ScanCorpus.read(name, recogniser);
      synchronized (RESULTS) {
        RESULTS.add(r);
      }
      assertEquals(List.of(), r.score().wrong(), "wrong cells");
      assertEquals(List.of(), r.score().falseErrors(), "false table-rule errors");
      // clean scans: the 99 %; the rough photo-like set (seal over a table, JPEG-blurred 1s): 90 %
      double floor = name.contains(".rough.") ? 0.9 : 0.99;
      assertTrue(r.score().right() >= floor * r.score().printed(), "cells right: " + r.score().right() + " of "
          + r.score().printed() + ", null: " + r.score().nullWherePrinted());
      assertTrue(r.report().source().reader().startsWith(ScanReader.VERSION + "+tesseract-"), r.report().source().reader());
      r.report().evidence().values().forEach(e -> assertTrue(e.page() != null && e.box() != null,
          "each value's page and box: " + e));
      assertTrue(r.report().evidence().values().stream().anyMatch(e -> e.confidence() != null),
          "values read by OCR carry their confidence");
      r.report().findings().stream().filter(f -> f.rule().equals("S2") && f.message().contains("文字识别"))
          .forEach(f -> assertEquals(Severity.NOTE, f.severity()));
    }));
  }

  @AfterAll
  static void print() {
    StringBuilder out = new StringBuilder("Scan corpus (this machine, OMP_THREAD_LIMIT=1):\n")
        .append(ScanCorpus.HEADER).append('\n');
    RESULTS.forEach(r -> out.append(r.line()).append('\n'));
    System.out.println(out);
  }
}
