package nianbao.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every filled cell says where it was read, and that place holds the printed value: seeds, renderings, corpus. */
class EvidenceTest {
  static Stream<String> seeds() {
    return SeedReports.NAMES.stream();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seedTextOffsetsHoldThePrintedDigits(String seed) throws Exception {
    byte[] bytes = SeedReports.bytes(seed);
    Report report = EvidenceCheck.read(bytes, seed + ".txt");
    EvidenceCheck.Checked checked = EvidenceCheck.check(report, bytes);
    assertTrue(checked.cells() > 100, "cells read: " + checked);
    assertEquals(checked.cells(), checked.byKind().getOrDefault("text", 0), "all text evidence: " + checked);
  }

  /** The seeds rendered as HTML, DOCX and PDF: every value from a table cell, a PDF's from a box on its page. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"html", "docx", "pdf"})
  void renderedSeedsPointAtTheirTableCells(String format) throws Exception {
    for (String seed : List.of("000_dc7fa2148f231570", "003_978a9fff42e671ca", "pingtan-2022")) {
      byte[] bytes = resource("/documents/" + seed + "." + format);
      Report report = EvidenceCheck.read(bytes, seed + "." + format);
      EvidenceCheck.Checked checked = EvidenceCheck.check(report, bytes);
      String kind = format.equals("pdf") ? "pdf" : "table";
      assertEquals(checked.cells(), checked.byKind().getOrDefault(kind, 0), seed + ": " + checked);
      report.evidence().values().forEach(e -> assertTrue(e.table() != null && e.row() != null, e.toString()));
      if (format.equals("pdf")) {
        report.evidence().values().forEach(e -> assertTrue(e.page() >= 1 && e.box().size() == 4
            && e.pageSize().get(0) > 500, e.toString()));
      }
    }
  }

  private static byte[] resource(String path) throws IOException {
    try (var in = EvidenceTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no " + path);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void evidenceSurvivesTheJson() throws Exception {
    String seed = SeedReports.NAMES.get(0);
    Report report = EvidenceCheck.read(SeedReports.bytes(seed), seed + ".txt");
    assertEquals(report.evidence(), ReportJson.read(ReportJson.write(report)).evidence());
  }

  /** Every readable report of the corpus, in every form: evidence for every filled cell, pointing at it. */
  @TestFactory
  Stream<DynamicNode> corpus() throws Exception {
    URL root = EvidenceTest.class.getResource("/corpus");
    List<DynamicNode> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
      for (Path form : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (form.getFileName().toString().equals("not-a-report")) {
          continue;
        }
        try (Stream<Path> files = Files.list(form)) {
          for (Path doc : files.filter(f -> !f.getFileName().toString().endsWith(".expected.json")).sorted()
              .toList()) {
            tests.add(DynamicTest.dynamicTest(form.getFileName() + "/" + doc.getFileName(), () -> check(doc)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(Path doc) throws Exception {
    byte[] bytes = Files.readAllBytes(doc);
    Report report;
    try {
      report = EvidenceCheck.read(bytes, doc.getFileName().toString());
    } catch (UnreadableDocumentException e) {
      return; // refused documents have no cells (CorpusTest says whether refusing was right)
    }
    EvidenceCheck.check(report, bytes);
  }
}
