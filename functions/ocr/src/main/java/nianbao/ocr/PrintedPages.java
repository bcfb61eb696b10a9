package nianbao.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.layout.Ruling;

/**
 * A PDF page with a text layer and pictures (tables pasted in as images): the text layer is kept as it is, the
 * pictures alone are recognised, and the two are merged into one page's words and rulings for the layout.
 */
final class PrintedPages {
  private PrintedPages() {}

  /** The page's image with everything outside its pictures painted white, as a page without a text layer. */
  static PageImage picturesOnly(PageImage page, PrintedText printed) {
    BufferedImage image = page.image();
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    float scale = 1 / page.pointsPerPixel();
    for (Rectangle2D.Float p : printed.pictures()) {
      int x0 = Math.max(0, (int) Math.floor(p.x * scale));
      int y0 = Math.max(0, (int) Math.floor(p.y * scale));
      int x1 = Math.min(image.getWidth(), (int) Math.ceil((p.x + p.width) * scale));
      int y1 = Math.min(image.getHeight(), (int) Math.ceil((p.y + p.height) * scale));
      if (x1 > x0 && y1 > y0) {
        g.drawImage(image.getSubimage(x0, y0, x1 - x0, y1 - y0), x0, y0, null);
      }
    }
    g.dispose();
    return new PageImage(page.page(), out, page.dpi());
  }

  /**
   * The text layer's words and rulings outside the pictures, with what recognition found inside them.
   *
   * @param recognised the pictures' recognition, or null when the page has none
   */
  static RecognisedPage merged(PageImage page, PrintedText printed, RecognisedPage recognised, long nanos) {
    List<PositionedWord> words = new ArrayList<>();
    for (PositionedWord w : printed.words()) {
      if (!printed.inPicture(w.centerX(), w.centerY())) {
        words.add(w);
      }
    }
    List<Ruling> rulings = new ArrayList<>(printed.rulings());
    if (recognised != null) {
      for (PositionedWord w : recognised.words()) {
        if (printed.inPicture(w.centerX(), w.centerY())) {
          words.add(w);
        }
      }
      rulings.addAll(recognised.rulings());
    }
    return new RecognisedPage(page.page(), page.widthPt(), page.heightPt(), words, rulings, nanos / 1_000_000);
  }
}
