package nianbao.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Synthetic page images for the tests: tables and text drawn with Java2D, optionally turned. */
final class Drawn {
  static final String FONT = "Noto Serif CJK SC";

  private Drawn() {}

  /** A white page of {@code width} by {@code height} pixels with its graphics ready. */
  static BufferedImage page(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  static Graphics2D ink(BufferedImage image, float stroke) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(stroke));
    return g;
  }

  /**
   * A ruled table at (x, y): {@code rows} by {@code cols} cells of the given size, each holding its text (null:
   * empty), in a font of {@code fontPx} pixels.
   */
  static void table(Graphics2D g, int x, int y, int cellWidth, int cellHeight, String[][] cells, int fontPx) {
    int rows = cells.length;
    int cols = cells[0].length;
    for (int r = 0; r <= rows; r++) {
      g.drawLine(x, y + r * cellHeight, x + cols * cellWidth, y + r * cellHeight);
    }
    for (int c = 0; c <= cols; c++) {
      g.drawLine(x + c * cellWidth, y, x + c * cellWidth, y + rows * cellHeight);
    }
    g.setFont(new Font(FONT, Font.PLAIN, fontPx));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (cells[r][c] != null) {
          int w = g.getFontMetrics().stringWidth(cells[r][c]);
          g.drawString(cells[r][c], x + c * cellWidth + (cellWidth - w) / 2,
              y + r * cellHeight + (cellHeight + fontPx * 7 / 10) / 2);
        }
      }
    }
  }

  /** The image turned by {@code degrees} about its centre on white. */
  static BufferedImage turned(BufferedImage image, double degrees) {
    BufferedImage out = page(image.getWidth(), image.getHeight());
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
        image.getHeight() / 2.0), null);
    g.dispose();
    return out;
  }
}
