package nianbao.core.recognise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.document.Block;
import nianbao.core.document.Origin;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.model.Evidence;
import nianbao.core.recognise.RecognitionNotes.CellSource;

/**
 * Turns where each filled cell was read in the flat text into docs/FORMAT.md's {@code evidence}: through the
 * {@link SourceMap} to its block, and through the block's {@link Origin} to the source — an offset in a text, a
 * cell of a table, a box on a PDF page. Runs once per report, over its filled cells only.
 */
final class EvidenceResolver {
  /** Characters of context on each side of a value in a paragraph's excerpt. */
  static final int CONTEXT = 12;
  /** A table cell's excerpt is its text, cut to this many characters around the value. */
  static final int CELL_EXCERPT = 40;

  private EvidenceResolver() {}

  static Map<String, Evidence> resolve(FlatText flat, List<CellSource> sources) {
    Map<String, Evidence> out = new LinkedHashMap<>(sources.size() * 4 / 3 + 1);
    for (CellSource source : sources) {
      Evidence e = resolve(flat.sources, source.start(), source.end());
      if (e != null) {
        out.put(source.cell().key(), source.inferred() ? e.asInferred() : e);
      }
    }
    return out;
  }

  private static Evidence resolve(SourceMap map, int start, int end) {
    int entry = map.find(start);
    if (entry < 0) {
      return null;
    }
    end = Math.min(end, map.flatEnd(entry));
    int from = map.offset(entry) + start - map.flatStart(entry);
    int to = from + Math.max(1, end - start);
    Block block = map.block(entry);
    if (block instanceof Paragraph p) {
      String text = p.text();
      to = Math.min(to, text.length());
      if (from >= to) {
        return null;
      }
      int ws = Math.max(0, from - CONTEXT);
      int we = Math.min(text.length(), to + CONTEXT);
      String excerpt = withoutTabs(text, ws, we);
      List<Integer> highlight = List.of(from - ws, to - ws);
      if (p.origin() instanceof Origin.SourceText t) {
        return new Evidence(Evidence.TEXT, null, null, null, null, null, null, t.offset() + from, to - from, excerpt,
            highlight, null, null);
      }
      if (p.origin() instanceof Origin.Glyphs g) {
        return pdf(GlyphBoxes.of(text, g.glyphs(), from, to), g.pages(), null, null, null, excerpt, highlight);
      }
      return new Evidence(Evidence.TEXT, null, null, null, null, null, null, null, null, excerpt, highlight, null,
          null);
    }
    Table table = (Table) block;
    int r = map.row(entry);
    int c = map.column(entry);
    String cell = table.rows().get(r).get(c);
    to = Math.min(to, cell.length());
    if (from >= to) {
      return null;
    }
    int ws = cell.length() <= CELL_EXCERPT ? 0 : Math.max(0, Math.min(from - CONTEXT, cell.length() - CELL_EXCERPT));
    int we = Math.min(cell.length(), ws + CELL_EXCERPT);
    String excerpt = cell.substring(ws, we);
    List<Integer> highlight = List.of(from - ws, Math.min(to, we) - ws);
    if (table.origin() instanceof Origin.GlyphTable g) {
      return pdf(GlyphBoxes.of(cell, g.cells().get(r).get(c), from, to), g.pages(), g.index(), r, c, excerpt,
          highlight);
    }
    if (table.origin() instanceof Origin.SourceTable t) {
      return new Evidence(Evidence.TABLE, null, null, null, t.index() < 0 ? null : t.index(),
          r < t.rows().length ? t.rows()[r] : r, c < t.columns().length ? t.columns()[c] : c, null, null, excerpt,
          highlight, null, null);
    }
    return new Evidence(Evidence.TABLE, null, null, null, null, r, c, null, null, excerpt, highlight, null, null);
  }

  /** The text between two places with its tabs as spaces, without a second string: a text's table rows hold tabs. */
  private static String withoutTabs(String text, int from, int to) {
    int tab = text.indexOf('\t', from);
    if (tab < 0 || tab >= to) {
      return text.substring(from, to);
    }
    char[] chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    for (int i = tab - from; i < chars.length; i++) {
      if (chars[i] == '\t') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static Evidence pdf(GlyphBoxes.Box box, Origin.PageSizes pages, Integer table, Integer row, Integer column,
      String excerpt, List<Integer> highlight) {
    if (box == null) {
      return new Evidence(Evidence.PDF, null, null, null, table, row, column, null, null, excerpt, highlight, null,
          null);
    }
    List<Double> size = pages.width(box.page()) > 0
        ? List.of(round(pages.width(box.page())), round(pages.height(box.page()))) : null;
    return new Evidence(Evidence.PDF, box.page(), size,
        List.of(round(box.x0()), round(box.y0()), round(box.x1()), round(box.y1())), table, row, column, null, null,
        excerpt, highlight, null, box.confidence() < PositionedWord.CERTAIN ? (double) box.confidence() : null);
  }

  /** Points to a tenth: finer than any glyph, and short in the JSON. */
  static double round(float v) {
    return Math.round(v * 10) / 10.0;
  }
}
