package nianbao.ocr;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * Where a PDF page draws its images, in points from the crop box's top-left corner, y down (the glyphs'
 * coordinates): a page of text whose tables are pictures has them here. Paths are ignored.
 */
final class PdfImageRegions extends PDFGraphicsStreamEngine {
  private final List<Rectangle2D.Float> regions = new ArrayList<>();
  private final float llx;
  private final float top;

  PdfImageRegions(PDPage page) {
    super(page);
    PDRectangle crop = page.getCropBox();
    llx = crop.getLowerLeftX();
    top = crop.getUpperRightY();
  }

  /** The page's image boxes. */
  static List<Rectangle2D.Float> of(PDPage page) throws IOException {
    PdfImageRegions engine = new PdfImageRegions(page);
    engine.processPage(page);
    return List.copyOf(engine.regions);
  }

  /**
   * The resolution its largest picture was scanned at (its pixels across the points it is drawn over), or 0 when
   * the page shows none: a scanned page put in a PDF at 200 dpi is best read at 200 dpi — rendered at 300 its thin
   * ruling lines come out as pale two-pixel smears that are no line to the detector (seed 003 so: 11 of 121 values).
   */
  static float scanDpi(PDPage page) throws IOException {
    PdfImageRegions engine = new PdfImageRegions(page);
    engine.processPage(page);
    return engine.largestDpi;
  }

  private float largestArea;
  private float largestDpi;

  @Override
  public void drawImage(PDImage image) {
    Matrix m = getGraphicsState().getCurrentTransformationMatrix();
    float x0 = Float.MAX_VALUE;
    float y0 = Float.MAX_VALUE;
    float x1 = -Float.MAX_VALUE;
    float y1 = -Float.MAX_VALUE;
    for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
      Point2D.Float p = m.transformPoint(corner[0], corner[1]);
      float x = p.x - llx;
      float y = top - p.y;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    regions.add(new Rectangle2D.Float(x0, y0, x1 - x0, y1 - y0));
    float area = (x1 - x0) * (y1 - y0);
    if (area > largestArea && x1 - x0 > 0 && y1 - y0 > 0) {
      largestArea = area;
      // across both sides, the coarser: a picture turned a quarter is drawn with its sides swapped
      float across = Math.min(image.getWidth(), image.getHeight());
      float drawn = Math.min(x1 - x0, y1 - y0);
      largestDpi = across * 72f / drawn;
    }
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

  @Override
  public void clip(int windingRule) {}

  @Override
  public void moveTo(float x, float y) {}

  @Override
  public void lineTo(float x, float y) {}

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

  @Override
  public Point2D getCurrentPoint() {
    return new Point2D.Float();
  }

  @Override
  public void closePath() {}

  @Override
  public void endPath() {}

  @Override
  public void strokePath() {}

  @Override
  public void fillPath(int windingRule) {}

  @Override
  public void fillAndStrokePath(int windingRule) {}

  @Override
  public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}
}
