package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report fixtures printed without any table border (corpus/pdf-no-rulings, made by
 * tools/fixtures/make-pdf-no-rulings.sh) read into their three tables, rebuilt from the glyphs' alignment, and
 * into the same JSON as the same report printed with borders.
 */
class PdfWithoutRulingsTest {
  static java.util.List<String> reports() {
    return DocumentFixtures.REPORTS;
  }

  private static byte[] withoutRulings(String base) {
    return DocumentFixtures.bytes("/corpus/pdf-no-rulings/" + base + ".pdf");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theThreeTablesAreTables(String base) throws Exception {
    Document document = DocumentReaders.read(withoutRulings(base));
    assertEquals(3, DocumentFixtures.tables(document).size(), String.join("\n", DocumentFixtures.paragraphs(document)));
    // table B's rows: the label and its seven values, in the columns they stand in
    java.util.List<java.util.List<String>> tableB = DocumentFixtures.tables(document).get(1);
    long valueRows = tableB.stream().filter(r -> r.size() == 8 && r.subList(1, 8).stream()
        .allMatch(v -> v.isEmpty() || v.matches("\\d+"))).count();
    assertEquals(25, valueRows, tableB.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void sameJsonAsWithRulings(String base) throws Exception {
    assertEquals(comparable(DocumentFixtures.document(base + ".pdf"), base), comparable(withoutRulings(base), base));
  }

  private static String comparable(byte[] pdf, String base) throws Exception {
    ObjectNode tree = (ObjectNode) ReportMapper.MAPPER.readTree(ReportJson.write(ReportReader.read(pdf, base + ".pdf")));
    tree.remove("source");
    tree.remove("evidence"); // the same values, printed in other places: with and without rulings, other tables
    return tree.toPrettyString();
  }
}
