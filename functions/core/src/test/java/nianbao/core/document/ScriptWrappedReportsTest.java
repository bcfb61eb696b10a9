package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real reports wrapped as sites ship them in scripts (corpus/html-in-script/, made by
 * tools/fixtures/make_script_fixtures.py): every table value is the printed one — none taken from a width,
 * a font size or the script's code — and the table rules find what the report really has, nothing else.
 */
class ScriptWrappedReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The rules whose verdicts on the tables the expectations list (as in the corpus). */
  private static final Set<String> TABLE_RULES = Set.of("B1", "B2", "B3", "C1", "X1");

  @ParameterizedTest
  @ValueSource(strings = {"let-content-string.txt", "var-concatenated.html", "document-write-escaped.html",
      "template-literal.txt", "raw-markup-fragment.txt", "pingtan-2022-head-script.html"})
  void tablesAreThePrintedValues(String name) throws Exception {
    byte[] bytes = DocumentFixtures.bytes("/corpus/html-in-script/" + name);
    JsonNode expected = JSON.readTree(new String(
        DocumentFixtures.bytes("/corpus/html-in-script/" + name.replaceAll("\\.[a-z]+$", ".expected.json")),
        StandardCharsets.UTF_8));
    Report report = ReportReader.read(bytes, name);
    JsonNode read = JSON.readTree(ReportJson.write(report));
    assertEquals("html", read.get("source").get("format").asText());
    for (String field : List.of("agency", "year", "template", "proactive", "applications", "reviewAndLitigation")) {
      assertEquals(expected.get(field), read.get(field), name + ": " + field);
    }
    List<String> findings = report.findings().stream()
        .filter(f -> TABLE_RULES.contains(f.rule()))
        .map(Finding::rule).sorted().toList();
    List<String> expectedFindings = Stream.of(JSON.treeToValue(expected.get("expectedFindings"), JsonNode[].class))
        .map(f -> f.get("rule").asText()).sorted().toList();
    assertEquals(expectedFindings, findings, name);
    assertFalse(report.sections().overview().contains("width"), "no CSS in the text");
  }
}
