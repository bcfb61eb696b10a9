package nianbao.core.document.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.layout.PositionedWord;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A page's glyphs as positioned words, one per glyph, after PDFBox's removal of overlapping duplicates
 * (fake bold). Coordinates are the text direction's, y growing downwards from the top of the crop box.
 */
public final class GlyphCollector extends PDFTextStripper {
  private final List<PositionedWord> glyphs = new ArrayList<>();
  private int operators;
  private int page;

  public GlyphCollector() {
    setSortByPosition(false);
    setSuppressDuplicateOverlappingText(true);
  }

  /** The glyphs of one page (from 1). */
  public List<PositionedWord> collect(PDDocument pdf, int pageNumber) throws IOException {
    glyphs.clear();
    page = pageNumber;
    setStartPage(pageNumber);
    setEndPage(pageNumber);
    getText(pdf);
    return List.copyOf(glyphs);
  }

  @Override
  protected void writePage() {
    int seen = 0;
    for (List<TextPosition> article : getCharactersByArticle()) {
      for (TextPosition t : article) {
        if ((++seen & 1023) == 0) {
          Deadline.check();
        }
        String s = t.getUnicode();
        if (s == null || s.isEmpty()) {
          continue;
        }
        float h = t.getHeightDir();
        float size = Math.max(h, Math.max(1f, Math.abs(t.getFontSizeInPt()) * 0.7f));
        if (h <= 0 || h > 3 * size) {
          h = size;
        }
        float x = t.getXDirAdj();
        float w = Math.max(t.getWidthDirAdj(), 0.1f);
        float base = t.getYDirAdj();
        glyphs.add(PositionedWord.glyph(s, page, x, x + w, base, base - h, size));
      }
    }
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    if ((++operators & 255) == 0) {
      Deadline.check();
    }
    super.processOperator(operator, operands);
  }
}
