package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import nianbao.core.document.Table;
import nianbao.core.document.layout.PageFlow;
import nianbao.core.document.layout.PageLayout;
import nianbao.core.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** This machine's Tesseract on a synthetic page: a table of figures, turned as a scanner would. */
class TesseractRecogniserTest {
  private static TesseractRecogniser recogniser;
  private static final String[][] CELLS = {
      {"信息内容", "本年新收", "上年结转", "总计"}, {"行政许可", "4658", "0", "4658"}, {"行政处罚", "1427", "17", "1444"},
      {"行政事业性收费", "7504.2371", "", "8"}, {"行政强制", "273", "30", "303"}};

  @BeforeAll
  static void engine() throws OcrException {
    recogniser = new TesseractRecogniser();
  }

  private static BufferedImage page() {
    BufferedImage image = Drawn.page(2480, 1600);
    Graphics2D g = Drawn.ink(image, 2.5f);
    g.setFont(new Font(Drawn.FONT, Font.PLAIN, 50));
    g.drawString("二、主动公开政府信息情况", 200, 250);
    String[][] cells = new String[CELLS.length][];
    for (int r = 0; r < CELLS.length; r++) {
      cells[r] = CELLS[r].clone();
      cells[r][2] = cells[r][2].isEmpty() ? null : cells[r][2];
    }
    Drawn.table(g, 200, 400, 500, 140, cells, 44);
    g.dispose();
    return image;
  }

  @Test
  void theEngineNamesItsVersionAndModel() {
    assertTrue(recogniser.engine().matches("tesseract-\\d+\\.\\d+\\.\\d+\\+chi_sim@[0-9a-f]{8}\\+eng@[0-9a-f]{8}"), recogniser.engine());
  }

  @Test
  void aTurnedTableIsReadCellByCellWithItsFiguresExact() throws OcrException {
    RecognisedPage page = recogniser.recognise(new PageImage(1, Drawn.turned(page(), 1.5), 300));

    Table table = (Table) PageFlow.blocks(List.of(PageLayout.of(page.words(), page.rulings(), page.heightPt())))
        .stream().filter(b -> b instanceof Table).findFirst().orElseThrow();
    for (int r = 1; r < CELLS.length; r++) {
      for (int c = 1; c < CELLS[r].length; c++) {
        assertEquals(CELLS[r][c], table.rows().get(r).get(c), "row " + r + " column " + c + ": " + table.rows());
      }
    }
    assertEquals("行政许可", table.rows().get(1).get(0));
    assertTrue(page.words().stream().allMatch(w -> w.page() == 1 && w.confidence() > 0 && w.confidence() <= 1));
    assertEquals(595.2f, page.widthPt(), 0.1f);
  }

  @Test
  void aMissingProgramIsAClearError() {
    OcrException e = assertThrows(OcrException.class, () -> new TesseractRecogniser(
        Settings.of(Map.of(TesseractRecogniser.BINARY, "/nonexistent/tesseract"), Map.of())));
    assertTrue(e.getMessage().contains("/nonexistent/tesseract"), e.getMessage());
  }

  @Test
  void aMissingModelIsAClearError() {
    OcrException e = assertThrows(OcrException.class, () -> new TesseractRecogniser(
        Settings.of(Map.of(TesseractRecogniser.TESSDATA, "/nonexistent"), Map.of())));
    assertTrue(e.getMessage().contains("chi_sim"), e.getMessage());
  }
}
