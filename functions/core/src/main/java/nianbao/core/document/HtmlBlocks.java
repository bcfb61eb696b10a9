package nianbao.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML page's content as blocks, in document order: inline text accumulates into a paragraph, blocks break
 * it; a data table becomes a {@link Table} with rowspan/colspan resolved and its place among the page's tables
 * recorded; a table that holds other tables, or a single cell, is layout and is read as paragraphs.
 */
final class HtmlBlocks {
  static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
      "dl", "dt", "dd", "section", "article", "main", "blockquote", "pre", "address", "center", "form", "fieldset",
      "figure", "figcaption", "hr", "br", "tr", "td", "th", "caption", "body", "html", "table", "tbody", "thead",
      "tfoot", "title");

  private final List<Block> blocks;
  /** Each table's number among the page's tables, in document order. */
  private final Map<Element, Integer> tableNumbers;
  private final StringBuilder line = new StringBuilder();

  HtmlBlocks(List<Block> blocks, Map<Element, Integer> tableNumbers) {
    this.blocks = blocks;
    this.tableNumbers = tableNumbers;
  }

  void walk(Element root) {
    visit(root);
    flush();
  }

  private void visit(Node node) {
    if (node instanceof TextNode t) {
      line.append(t.getWholeText());
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    Deadline.check();
    String name = e.normalName();
    if (name.equals("table")) {
      flush();
      table(e);
      return;
    }
    if (name.equals("br")) {
      flush();
      return;
    }
    boolean block = BLOCK.contains(name);
    if (block) {
      flush();
    }
    for (Node child : e.childNodes()) {
      visit(child);
    }
    if (block) {
      flush();
    }
  }

  private void flush() {
    String text = Texts.clean(line);
    line.setLength(0);
    if (!text.isEmpty()) {
      blocks.add(new Paragraph(text));
    }
  }

  private void table(Element table) {
    List<Element> rows = rows(table);
    boolean layout = !table.select("td table, th table").isEmpty() || isSingleCell(rows);
    if (layout) {
      for (Element tr : rows) {
        Deadline.check();
        for (Element cell : tr.children()) {
          if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
            visit(cell);
            flush();
          }
        }
      }
      return;
    }
    Element caption = table.selectFirst("> caption");
    if (caption != null) {
      visit(caption);
      flush();
    }
    GridBuilder grid = new GridBuilder();
    int remaining = rows.size();
    for (Element tr : rows) {
      grid.startRow();
      remaining--;
      for (Element cell : tr.children()) {
        if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
          continue;
        }
        int colspan = span(cell.attr("colspan"));
        int rowspan = cell.attr("rowspan").trim().equals("0") ? remaining + 1 : span(cell.attr("rowspan"));
        grid.add(cellText(cell), colspan, Math.min(rowspan, remaining + 1));
      }
      Deadline.check();
    }
    List<List<String>> built = grid.build();
    if (!built.isEmpty()) {
      blocks.add(new Table(built, new Origin.SourceTable(tableNumbers.getOrDefault(table, -1), grid.keptRows(),
          grid.keptColumns()), grid.covered()));
    }
  }

  private static boolean isSingleCell(List<Element> rows) {
    int cells = 0;
    for (Element tr : rows) {
      for (Element c : tr.children()) {
        if (c.normalName().equals("td") || c.normalName().equals("th")) {
          cells++;
        }
      }
    }
    return cells <= 1;
  }

  /** The table's own rows, in thead/tbody/tfoot order as written, not those of nested tables. */
  private static List<Element> rows(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element child : table.children()) {
      switch (child.normalName()) {
        case "tr" -> rows.add(child);
        case "thead", "tbody", "tfoot" -> {
          for (Element tr : child.children()) {
            if (tr.normalName().equals("tr")) {
              rows.add(tr);
            }
          }
        }
        default -> { }
      }
    }
    return rows;
  }

  private static int span(String value) {
    try {
      String digits = value.trim().replaceAll("[^0-9].*$", "");
      return digits.isEmpty() ? 1 : Math.max(1, Math.min(Integer.parseInt(digits), GridBuilder.MAX_SPAN));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** A cell's text: its blocks (paragraphs, line breaks) joined as wrapped text, whitespace collapsed. */
  private static String cellText(Element cell) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    collect(cell, parts, current);
    parts.add(Texts.clean(current));
    String text = "";
    for (String p : parts) {
      if (!p.isEmpty()) {
        text = text.isEmpty() ? p : Texts.join(text, p);
      }
    }
    return text;
  }

  private static void collect(Node node, List<String> parts, StringBuilder current) {
    Deadline.check();
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        current.append(t.getWholeText());
      } else if (child instanceof Element e) {
        boolean block = BLOCK.contains(e.normalName());
        if (block) {
          parts.add(Texts.clean(current));
          current.setLength(0);
        }
        collect(e, parts, current);
        if (block) {
          parts.add(Texts.clean(current));
          current.setLength(0);
        }
      }
    }
  }
}
