package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reports whose right answers are known: the five seeds against golden JSON checked by hand against the
 * seed text, the non-zero fixtures against the values their generator wrote, and the two hand-checked
 * samples against their .expected.json (values and the rules the original really breaks).
 */
class ExpectedReportsTest {

  @ParameterizedTest
  @ValueSource(strings = {"000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f",
      "003_978a9fff42e671ca", "004_966a26715276eb9e"})
  void seedsGiveTheirGoldenJson(String seed) throws Exception {
    Report report = ReportReader.read(resource("/seeds/" + seed + ".txt"), seed + ".txt");
    ObjectNode actual = (ObjectNode) ReportMapper.MAPPER.readTree(ReportJson.write(report));
    actual.remove("evidence"); // where each value was read is EvidenceTest's; the golden JSON holds the values
    JsonNode golden = ReportMapper.MAPPER.readTree(resource("/golden/" + seed + ".json"));
    assertEquals(golden.toPrettyString(), actual.toPrettyString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonzero-2021-split-labels", "nonzero-2019-template", "nonzero-2021-run-together"})
  void fixturesGiveTheValuesTheirGeneratorWrote(String fixture) throws Exception {
    Report report = ReportReader.read(resource("/fixtures/" + fixture + ".txt"), fixture + ".txt");
    JsonNode expected = ReportMapper.MAPPER.readTree(resource("/fixtures/" + fixture + ".expected.json"));
    assertValues(expected, report);
    assertEquals(rules(expected.get("errorRules")), errorRules(report), "error findings");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01_pingtan-2019", "04_pingtan-2022"})
  void samplesGiveTheirHandCheckedValuesAndFindings(String sample) throws Exception {
    Report report = ReportReader.read(resource("/samples/" + sample + ".txt"), sample + ".txt");
    JsonNode expected = ReportMapper.MAPPER.readTree(resource("/samples/" + sample + ".expected.json"));
    assertValues(expected, report);
    Set<String> expectedRules = new TreeSet<>();
    expected.get("expectedFindings").forEach(f -> expectedRules.add(f.get("rule").asText()));
    Set<String> found = new TreeSet<>();
    report.findings().forEach(f -> found.add(f.rule()));
    assertTrue(found.containsAll(expectedRules), "expected " + expectedRules + " among " + found);
    Set<String> errors = errorRules(report);
    assertTrue(expectedRules.containsAll(errors), "unexpected errors " + errors);
  }

  /** Compares agency, year, template and the three tables; a null table in the expectation was not checked. */
  private static void assertValues(JsonNode expected, Report report) throws IOException {
    ObjectNode actual = (ObjectNode) ReportMapper.MAPPER.readTree(ReportJson.write(report));
    for (String key : List.of("agency", "year", "template", "applications", "reviewAndLitigation", "proactive")) {
      if (expected.has(key) && !expected.get(key).isNull()) {
        assertEquals(expected.get(key).toPrettyString(), actual.get(key).toPrettyString(), key);
      }
    }
  }

  private static Set<String> errorRules(Report report) {
    Set<String> rules = new TreeSet<>();
    report.findings().stream().filter(f -> f.severity() == Severity.ERROR).forEach(f -> rules.add(f.rule()));
    return rules;
  }

  private static Set<String> rules(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return new TreeSet<>(out);
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = ExpectedReportsTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no test resource " + path);
      }
      return in.readAllBytes();
    }
  }
}
