package nianbao.ocr;

import java.awt.geom.Rectangle2D;
import java.util.List;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.layout.Ruling;

/**
 * What a PDF page prints as text beside its pictures (a page whose tables were pasted in as images): its glyphs
 * and ruling lines, and where the pictures are, all in points from the top-left corner, y down. Recognition
 * then keeps the text layer outside the pictures and reads only the pictures.
 */
public record PrintedText(List<PositionedWord> words, List<Ruling> rulings, List<Rectangle2D.Float> pictures) {
  public PrintedText {
    words = List.copyOf(words);
    rulings = List.copyOf(rulings);
    pictures = List.copyOf(pictures);
  }

  /** Whether a point lies in one of the pictures. */
  public boolean inPicture(float x, float y) {
    for (Rectangle2D.Float p : pictures) {
      if (p.contains(x, y)) {
        return true;
      }
    }
    return false;
  }
}
