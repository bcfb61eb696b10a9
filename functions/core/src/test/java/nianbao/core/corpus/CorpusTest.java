package nianbao.core.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every document of the reading corpus ({@code src/test/resources/corpus/<form>/<name>.<ext>}, or listed in the
 * form's {@code read-in-place.txt} when the same bytes are committed elsewhere — a rendering in documents/, a
 * sample, a seed — and read there under that name), its expectation in {@code <name>.expected.json} beside it:
 * docs/FORMAT.md's tables with {@code null} for cells the document does not
 * print legibly, the table-rule findings the original really has, or just {@code {"notAReport": true}}).
 *
 * <p>Each document must give no wrong cell (a cell is the printed value or null), raise no B1–C1/X1 error its
 * original does not have, and a non-report must be refused. Cells left null where the document prints them and
 * findings missed are counted, not failed: they are the measure of how much the reader recovers. The figures per
 * form are printed after the run and written to {@code target/corpus-scores.md}.
 */
class CorpusTest {
  private static final CorpusScore SCORE = new CorpusScore();
  private static final String EXPECTED = ".expected.json";
  /** Lists the documents of a form that are committed elsewhere (documents/, samples/, the seeds): NAME /RESOURCE. */
  private static final String IN_PLACE = "read-in-place.txt";

  @TestFactory
  Stream<DynamicNode> corpus() throws IOException, URISyntaxException {
    URL root = CorpusTest.class.getResource("/corpus");
    if (root == null) {
      throw new IOException("no corpus in the test resources");
    }
    List<DynamicNode> forms = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
      for (Path form : dirs.filter(Files::isDirectory).sorted().toList()) {
        forms.add(DynamicContainer.dynamicContainer(form.getFileName().toString(), documents(form)));
      }
    }
    return forms.stream();
  }

  private static Stream<DynamicNode> documents(Path form) throws IOException, URISyntaxException {
    String formName = form.getFileName().toString();
    List<DynamicNode> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(form)) {
      for (Path doc : files.filter(f -> !f.getFileName().toString().endsWith(EXPECTED)
          && !f.getFileName().toString().equals(IN_PLACE)).sorted().toList()) {
        String file = doc.getFileName().toString();
        tests.add(DynamicTest.dynamicTest(file, doc.toUri(), () -> check(formName, file, Files.readAllBytes(doc),
            form)));
      }
    }
    for (Map.Entry<String, String> listed : readInPlace(form).entrySet()) {
      URL resource = CorpusTest.class.getResource(listed.getValue());
      if (resource == null) {
        throw new IOException(form.resolve(IN_PLACE) + " lists " + listed.getValue() + ", not on the test classpath");
      }
      tests.add(DynamicTest.dynamicTest(listed.getKey(), resource.toURI(), () -> {
        try (InputStream in = resource.openStream()) {
          check(formName, listed.getKey(), in.readAllBytes(), form);
        }
      }));
    }
    return tests.stream();
  }

  /** The documents of a form committed elsewhere in the test resources, by the name each is read under. */
  private static Map<String, String> readInPlace(Path form) throws IOException {
    Path list = form.resolve(IN_PLACE);
    Map<String, String> listed = new TreeMap<>();
    if (Files.exists(list)) {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] nameAndResource = line.strip().split("\\s+", 2);
          listed.put(nameAndResource[0], nameAndResource[1]);
        }
      }
    }
    return listed;
  }

  private static void check(String form, String file, byte[] bytes, Path folder) throws IOException {
    int dot = file.lastIndexOf('.');
    Path expectation = folder.resolve((dot > 0 ? file.substring(0, dot) : file) + EXPECTED);
    if (!Files.exists(expectation)) {
      fail("no " + expectation.getFileName() + " beside " + file);
    }
    JsonNode expected = ReportMapper.MAPPER.readTree(expectation.toFile());
    Report report;
    try {
      report = ReportReader.read(bytes, file);
    } catch (UnreadableDocumentException e) {
      if (expected.path("notAReport").asBoolean()) {
        SCORE.nonReport(form, true);
      } else {
        SCORE.refusedReport(file, form, expected, e.getMessage());
      }
      return;
    }
    if (expected.path("notAReport").asBoolean()) {
      SCORE.nonReport(form, false);
      fail("a non-report was accepted as the report of " + report.agency() + " " + report.year());
    }
    JsonNode actual = ReportMapper.MAPPER.readTree(ReportJson.write(report));
    CorpusScore.DocumentScore score = SCORE.report(file, form, expected, actual, report.findings());
    assertTrue(score.wrongCells().isEmpty(), "wrong cells: " + score.wrongCells());
    assertTrue(score.falseErrors().isEmpty(), "false table-rule errors: " + score.falseErrors());
  }

  @AfterAll
  static void printScores() throws IOException {
    String table = SCORE.table();
    System.out.println("Reading corpus, per form:\n" + table);
    Path out = Path.of("target", "corpus-scores.md");
    if (Files.isDirectory(out.getParent())) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    }
  }
}
