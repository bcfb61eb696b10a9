package nianbao.core.document;

import java.util.List;
import nianbao.core.document.layout.PositionedWord;

/**
 * Where a block stands in the source, so that a value read from it can be pointed at (docs/FORMAT.md's
 * {@code evidence}). Kept cheap: a number for text and tables; for PDF the glyphs the layout already holds.
 */
public sealed interface Origin {
  /** A block whose place in the source is not recorded (HTML and DOCX paragraphs, tests' hand-built blocks). */
  Origin NONE = new Unknown();

  record Unknown() implements Origin {}

  /**
   * A paragraph whose characters are the decoded source's from {@code offset} on, one for one.
   *
   * @param offset in UTF-16 code units of the decoded source text
   */
  record SourceText(int offset) implements Origin {}

  /**
   * A table of the source: the {@code index}-th table of the document (from 0, in document order). A cell of the
   * block's grid at (r, c) is the source's row {@code rows[r]} and grid column {@code columns[c]} (spans
   * expanded), since the grid leaves out rows and columns in which no cell starts.
   */
  record SourceTable(int index, int[] rows, int[] columns) implements Origin {}

  /** A paragraph of a PDF page: its glyphs in reading order ({@code text}'s non-blank characters, in order). */
  record Glyphs(List<PositionedWord> glyphs, PageSizes pages) implements Origin {}

  /**
   * A table of a PDF: the {@code index}-th table found, and each grid cell's glyphs in reading order (an empty
   * list where the cell holds nothing).
   */
  record GlyphTable(int index, List<List<List<PositionedWord>>> cells, PageSizes pages) implements Origin {}

  /** Each page's width and height in points (the crop box), page 1 first. */
  record PageSizes(float[] widths, float[] heights) {
    public static final PageSizes UNKNOWN = new PageSizes(new float[0], new float[0]);

    public float width(int page) {
      return page >= 1 && page <= widths.length ? widths[page - 1] : 0;
    }

    public float height(int page) {
      return page >= 1 && page <= heights.length ? heights[page - 1] : 0;
    }
  }
}
