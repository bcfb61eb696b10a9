package nianbao.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import nianbao.core.document.TextReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Evidence;
import nianbao.core.model.Report;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a report's evidence against its source, each kind by means of its own, independent of the readers: a text
 * offset must hold the printed digits; an HTML or DOCX table's row (found with jsoup, or in document.xml) must
 * hold them; a PDF box, re-read with PDFBox's {@link PDFTextStripperByArea}, must print them.
 */
final class EvidenceCheck {
  /** What was checked, for the tests' messages and the report's figures. */
  record Checked(int cells, int withEvidence, int inferred, Map<String, Integer> byKind) {}

  private EvidenceCheck() {}

  /** Each filled cell's printed value, by evidence key (section/row/column). */
  static Map<String, String> filledCells(Report report) throws IOException {
    JsonNode tree = ReportMapper.MAPPER.readTree(ReportJson.write(report));
    Map<String, String> cells = new LinkedHashMap<>();
    JsonNode proactive = tree.path("proactive");
    proactive.fields().forEachRemaining(row -> {
      if (row.getValue().isObject()) {
        row.getValue().fields().forEachRemaining(cell -> put(cells, "二/" + row.getKey() + "/" + cell.getKey(),
            cell.getValue()));
      } else {
        put(cells, "二/" + row.getKey(), row.getValue());
      }
    });
    JsonNode columns = tree.path("applications").path("columns");
    tree.path("applications").path("rows").fields().forEachRemaining(row -> {
      for (int c = 0; c < row.getValue().size(); c++) {
        put(cells, "三/" + row.getKey() + "/" + columns.get(c).asText(), row.getValue().get(c));
      }
    });
    tree.path("reviewAndLitigation").fields().forEachRemaining(group -> group.getValue().fields()
        .forEachRemaining(cell -> put(cells, "四/" + group.getKey() + "/" + cell.getKey(), cell.getValue())));
    return cells;
  }

  private static void put(Map<String, String> cells, String key, JsonNode value) {
    if (value != null && !value.isNull()) {
      cells.put(key, value.asText());
    }
  }

  /** Every filled cell has evidence, and each evidence points at its printed value. */
  static Checked check(Report report, byte[] source) throws Exception {
    if (!"pdf".equals(report.source().format())) {
      return check(report, source, null);
    }
    try (PDDocument pdf = Loader.loadPDF(source)) {
      return check(report, source, pdf);
    }
  }

  private static Checked check(Report report, byte[] source, PDDocument pdf) throws Exception {
    Map<String, String> cells = filledCells(report);
    Map<String, Integer> byKind = new LinkedHashMap<>();
    int inferred = 0;
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      Evidence e = report.evidence().get(cell.getKey());
      if (e == null) {
        missing.add(cell.getKey());
        continue;
      }
      byKind.merge(e.kind(), 1, Integer::sum);
      if (Boolean.TRUE.equals(e.inferred())) {
        inferred++;
        continue;
      }
      String where = cell.getKey() + " = " + cell.getValue() + " " + e;
      String excerpt = e.excerpt();
      assertNotNull(excerpt, where);
      assertEquals(cell.getValue(), digits(excerpt.substring(e.highlight().get(0), e.highlight().get(1))),
          "excerpt highlight of " + where);
      switch (e.kind()) {
        case Evidence.TEXT -> {
          if (e.offset() != null) {
            String text = TextReader.decode(source).text();
            assertEquals(cell.getValue(), digits(text.substring(e.offset(), e.offset() + e.length())), where);
          }
        }
        case Evidence.TABLE -> assertTrue(digits(sourceRow(source, report.source().format(), e)).contains(
            cell.getValue()), "source row of " + where);
        case Evidence.PDF -> {
          String printed = pdfArea(pdf, e);
          assertTrue(digits(printed).contains(cell.getValue()), "PDF box of " + where + ": " + printed);
        }
        default -> throw new AssertionError("kind " + e.kind());
      }
    }
    assertTrue(missing.isEmpty(), "filled cells without evidence: " + missing);
    for (String key : report.evidence().keySet()) {
      assertTrue(cells.containsKey(key), "evidence for a cell that holds no value: " + key);
    }
    return new Checked(cells.size(), cells.size() - missing.size(), inferred, byKind);
  }

  /** The digits of a printed value (thousands commas and spaces left out), a minus and a decimal point kept. */
  static String digits(String printed) {
    StringBuilder out = new StringBuilder();
    for (char c : printed.toCharArray()) {
      char n = c >= '\uFF10' && c <= '\uFF19' ? (char) (c - 0xFEE0) : c;
      if (n >= '0' && n <= '9' || n == '.' || n == '-') {
        out.append(n);
      }
    }
    return out.toString();
  }

  /** The text of the source's row the evidence names: jsoup for HTML, document.xml for DOCX, pipes for Markdown. */
  static String sourceRow(byte[] source, String format, Evidence e) throws Exception {
    switch (format) {
      case "html" -> {
        String html = TextReader.decode(source).text();
        org.jsoup.select.Elements tables = Jsoup.parse(html).select("table");
        if (tables.isEmpty()) {
          // the page is inside a script's strings (let content = "<table …>"): its tables are the reader's
          return readerRow(source, e);
        }
        Element table = tables.get(e.table());
        List<Element> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
          if (tr.closest("table") == table) {
            rows.add(tr);
          }
        }
        return rows.get(e.row()).text();
      }
      case "docx" -> {
        org.w3c.dom.Document xml = documentXml(source);
        NodeList tables = xml.getElementsByTagNameNS("*", "tbl");
        org.w3c.dom.Element table = (org.w3c.dom.Element) tables.item(e.table());
        List<Node> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagNameNS("*", "tr");
        for (int i = 0; i < trs.getLength(); i++) {
          Node tr = trs.item(i);
          Node up = tr.getParentNode();
          while (up != null && !"tbl".equals(up.getLocalName())) {
            up = up.getParentNode();
          }
          if (up == table) {
            rows.add(tr);
          }
        }
        return rows.get(e.row()).getTextContent();
      }
      default -> {
        // Markdown and text: the evidence names the table in order; its excerpt is checked above
        return e.excerpt();
      }
    }
  }

  /** The row of the reader's table that the evidence names, by the table's number and the source's row. */
  private static String readerRow(byte[] source, Evidence e) throws Exception {
    for (nianbao.core.document.Block b : nianbao.core.document.DocumentReaders.read(source).blocks()) {
      if (b instanceof nianbao.core.document.Table t
          && t.origin() instanceof nianbao.core.document.Origin.SourceTable o && o.index() == e.table()) {
        for (int r = 0; r < o.rows().length; r++) {
          if (o.rows()[r] == e.row()) {
            return String.join(" ", t.rows().get(r));
          }
        }
      }
    }
    throw new AssertionError("no table " + e.table() + " row " + e.row());
  }

  private static org.w3c.dom.Document documentXml(byte[] docx) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals("word/document.xml")) {
          DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
          f.setNamespaceAware(true);
          return f.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
        }
      }
    }
    throw new IOException("no word/document.xml");
  }

  /** The text PDFBox prints inside the evidence's box (a point of slack around it). */
  static String pdfArea(PDDocument pdf, Evidence e) throws IOException {
    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
    List<Double> b = e.box();
    stripper.addRegion("value", new java.awt.geom.Rectangle2D.Double(b.get(0) - 1, b.get(1) - 1,
        b.get(2) - b.get(0) + 2, b.get(3) - b.get(1) + 2));
    stripper.extractRegions(pdf.getPage(e.page() - 1));
    return stripper.getTextForRegion("value");
  }

  static Report read(byte[] bytes, String name) throws UnreadableDocumentException {
    return nianbao.core.ReportReader.read(bytes, name);
  }
}
