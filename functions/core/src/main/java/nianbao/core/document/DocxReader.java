package nianbao.core.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Word 2007+ (.docx, OOXML WordprocessingML), read with the JDK alone: {@code java.util.zip} for the package
 * and StAX for {@code word/document.xml}. Paragraphs in order (line breaks split them; tabs kept), tables
 * with {@code gridSpan}, {@code gridBefore} and {@code vMerge} resolved onto the grid, nested tables read
 * in place of the layout table that holds them. Deleted revisions, field instructions, drawings and text
 * boxes are skipped.
 *
 * <p>The package is untrusted: at most {@link #MAX_ENTRIES} entries and {@link #MAX_INFLATED} bytes (or
 * 100 times the file's size) are ever inflated, so a zip bomb is rejected, not expanded; DTDs and
 * external entities are off (no XXE).
 */
public final class DocxReader implements DocumentReader {
  public static final String FORMAT = "docx";
  static final int MAX_ENTRIES = 10_000;
  static final long MAX_INFLATED = 100L * 1024 * 1024;
  /** Tables inside tables deeper than this are skipped: layout never needs more, a hostile file could. */
  static final int MAX_TABLE_NESTING = 16;
  private static final String MAIN = "word/document.xml";
  private static final Pattern OFFICE_DOCUMENT = Pattern.compile(
      "Type=\"[^\"]*/officeDocument\"[^>]*Target=\"/?([^\"]+)\"|Target=\"/?([^\"]+)\"[^>]*Type=\"[^\"]*/officeDocument\"");
  private static final XMLInputFactory XML = xmlFactory();

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "docx/1+jdk-stax";
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    byte[] xml = mainPart(bytes);
    try {
      XMLStreamReader in = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        List<Block> blocks = new ArrayList<>();
        while (in.hasNext()) {
          if (in.next() == XMLStreamConstants.START_ELEMENT && in.getLocalName().equals("body")) {
            blocks(in, blocks);
            break;
          }
        }
        return new Document(FORMAT, null, version(), List.copyOf(blocks));
      } finally {
        in.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof Deadline.Exceeded d) {
        throw d;
      }
      throw new UnreadableDocumentException(FORMAT, "Word 文档（.docx）已损坏：正文 XML 无法解析", e);
    }
  }

  // ---------------------------------------------------------------- package

  /** Inflates the package's main part within the limits; finds it through _rels/.rels when it is not word/document.xml. */
  static byte[] mainPart(byte[] bytes) throws UnreadableDocumentException {
    long budget = Math.min(MAX_INFLATED, 10L * 1024 * 1024 + 100L * bytes.length);
    Map<String, byte[]> parts = new HashMap<>();
    int entries = 0;
    long inflated = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      byte[] buffer = new byte[16384];
      while ((entry = zip.getNextEntry()) != null) {
        Deadline.check();
        if (++entries > MAX_ENTRIES) {
          throw bomb("条目超过 " + MAX_ENTRIES + " 个");
        }
        String name = entry.getName();
        boolean keep = name.equals(MAIN) || name.equals("_rels/.rels") || name.startsWith("word/") && name.endsWith(".xml")
            && !name.contains("/media/");
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          inflated += n;
          if (inflated > budget) {
            throw bomb(String.format(java.util.Locale.ROOT, "解压后超过 %d MB", budget / 1048576));
          }
          if (out != null) {
            out.write(buffer, 0, n);
          }
          Deadline.check();
        }
        if (out != null) {
          parts.put(name, out.toByteArray());
        }
        if (parts.containsKey(MAIN)) {
          break; // the rest of the package (images, styles) is not needed
        }
      }
    } catch (ZipException | EOFException e) {
      throw new UnreadableDocumentException(FORMAT, "Word 文档（.docx）已损坏：ZIP 结构无法读取", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException(FORMAT, "Word 文档（.docx）已损坏：ZIP 结构无法读取", e);
    }
    byte[] main = parts.get(MAIN);
    if (main == null && parts.containsKey("_rels/.rels")) {
      Matcher m = OFFICE_DOCUMENT.matcher(new String(parts.get("_rels/.rels"), java.nio.charset.StandardCharsets.UTF_8));
      if (m.find()) {
        main = parts.get(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    if (main == null) {
      throw new UnreadableDocumentException(FORMAT, entries == 0
          ? "Word 文档（.docx）已损坏：ZIP 结构无法读取"
          : "不是有效的 Word 文档（.docx）：缺少正文部分 word/document.xml");
    }
    return main;
  }

  private static UnreadableDocumentException bomb(String what) {
    return new UnreadableDocumentException(FORMAT, "Word 文档（.docx）疑为压缩炸弹：" + what + "，拒绝读取");
  }

  private static XMLInputFactory xmlFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  // ---------------------------------------------------------------- body

  /** Reads block-level content until the end of the current element. */
  private static void blocks(XMLStreamReader in, List<Block> out) throws XMLStreamException {
    int[] tables = {0}; // the body's w:tbl elements counted in document order, nested ones too
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (in.getLocalName()) {
          case "p" -> paragraph(in, out);
          case "tbl" -> table(in, out, 1, tables);
          case "sdt", "sdtContent", "customXml", "ins", "moveTo" -> depth++;
          default -> skip(in);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
  }

  /** One w:p, split at line breaks; each line a Paragraph. */
  private static void paragraph(XMLStreamReader in, List<Block> out) throws XMLStreamException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    runs(in, lines, line);
    lines.add(line.toString());
    for (String l : lines) {
      String text = Texts.cleanKeepTabs(l);
      if (!text.isEmpty()) {
        out.add(new Paragraph(text));
      }
    }
  }

  /** The inline content of a paragraph, up to its end tag. */
  private static void runs(XMLStreamReader in, List<String> lines, StringBuilder line) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (in.getLocalName()) {
          case "t" -> line.append(in.getElementText());
          case "tab", "ptab" -> {
            line.append('\t');
            skip(in);
          }
          case "br", "cr" -> {
            lines.add(line.toString());
            line.setLength(0);
            skip(in);
          }
          case "noBreakHyphen" -> {
            line.append('-');
            skip(in);
          }
          case "r", "hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml",
              "AlternateContent", "Choice", "bdo", "dir" -> depth++;
          default -> skip(in); // pPr, rPr, del, moveFrom, instrText, drawing, pict, Fallback, …
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
  }

  private static void skip(XMLStreamReader in) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
  }

  // ---------------------------------------------------------------- tables

  private record Cell(int gridSpan, boolean continueMerge, List<Block> content) {}

  /** One w:tbl; {@code nesting} is 1 for a table in the body, 2 for a table in its cell, and so on. */
  private static void table(XMLStreamReader in, List<Block> out, int nesting, int[] tables)
      throws XMLStreamException {
    int number = tables[0]++;
    List<List<Cell>> rows = new ArrayList<>();
    List<Integer> before = new ArrayList<>();
    boolean nested = false;
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (in.getLocalName()) {
          case "tr" -> {
            List<Cell> cells = new ArrayList<>();
            int[] gridBefore = {0};
            nested |= row(in, cells, gridBefore, nesting, tables);
            rows.add(cells);
            before.add(gridBefore[0]);
          }
          case "sdt", "sdtContent", "customXml" -> depth++;
          default -> skip(in); // tblPr, tblGrid
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
    if (nested || rows.stream().mapToInt(List::size).sum() <= 1) {
      // a layout table: its content is read in place, nested tables as tables of their own
      for (List<Cell> cells : rows) {
        for (Cell cell : cells) {
          out.addAll(cell.content());
        }
      }
      return;
    }
    GridBuilder grid = new GridBuilder();
    for (int r = 0; r < rows.size(); r++) {
      grid.startRow();
      int col = before.get(r);
      for (Cell cell : rows.get(r)) {
        if (cell.continueMerge()) {
          grid.cover(r, col, cell.gridSpan());
        } else {
          grid.place(r, col, cellText(cell.content()), cell.gridSpan(), 1);
        }
        col += cell.gridSpan();
      }
    }
    List<List<String>> built = grid.build();
    if (!built.isEmpty()) {
      out.add(new Table(built, new Origin.SourceTable(number, grid.keptRows(), grid.keptColumns()), grid.covered()));
    }
  }

  /** One w:tr. Returns whether a cell holds a nested table. */
  private static boolean row(XMLStreamReader in, List<Cell> cells, int[] gridBefore, int nesting, int[] tables)
      throws XMLStreamException {
    boolean nested = false;
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (in.getLocalName()) {
          case "trPr", "tblPrEx" -> gridBefore[0] = Math.max(gridBefore[0], rowProperties(in));
          case "tc" -> {
            Cell cell = cell(in, nesting, tables);
            nested |= cell.content().stream().anyMatch(b -> b instanceof Table);
            cells.add(cell);
          }
          case "sdt", "sdtContent", "customXml" -> depth++;
          default -> skip(in);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
    return nested;
  }

  /** w:trPr: the number of grid columns skipped before the first cell (w:gridBefore). */
  private static int rowProperties(XMLStreamReader in) throws XMLStreamException {
    int gridBefore = 0;
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (in.getLocalName().equals("gridBefore")) {
          gridBefore = intValue(in, 0);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
    return gridBefore;
  }

  private static Cell cell(XMLStreamReader in, int nesting, int[] tables) throws XMLStreamException {
    int gridSpan = 1;
    boolean continueMerge = false;
    List<Block> content = new ArrayList<>();
    int depth = 1;
    while (depth > 0 && in.hasNext()) {
      int event = in.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = in.getLocalName();
        switch (name) {
          case "tcPr" -> depth++;
          case "gridSpan" -> {
            gridSpan = Math.max(1, Math.min(intValue(in, 1), GridBuilder.MAX_SPAN));
            skip(in);
          }
          case "vMerge", "hMerge" -> {
            String val = value(in);
            continueMerge |= val == null || val.equals("continue");
            skip(in);
          }
          case "p" -> paragraph(in, content);
          case "tbl" -> {
            if (nesting < MAX_TABLE_NESTING) {
              table(in, content, nesting + 1, tables);
            } else {
              skip(in); // no report nests tables this deep; the recursion would otherwise follow the file
            }
          }
          case "sdt", "sdtContent", "customXml" -> depth++;
          default -> skip(in);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      Deadline.check();
    }
    return new Cell(gridSpan, continueMerge, content);
  }

  /** A cell's paragraphs joined as one wrapped text (the label wraps; the cell is one value). */
  private static String cellText(List<Block> content) {
    String text = "";
    for (Block b : content) {
      if (b instanceof Paragraph p) {
        String t = Texts.clean(p.text());
        if (!t.isEmpty()) {
          text = text.isEmpty() ? t : Texts.join(text, t);
        }
      }
    }
    return text;
  }

  private static String value(XMLStreamReader in) {
    for (int i = 0; i < in.getAttributeCount(); i++) {
      if (in.getAttributeLocalName(i).equals("val")) {
        return in.getAttributeValue(i);
      }
    }
    return null;
  }

  private static int intValue(XMLStreamReader in, int fallback) {
    String v = value(in);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
