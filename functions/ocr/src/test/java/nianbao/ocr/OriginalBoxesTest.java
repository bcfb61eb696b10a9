package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nianbao.core.model.Evidence;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;

/** Evidence boxes found on a straightened page, mapped back onto the page as it was uploaded (turned). */
class OriginalBoxesTest {
  /** A 72 dpi page (a pixel is a point) with a black square at [x0, y0, x1, y1]. */
  private static Grey pageWithSquare(int width, int height, int x0, int y0, int x1, int y1) {
    Grey g = Grey.blank(width, height);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        g.set(x, y, 0);
      }
    }
    return g;
  }

  /** The box around the pixels darker than mid-grey. */
  private static List<Double> inkBox(Grey g) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < g.height; y++) {
      for (int x = 0; x < g.width; x++) {
        if (g.at(x, y) < 128) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return List.of((double) x0, (double) y0, (double) x1, (double) y1);
  }

  @Test
  void aBoxAtTheEdgeOfAPageTurnedByTwoDegreesLandsWhereTheScanHasItsInk() {
    // GIVEN an A4 page as uploaded, turned by 2°, with a figure near its bottom-right corner
    Grey uploaded = pageWithSquare(595, 842, 520, 780, 540, 795);
    double skew = 2.0;
    // WHEN it is straightened as the recogniser does, and the figure's box found there
    List<Double> straightened = inkBox(Deskew.rotate(uploaded, skew));
    RecognisedPage page = new RecognisedPage(1, 595, 842, List.of(), List.of(), 0, skew);
    List<Double> original = page.onOriginal(straightened);

    // THEN the straightened box is off the scan by several points, the mapped one is within a point and a half
    assertTrue(Math.abs(straightened.get(0) - 520) > 5 || Math.abs(straightened.get(1) - 780) > 5, "" + straightened);
    List<Double> printed = List.of(520.0, 780.0, 540.0, 795.0);
    for (int i = 0; i < 4; i++) {
      // the box around the turned box is larger by up to sin 2° of its other side (20 pt: 0.7 pt) each way
      assertEquals(printed.get(i), original.get(i), 1.5, "coordinate " + i + " of " + original);
    }
  }

  @Test
  void aPageNotTurnedKeepsItsBoxesAndASavedPageKeepsItsSkew() {
    RecognisedPage straight = new RecognisedPage(1, 595, 842, List.of(), List.of(), 0);
    assertEquals(List.of(10.0, 20.0, 30.0, 40.0), straight.onOriginal(List.of(10.0, 20.0, 30.0, 40.0)));
    RecognisedPage turned = new RecognisedPage(2, 595, 842, List.of(), List.of(), 0, -1.25);
    assertEquals(-1.25, RecognisedPage.fromJson(turned.toJson()).skew());
    // a page saved before the skew was kept reads as not turned
    assertEquals(0, RecognisedPage.fromJson("{\"page\":1,\"width\":595,\"height\":842,\"words\":[],\"rulings\":[],"
        + "\"millis\":5}").skew());
  }

  @Test
  void theReportsEvidenceIsMovedPageByPage() {
    Evidence onTurned = new Evidence(Evidence.PDF, 2, List.of(595.0, 842.0), List.of(520.0, 780.0, 540.0, 795.0),
        null, null, null, null, null, "1", null, null, 0.9);
    Evidence onStraight = new Evidence(Evidence.PDF, 1, List.of(595.0, 842.0), List.of(520.0, 780.0, 540.0, 795.0),
        null, null, null, null, null, "1", null, null, 0.9);
    Report report = new Report(Report.SCHEMA_VERSION, null, null, null, null, null, null, null, null, null, null,
        List.of(), Map.of(), null).withEvidence(Map.of("三/newReceived/total", onTurned, "二/licensing", onStraight));
    List<RecognisedPage> pages = List.of(new RecognisedPage(1, 595, 842, List.of(), List.of(), 0),
        new RecognisedPage(2, 595, 842, List.of(), List.of(), 0, 2.0));

    Report moved = ScanReader.onOriginalPages(report, pages);

    assertEquals(onStraight, moved.evidence().get("二/licensing"));
    Evidence e = moved.evidence().get("三/newReceived/total");
    assertEquals(pages.get(1).onOriginal(onTurned.box()), e.box());
    assertEquals(0.9, e.confidence());
  }
}
