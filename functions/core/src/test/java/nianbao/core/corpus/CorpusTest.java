package nianbao.core.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Every document of the reading corpus ({@code src/test/resources/corpus/<form>/<name>.<ext>}, its expectation in
 * {@code <name>.expected.json} beside it: docs/FORMAT.md's tables with {@code null} for cells the document does not
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

  private static Stream<DynamicNode> documents(Path form) throws IOException {
    String formName = form.getFileName().toString();
    try (Stream<Path> files = Files.list(form)) {
      return files.filter(f -> !f.getFileName().toString().endsWith(EXPECTED)).sorted()
          .<DynamicNode>map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), doc.toUri(),
              () -> check(formName, doc)))
          .toList().stream();
    }
  }

  private static void check(String form, Path document) throws IOException {
    String file = document.getFileName().toString();
    int dot = file.lastIndexOf('.');
    Path expectation = document.resolveSibling((dot > 0 ? file.substring(0, dot) : file) + EXPECTED);
    if (!Files.exists(expectation)) {
      fail("no " + expectation.getFileName() + " beside " + file);
    }
    JsonNode expected = ReportMapper.MAPPER.readTree(expectation.toFile());
    byte[] bytes = Files.readAllBytes(document);
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
