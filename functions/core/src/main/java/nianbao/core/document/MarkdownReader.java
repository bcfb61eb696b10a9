package nianbao.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown as PDF and Word converters write it (pandoc, MinerU, marker): pipe tables (GFM, and rows of pipes
 * without the {@code |---|} line) become {@link Table}s, HTML tables inside the Markdown are read as HTML,
 * headings and paragraphs become paragraphs — one per line, as a text extraction's lines carry a table's rows.
 * Markup is never text: emphasis marks, escapes, link targets, images (their file names are full of digits) and
 * inline tags are dropped; an ordered list keeps its numbers ("1." before a row label places the row).
 * Parsed by commonmark-java with its GFM tables extension.
 */
public final class MarkdownReader implements DocumentReader {
  public static final String FORMAT = "md";
  static final String COMMONMARK_VERSION = LibraryVersion.of("org.commonmark", "commonmark", "0.24.0");
  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  /** A line that is a row of a pipe table: starts with | and has at least one more. */
  private static final Pattern PIPE_ROW = Pattern.compile("^\\s*\\|.*\\|.*$");
  private static final Pattern DELIMITER_ROW = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "md/1+commonmark-" + COMMONMARK_VERSION;
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    TextReader.Decoded decoded = TextReader.decode(bytes);
    Deadline.check();
    Node root = PARSER.parse(decoded.text());
    Deadline.check();
    List<Block> blocks = new ArrayList<>();
    blocks(root, blocks);
    return new Document(FORMAT, decoded.charset(), version(), placed(blocks, decoded.text()));
  }

  /**
   * The blocks with where they stand in the source: a paragraph printed verbatim in the Markdown gets its offset
   * (searched forward from the one before, so each is found once, in order); tables are numbered in order.
   */
  private static List<Block> placed(List<Block> blocks, String source) {
    List<Block> out = new ArrayList<>(blocks.size());
    int cursor = 0;
    int tables = 0;
    for (Block block : blocks) {
      if (block instanceof Paragraph p) {
        int at = source.indexOf(p.text(), cursor);
        if (at >= 0) {
          cursor = at + p.text().length();
          out.add(new Paragraph(p.text(), new Origin.SourceText(at)));
        } else {
          out.add(p);
        }
      } else if (block instanceof Table t) {
        int[] rows = t.origin() instanceof Origin.SourceTable st ? st.rows() : identity(t.rows().size());
        int[] columns = t.origin() instanceof Origin.SourceTable st ? st.columns()
            : identity(t.rows().isEmpty() ? 0 : t.rows().get(0).size());
        out.add(new Table(t.rows(), new Origin.SourceTable(tables++, rows, columns), t.covered(), t.printedGrid()));
      }
    }
    return List.copyOf(out);
  }

  static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Whether a text is Markdown with tables: a GFM delimiter row, three pipe rows, or an HTML table block. */
  static boolean looksLikeMarkdown(String head) {
    if (head.indexOf('|') < 0 && !head.contains("<table")) {
      return false; // every sign below needs one of them: plain text is not split into lines at all
    }
    int pipeRows = 0;
    for (String line : head.split("\n", 2000)) {
      if (DELIMITER_ROW.matcher(line).matches() && line.contains("-") && line.contains("|")) {
        return true;
      }
      if (PIPE_ROW.matcher(line).matches() && ++pipeRows >= 3) {
        return true;
      }
      String t = line.stripLeading();
      if (t.startsWith("<table") || t.startsWith("<html><body><table")) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- blocks

  private static void blocks(Node parent, List<Block> out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      Deadline.check();
      if (node instanceof TableBlock table) {
        table(table, out);
      } else if (node instanceof HtmlBlock html) {
        out.addAll(HtmlReader.readFragment(html.getLiteral()));
      } else if (node instanceof FencedCodeBlock code) {
        lines(code.getLiteral(), out);
      } else if (node instanceof IndentedCodeBlock code) {
        lines(code.getLiteral(), out); // converters indent text; it is not code in a report
      } else if (node instanceof ThematicBreak) {
        continue;
      } else if (node instanceof org.commonmark.node.Paragraph || node instanceof Heading) {
        paragraph(node, out);
      } else if (node instanceof OrderedList list) {
        orderedList(list, out);
      } else if (node instanceof BulletList || node instanceof ListItem) {
        blocks(node, out);
      } else {
        blocks(node, out); // block quotes and whatever else holds blocks
      }
    }
  }

  /** An ordered list's items with their numbers: "1." is how a report marks the rows of a group. */
  private static void orderedList(OrderedList list, List<Block> out) {
    int number = list.getMarkerStartNumber() != null ? list.getMarkerStartNumber() : 1;
    String delimiter = list.getMarkerDelimiter() != null ? list.getMarkerDelimiter() : ".";
    for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
      List<Block> inner = new ArrayList<>();
      blocks(item, inner);
      if (!inner.isEmpty() && inner.get(0) instanceof Paragraph first) {
        inner.set(0, new Paragraph(number + delimiter + first.text()));
      }
      out.addAll(inner);
    }
  }

  /** A paragraph's lines, each a paragraph; two or more pipe rows in a row are a table without its delimiter row. */
  private static void paragraph(Node node, List<Block> out) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    inline(node, line, lines);
    lines.add(line.toString());
    List<String> kept = new ArrayList<>();
    for (String l : lines) {
      String text = Texts.cleanKeepTabs(l);
      if (!text.isEmpty()) {
        kept.add(text);
      }
    }
    int i = 0;
    while (i < kept.size()) {
      int end = i;
      while (end < kept.size() && PIPE_ROW.matcher(kept.get(end)).matches()) {
        end++;
      }
      if (end - i >= 2) {
        List<List<String>> rows = new ArrayList<>();
        for (String l : kept.subList(i, end)) {
          rows.add(pipeCells(l));
        }
        out.add(withoutFooters(rows));
        i = end;
      } else {
        out.add(new Paragraph(kept.get(i)));
        i++;
      }
    }
  }

  /** Inline content as text: line breaks end lines, markup and images are dropped. */
  private static void inline(Node parent, StringBuilder line, List<String> lines) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        line.append(text.getLiteral());
      } else if (node instanceof Code code) {
        line.append(code.getLiteral());
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        lines.add(line.toString());
        line.setLength(0);
      } else if (node instanceof HtmlInline html) {
        if (html.getLiteral().regionMatches(true, 0, "<br", 0, 3)) {
          lines.add(line.toString());
          line.setLength(0);
        }
      } else if (!(node instanceof Image)) {
        inline(node, line, lines); // emphasis, links: their text
      }
    }
  }

  private static void lines(String literal, List<Block> out) {
    for (String l : literal.split("\n")) {
      String text = Texts.cleanKeepTabs(l);
      if (!text.isEmpty()) {
        out.add(new Paragraph(text));
      }
    }
  }

  // ---------------------------------------------------------------- tables

  private static void table(TableBlock table, List<Block> out) {
    List<List<String>> rows = new ArrayList<>();
    collectRows(table, rows);
    Table t = withoutFooters(rows);
    if (!t.rows().isEmpty()) {
      out.add(t);
    }
  }

  private static void collectRows(Node parent, List<List<String>> rows) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      Deadline.check();
      if (node instanceof TableRow row) {
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            cells.add(cellText(cell));
          }
        }
        rows.add(cells);
      } else {
        collectRows(node, rows); // head and body
      }
    }
  }

  /** A cell's text; its line breaks ({@code <br>}) join as wrapped text. */
  private static String cellText(Node cell) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    inline(cell, line, lines);
    lines.add(line.toString());
    String text = "";
    for (String l : lines) {
      String t = Texts.clean(l);
      if (!t.isEmpty()) {
        text = text.isEmpty() ? t : Texts.join(text, t);
      }
    }
    return text;
  }

  /** The cells of a pipe row that commonmark did not take as a table: split at unescaped pipes. */
  private static List<String> pipeCells(String line) {
    String t = line.strip();
    if (t.startsWith("|")) {
      t = t.substring(1);
    }
    if (t.endsWith("|") && !t.endsWith("\\|")) {
      t = t.substring(0, t.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(Texts.clean(cell));
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(Texts.clean(cell));
    return cells;
  }

  /** A row whose one filled cell is a page footer ("| - 4 - |" inside a table cut by a page break). */
  private static boolean isFooterRow(List<String> cells) {
    String only = null;
    for (String cell : cells) {
      if (!cell.isBlank()) {
        if (only != null) {
          return false;
        }
        only = cell;
      }
    }
    return only != null && PageFooters.isFooter(only);
  }

  /** The rows as a table without its page-footer rows; its origin keeps each row's place among the source's. */
  private static Table withoutFooters(List<List<String>> rows) {
    List<List<String>> kept = new ArrayList<>(rows.size());
    int[] sourceRows = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      if (!isFooterRow(rows.get(r))) {
        sourceRows[kept.size()] = r;
        kept.add(rows.get(r));
      }
    }
    List<List<String>> grid = pad(kept);
    return new Table(grid, new Origin.SourceTable(-1, java.util.Arrays.copyOf(sourceRows, kept.size()),
        identity(grid.isEmpty() ? 0 : grid.get(0).size())), padding(kept, grid), false);
  }

  /** Rows padded with empty cells to the widest: a {@link Table} is a grid. */
  private static List<List<String>> pad(List<List<String>> rows) {
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    List<List<String>> grid = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> padded = new ArrayList<>(row);
      while (padded.size() < width) {
        padded.add("");
      }
      grid.add(List.copyOf(padded));
    }
    return List.copyOf(grid);
  }

  /**
   * The positions {@link #pad} added: no cell of the document (a crawler's ragged rows, "| (二)… | | 0 |" under
   * "| | 2.… | | 0 |", are no blank columns at their ends).
   */
  private static boolean[][] padding(List<List<String>> rows, List<List<String>> grid) {
    boolean[][] added = new boolean[grid.size()][];
    for (int r = 0; r < grid.size(); r++) {
      added[r] = new boolean[grid.get(r).size()];
      for (int c = rows.get(r).size(); c < added[r].length; c++) {
        added[r][c] = true;
      }
    }
    return added;
  }
}
