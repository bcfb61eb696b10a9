package nianbao.core.document.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.layout.Ruling;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * A page's ruling lines, in the glyphs' coordinates: stroked lines and rectangle edges, and thin filled
 * rectangles (the ways office suites draw cell borders). Counts the page's images, which tell a scanned page.
 */
public final class RulingCollector extends PDFGraphicsStreamEngine {
  private final List<Ruling> rulings = new ArrayList<>();
  private int images;
  private final List<float[]> path = new ArrayList<>(); // stroked pieces {x1,y1,x2,y2}
  private final List<List<float[]>> subpaths = new ArrayList<>(); // points of each subpath, for fills
  private List<float[]> subpath;
  private Point2D.Float current = new Point2D.Float();
  private Point2D.Float start = new Point2D.Float();
  private final float llx;
  private final float top;
  private int operators;
  private int pieces;

  public RulingCollector(PDPage page) {
    super(page);
    PDRectangle crop = page.getCropBox();
    llx = crop.getLowerLeftX();
    top = crop.getUpperRightY();
  }

  /** Processes the page; then {@link #rulings()} and {@link #images()} hold what it draws. */
  public RulingCollector collect() throws IOException {
    processPage(getPage());
    return this;
  }

  public List<Ruling> rulings() {
    return List.copyOf(rulings);
  }

  public int images() {
    return images;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    if ((++operators & 255) == 0) {
      Deadline.check();
    }
    super.processOperator(operator, operands);
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    moveTo((float) p0.getX(), (float) p0.getY());
    lineTo((float) p1.getX(), (float) p1.getY());
    lineTo((float) p2.getX(), (float) p2.getY());
    lineTo((float) p3.getX(), (float) p3.getY());
    closePath();
  }

  @Override
  public void moveTo(float x, float y) {
    current = new Point2D.Float(x, y);
    start = current;
    subpath = new ArrayList<>();
    subpath.add(new float[] {x, y});
    subpaths.add(subpath);
  }

  @Override
  public void lineTo(float x, float y) {
    path.add(new float[] {current.x, current.y, x, y});
    current = new Point2D.Float(x, y);
    if (subpath == null) {
      moveTo(x, y);
    }
    subpath.add(new float[] {x, y});
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current = new Point2D.Float(x3, y3);
    if (subpath != null) {
      subpath.add(new float[] {Float.NaN, Float.NaN}); // curves make no ruling
    }
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void closePath() {
    if (current.x != start.x || current.y != start.y) {
      path.add(new float[] {current.x, current.y, start.x, start.y});
    }
    current = start;
  }

  @Override
  public void endPath() {
    path.clear();
    subpaths.clear();
    subpath = null;
  }

  @Override
  public void strokePath() {
    for (float[] l : path) {
      if ((++pieces & 1023) == 0) {
        Deadline.check();
      }
      line(l[0], l[1], l[2], l[3]);
    }
    endPath();
  }

  /** A filled subpath that is a thin bar (at most 3 units across) is a ruling line. */
  @Override
  public void fillPath(int windingRule) {
    for (List<float[]> points : subpaths) {
      Deadline.check();
      float x1 = Float.MAX_VALUE;
      float y1 = Float.MAX_VALUE;
      float x2 = -Float.MAX_VALUE;
      float y2 = -Float.MAX_VALUE;
      boolean curved = false;
      for (float[] pt : points) {
        if (Float.isNaN(pt[0])) {
          curved = true;
          break;
        }
        x1 = Math.min(x1, pt[0]);
        y1 = Math.min(y1, pt[1]);
        x2 = Math.max(x2, pt[0]);
        y2 = Math.max(y2, pt[1]);
      }
      if (curved || points.size() < 3) {
        continue;
      }
      float w = x2 - x1;
      float h = y2 - y1;
      if (w <= 3 && h > w) {
        line((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
      } else if (h <= 3 && w > h) {
        line(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
      }
    }
    endPath();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    strokePath();
  }

  @Override
  public void clip(int windingRule) {
    // the path that follows (usually "n") is dropped by endPath
  }

  @Override
  public void drawImage(PDImage pdImage) {
    images++;
  }

  @Override
  public void shadingFill(COSName shadingName) {
    // no rulings in shadings
  }

  private void line(float x1, float y1, float x2, float y2) {
    float ax = x1 - llx;
    float bx = x2 - llx;
    float ay = top - y1;
    float by = top - y2;
    if (Math.abs(ay - by) < 1f && Math.abs(ax - bx) >= 2f) {
      rulings.add(new Ruling(true, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
    } else if (Math.abs(ax - bx) < 1f && Math.abs(ay - by) >= 2f) {
      rulings.add(new Ruling(false, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
    }
  }
}
