package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.Block;
import nianbao.core.document.Deadline;
import nianbao.core.document.Origin;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import nianbao.core.document.Texts;

/**
 * Laid-out pages, in order, as one document's blocks. A table that ends a page and one that starts the next
 * with the same outer edges are one table ({@link ContinuedTables}). Lines become paragraphs: wrapped lines
 * are joined back; a short line, an indented next line or a change of text size ends a paragraph.
 */
public final class PageFlow {
  private PageFlow() {}

  public static List<Block> blocks(List<PageLayout> pages) {
    return blocks(pages, Origin.PageSizes.UNKNOWN);
  }

  /** The blocks, each with its glyphs for evidence; {@code sizes} the pages' width and height. */
  public static List<Block> blocks(List<PageLayout> pages, Origin.PageSizes sizes) {
    List<PageItem> items = new ArrayList<>();
    List<Integer> pageStarts = new ArrayList<>(); // where each page's items start in items
    boolean previousPageHadItems = false;
    for (PageLayout page : pages) {
      Deadline.check();
      List<PageItem> pageItems = page.items();
      for (int i = 0; i < pageItems.size(); i++) {
        PageItem item = pageItems.get(i);
        int last = items.size() - 1;
        if (i == 0 && previousPageHadItems && item instanceof GridTable next
            && items.get(last) instanceof GridTable previous && ContinuedTables.sameEdges(previous, next)) {
          items.set(last, ContinuedTables.concat(previous, next)); // the page break falls inside the table
          continue;
        }
        if (i == 0) {
          pageStarts.add(items.size());
        }
        items.add(item);
      }
      previousPageHadItems = !pageItems.isEmpty();
    }
    return paragraphsAndTables(items, pageStarts, sizes);
  }

  private static List<Block> paragraphsAndTables(List<PageItem> items, List<Integer> pageStarts,
      Origin.PageSizes sizes) {
    float left = Float.MAX_VALUE;
    float right = -Float.MAX_VALUE;
    for (PageItem item : items) {
      if (item instanceof TextLine l) {
        left = Math.min(left, l.left());
        right = Math.max(right, l.right());
      }
    }
    List<Block> blocks = new ArrayList<>();
    String paragraph = null;
    List<PositionedWord> glyphs = new ArrayList<>();
    int tables = 0;
    TextLine last = null;
    boolean pageBreakSince = false;
    int nextPage = 0;
    for (int i = 0; i < items.size(); i++) {
      if ((i & 255) == 0) {
        Deadline.check();
      }
      if (nextPage < pageStarts.size() && pageStarts.get(nextPage) == i) {
        pageBreakSince |= i > 0;
        nextPage++;
      }
      PageItem item = items.get(i);
      if (item instanceof GridTable t) {
        if (paragraph != null) {
          blocks.add(new Paragraph(paragraph, new Origin.Glyphs(List.copyOf(glyphs), sizes)));
          paragraph = null;
        }
        last = null;
        Table table = t.toTable(tables++, sizes);
        if (!table.rows().isEmpty()) {
          blocks.add(table);
        }
        continue;
      }
      TextLine line = (TextLine) item;
      boolean continues = last != null && paragraph != null
          && last.right() >= right - 2.0f * last.size()
          && line.left() <= left + 0.8f * line.size()
          && Math.abs(line.size() - last.size()) <= 0.2f * last.size()
          && (pageBreakSince || line.baseline() - last.baseline() <= 2.0f * last.size()
              && line.baseline() > last.baseline());
      if (continues) {
        paragraph = Texts.join(paragraph, line.text());
      } else {
        if (paragraph != null) {
          blocks.add(new Paragraph(paragraph, new Origin.Glyphs(List.copyOf(glyphs), sizes)));
        }
        paragraph = line.text();
        glyphs.clear();
      }
      glyphs.addAll(line.words());
      last = line;
      pageBreakSince = false;
    }
    if (paragraph != null) {
      blocks.add(new Paragraph(paragraph, new Origin.Glyphs(List.copyOf(glyphs), sizes)));
    }
    return List.copyOf(blocks);
  }
}
