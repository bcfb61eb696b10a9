package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deskew, ruling lines and table cells on synthetic pages at 300 dpi and 200 (no Tesseract). */
class GeometryTest {
  private static final String[][] CELLS = {
      {"本年新收", "13", "0", "7"}, {"上年结转", "0", "12", "4"}, {"总计", "13", "12", "11"}};

  private static BufferedImage tablePage() {
    BufferedImage image = Drawn.page(2000, 1400);
    Graphics2D g = Drawn.ink(image, 2f);
    g.setFont(new Font(Drawn.FONT, Font.PLAIN, 44));
    g.drawString("三、收到和处理政府信息公开申请情况", 200, 250);
    g.drawString("一是提高公开意识和能力。进一步学习省、市、县关于政务公开相关文件精神", 200, 1200);
    Drawn.table(g, 200, 400, 400, 150, CELLS, 44);
    g.dispose();
    return image;
  }

  @Test
  void aStraightPageHasNoSkew() {
    assertEquals(0, Deskew.angle(Grey.of(tablePage())), 0.05);
  }

  @Test
  void aPageTurnedByOneAndAHalfDegreesIsMeasuredAndTurnedBack() {
    for (double degrees : new double[] {1.5, -1.2, 2}) {
      Grey turned = Grey.of(Drawn.turned(tablePage(), degrees));

      double angle = Deskew.angle(turned);

      assertEquals(degrees, angle, 0.05, "measured skew of a page turned by " + degrees);
      List<RulingDetector.Line> lines = RulingDetector.find(Deskew.rotate(turned, angle), 300);
      assertEquals(4, lines.stream().filter(RulingDetector.Line::horizontal).count(), "rows' borders at " + degrees);
      assertEquals(5, lines.stream().filter(l -> !l.horizontal()).count(), "columns' borders at " + degrees);
    }
  }

  @Test
  void rulingLinesAreTheTablesBordersNotTheStrokesOfItsText() {
    List<RulingDetector.Line> lines = RulingDetector.find(Grey.of(tablePage()), 300);

    List<Integer> rows = lines.stream().filter(RulingDetector.Line::horizontal).map(RulingDetector.Line::at).toList();
    List<Integer> cols = lines.stream().filter(l -> !l.horizontal()).map(RulingDetector.Line::at).toList();
    assertEquals(List.of(400, 550, 700, 850), rows.stream().map(y -> Math.round(y / 2f) * 2).toList());
    assertEquals(List.of(200, 600, 1000, 1400, 1800), cols.stream().map(x -> Math.round(x / 2f) * 2).toList());
    for (RulingDetector.Line l : lines) {
      assertTrue(l.horizontal() ? l.from() <= 202 && l.to() >= 1798 : l.from() <= 402 && l.to() >= 848, l.toString());
    }
  }

  @Test
  void aStrokeThatTouchesABorderIsNoBorder() {
    BufferedImage image = tablePage();
    Graphics2D g = Drawn.ink(image, 3f);
    g.drawLine(800, 550, 800, 630); // a seal's stroke from the border into the cell, 19 pt long
    g.dispose();

    List<RulingDetector.Line> lines = RulingDetector.find(Grey.of(image), 300);

    assertEquals(5, lines.stream().filter(l -> !l.horizontal()).count());
  }

  @Test
  void cellsAreTheInsidesOfTheGridWithMergedCellsWhereABorderIsMissing() {
    BufferedImage image = tablePage();
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(995, 555, 10, 140); // no border between the second row's middle cells
    g.dispose();
    Grey grey = Grey.of(image);

    List<TableCells.Cell> cells = TableCells.of(RulingDetector.find(grey, 300), 8);

    assertEquals(11, cells.size());
    assertTrue(cells.stream().anyMatch(c -> c.x0() < 620 && c.x1() > 1380 && c.y0() > 550 && c.y1() < 700),
        "the merged cell spans two columns: " + cells);
  }

  @Test
  void aRedSealTurnsToPaperAndThePrintUnderItStays() {
    BufferedImage image = Drawn.page(200, 100);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 40, 40));
    g.fillRect(20, 20, 60, 60); // print
    g.setColor(new Color(215, 35, 40));
    g.fillRect(100, 20, 80, 60); // seal on paper
    g.setColor(new Color(40 * 215 / 255, 40 * 35 / 255, 40 * 40 / 255));
    g.fillRect(60, 40, 20, 20); // seal over the print: the colours multiply
    g.dispose();

    Grey grey = Grey.of(image);

    assertEquals(40, grey.at(30, 30), 2, "print");
    assertTrue(grey.at(140, 50) > 240, "seal on paper: " + grey.at(140, 50));
    assertTrue(grey.at(70, 50) < 60, "print under the seal: " + grey.at(70, 50));
  }

  @Test
  void dustIsSweptAndFullStopsStay() {
    Grey grey = Grey.blank(100, 100);
    grey.set(10, 10, 0); // one pixel of dust
    grey.set(11, 10, 0);
    for (int y = 50; y < 56; y++) {
      for (int x = 50; x < 56; x++) {
        grey.set(x, y, 0); // a full stop at 300 dpi
      }
    }

    Grey clean = grey.withoutSpecks(128, TesseractRecogniser.specks(300));

    assertEquals(255, clean.at(10, 10));
    assertEquals(0, clean.at(52, 52));
  }

  /** Seed 003's table as a 200 dpi scan gives it: rules one pixel of light grey (200), the print dark. */
  private static BufferedImage lightlyRuledPage() {
    BufferedImage image = Drawn.page(1400, 1000);
    Graphics2D g = Drawn.ink(image, 1f);
    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(new Color(200, 200, 200));
    Drawn.table(g, 140, 280, 280, 100, new String[3][4], 30);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Drawn.FONT, Font.PLAIN, 30));
    g.drawString("三、收到和处理政府信息公开申请情况", 140, 180);
    g.drawString("一是提高公开意识和能力。进一步学习省、市、县关于政务公开相关文件精神", 140, 800);
    g.dispose();
    return image;
  }

  @Test
  void lightGreyRulesOnCleanPaperAreFoundOnceTheFaintInkIsDarkened() {
    Grey grey = Grey.of(lightlyRuledPage()).flattened(200);
    assertTrue(grey.printIsLightOnCleanPaper());
    assertEquals(List.of(), RulingDetector.find(grey, 200), "too light for the detector as they are");

    List<RulingDetector.Line> lines = RulingDetector.find(grey.faintInkDarkened(), 200);

    assertEquals(4, lines.stream().filter(RulingDetector.Line::horizontal).count());
    assertEquals(5, lines.stream().filter(l -> !l.horizontal()).count());
  }

  @Test
  void darkPrintAndNoisyPaperAreNotDarkened() {
    Grey dark = Grey.of(tablePage());
    assertFalse(dark.printIsLightOnCleanPaper(), "black print, antialiased");
    assertTrue(java.util.Arrays.equals(dark.pixels, dark.faintInkDarkened().pixels));

    Grey noisy = Grey.of(lightlyRuledPage()).flattened(200);
    java.util.Random noise = new java.util.Random(7);
    for (int i = 0; i < noisy.pixels.length; i++) {
      if ((noisy.pixels[i] & 255) == 255 && noise.nextInt(10) < 3) {
        noisy.pixels[i] = (byte) (236 + noise.nextInt(19)); // a JPEG's paper
      }
    }
    assertFalse(noisy.printIsLightOnCleanPaper());
    assertTrue(java.util.Arrays.equals(noisy.pixels, noisy.faintInkDarkened().pixels));
  }
}
