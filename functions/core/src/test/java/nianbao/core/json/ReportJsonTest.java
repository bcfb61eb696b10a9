package nianbao.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ReportJson's streaming writer and reader against the ObjectMapper they replace on the functions' cold paths:
 * for every report the tests know (the seeds, the samples and fixtures as read, and their hand-checked JSON), the
 * same text written, compact and pretty, and the same report read back.
 */
class ReportJsonTest {
  private static final List<String> TEXTS = List.of("/seeds/000_dc7fa2148f231570.txt",
      "/seeds/001_6b6d80a219e047ef.txt", "/seeds/002_247cf08f496e631f.txt", "/seeds/003_978a9fff42e671ca.txt",
      "/seeds/004_966a26715276eb9e.txt", "/samples/01_pingtan-2019.txt", "/samples/04_pingtan-2022.txt",
      "/fixtures/nonzero-2019-template.txt", "/fixtures/nonzero-2021-run-together.txt",
      "/fixtures/nonzero-2021-split-labels.txt");
  private static final List<String> JSON = List.of("/golden/000_dc7fa2148f231570.json",
      "/golden/001_6b6d80a219e047ef.json", "/golden/002_247cf08f496e631f.json", "/golden/003_978a9fff42e671ca.json",
      "/golden/004_966a26715276eb9e.json", "/samples/01_pingtan-2019.expected.json",
      "/samples/04_pingtan-2022.expected.json", "/fixtures/nonzero-2019-template.expected.json",
      "/fixtures/nonzero-2021-run-together.expected.json", "/fixtures/nonzero-2021-split-labels.expected.json");

  static Stream<Report> reports() throws Exception {
    List<Report> reports = new ArrayList<>();
    for (String t : TEXTS) {
      reports.add(ReportReader.read(resource(t), t.substring(t.lastIndexOf('/') + 1)));
    }
    for (String j : JSON) {
      reports.add(databindRead(new String(resource(j), java.nio.charset.StandardCharsets.UTF_8)));
    }
    return reports.stream();
  }

  @ParameterizedTest
  @MethodSource("reports")
  void writesWhatTheObjectMapperWrites(Report report) throws Exception {
    assertEquals(ReportMapper.MAPPER.writeValueAsString(report), ReportJson.write(report));
    assertEquals(ReportMapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report),
        ReportJson.writePretty(report));
    assertEquals(ReportMapper.MAPPER.writeValueAsString(report.findings()), ReportJson.writeFindings(report.findings()));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void readsWhatTheObjectMapperReads(Report report) throws Exception {
    String json = ReportMapper.MAPPER.writeValueAsString(report);
    assertEquals(databindRead(json), ReportJson.read(json));
    assertEquals(report, ReportJson.read(ReportJson.write(report)));
    assertEquals(report.findings(), ReportJson.readFindings(ReportJson.writeFindings(report.findings())));
  }

  @Test
  void readsMembersInAnyOrderIgnoringUnknownOnesAndCoercingScalars() throws Exception {
    Report seed = ReportReader.read(resource("/samples/01_pingtan-2019.txt"), "pingtan-2019.txt");
    ObjectNode tree = (ObjectNode) ReportMapper.MAPPER.readTree(ReportJson.write(seed));
    // table A before the template that says which shape it has, and members this version does not know
    ObjectNode reordered = ReportMapper.MAPPER.createObjectNode();
    reordered.set("proactive", tree.remove("proactive"));
    reordered.put("unknown", "ignored").putObject("nested").putArray("deep").add(1);
    reordered.setAll(tree);
    ((ObjectNode) reordered.path("reviewAndLitigation").path("adminReview")).put("total", "12");
    reordered.put("year", "2019");
    reordered.remove("findings");
    Report read = ReportJson.read(reordered.toString());
    assertTrue(read.proactive() instanceof Proactive2019, "2019 shape by the template");
    assertEquals(12L, read.reviewAndLitigation().adminReview().total());
    assertEquals(2019, read.year());
    assertEquals(List.of(), read.findings(), "missing findings are none");
    assertEquals(seed.applications(), read.applications());
    assertEquals(seed.proactive(), read.proactive());
  }

  @Test
  void readsThe2021ShapeWhenTheTemplateSaysSoOrIsMissing() {
    String json = "{\"template\":\"2021\",\"proactive\":{\"licensing\":3,\"fees\":\"1.50\","
        + "\"regulations\":{\"issued\":1,\"repealed\":null,\"inForce\":4}}}";
    Proactive2021 a = (Proactive2021) ReportJson.read(json).proactive();
    assertEquals(3L, a.licensing());
    assertEquals("1.50", a.fees());
    assertEquals(new Proactive2021.DocumentCounts(1L, null, 4L), a.regulations());
    assertTrue(ReportJson.read("{\"proactive\":{}}").proactive() instanceof Proactive2021);
    assertEquals(0, ReportJson.read("{}").schemaVersion());
    assertNull(ReportJson.read("{}").year());
  }

  @Test
  void writesALocationWithoutItsMissingParts() {
    List<Finding> findings = List.of(new Finding("B3", Severity.ERROR, Location.row("三", "total"), "合计不符", "5",
        "6"), new Finding("S1", Severity.WARNING, null, "缺少", null, null));
    assertEquals("[{\"rule\":\"B3\",\"severity\":\"error\",\"location\":{\"section\":\"三\",\"row\":\"total\"},"
        + "\"message\":\"合计不符\",\"expected\":\"5\",\"actual\":\"6\"},{\"rule\":\"S1\",\"severity\":\"warning\","
        + "\"location\":null,\"message\":\"缺少\",\"expected\":null,\"actual\":null}]",
        ReportJson.writeFindings(findings));
    assertEquals(findings, ReportJson.readFindings(ReportJson.writeFindings(findings)));
  }

  @Test
  void readingNotesRoundTripAndOldJsonWithOnlyErrorsAndWarningsStillLoads() {
    List<Finding> findings = List.of(Finding.note("S2", Location.row("三", "granted"), "数字连写（007），拆分为 0 0 7",
        "0 0 7", "007"));
    String json = ReportJson.writeFindings(findings);
    assertTrue(json.contains("\"severity\":\"note\""), json);
    assertEquals(findings, ReportJson.readFindings(json));

    // JSON stored before reading notes had a severity of their own: S2 was a warning, and loads as one
    List<Finding> old = ReportJson.read("{\"schemaVersion\":1,\"findings\":[{\"rule\":\"B1\",\"severity\":\"error\"},"
        + "{\"rule\":\"S2\",\"severity\":\"warning\",\"message\":\"数字连写\"}]}").findings();
    assertEquals(List.of(Severity.ERROR, Severity.WARNING), old.stream().map(Finding::severity).toList());
    assertEquals(new FindingCounts(1, 1, 0), FindingCounts.of(old));
    assertEquals(new FindingCounts(0, 0, 1), FindingCounts.of(findings));
  }

  @Test
  void malformedJsonAndJsonOfAnotherShapeAreRefusedClearly() {
    assertThrows(UncheckedIOException.class, () -> ReportJson.read("{\"agency\":"));
    assertThrows(UncheckedIOException.class, () -> ReportJson.read("{} {}"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportJson.read("{\"reviewAndLitigation\":{\"adminReview\":{\"total\":\"many\"}}}"));
    assertTrue(e.getMessage().contains("total"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReportJson.read("[]"));
    assertThrows(IllegalArgumentException.class, () -> ReportJson.read("{\"region\":[1]}"));
    assertThrows(IllegalArgumentException.class, () -> ReportJson.read("{\"year\":1.5}"));
  }

  /** How ReportJson read reports with the ObjectMapper before it streamed. */
  private static Report databindRead(String json) throws IOException {
    ObjectNode tree = (ObjectNode) ReportMapper.MAPPER.readTree(json);
    JsonNode proactiveNode = tree.remove("proactive");
    Report report = ReportMapper.MAPPER.treeToValue(tree, Report.class);
    Class<? extends Proactive> type = Report.TEMPLATE_2019.equals(report.template()) ? Proactive2019.class
        : Proactive2021.class;
    Proactive proactive = proactiveNode == null || proactiveNode.isNull() ? null
        : ReportMapper.MAPPER.treeToValue(proactiveNode, type);
    return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
        report.template(), report.region(), report.sections(), proactive, report.applications(),
        report.reviewAndLitigation(), report.findings() == null ? List.of() : report.findings(), report.evidence(),
        report.dated());
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ReportJsonTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    }
  }
}
